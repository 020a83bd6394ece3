/**
 * The practice API's response types, for the dashboard (`import type` only). They are inferred from
 * the schema and the views, never copied.
 */
export type { EvidenceAssessment, ExternalRatingView } from './evidence-rating';
export type { FacetName } from './practice.listing';
export type { PracticeHistoryEntry, FieldChange } from './practice.history';
export type {
  PracticeRecord,
  PracticeInput,
  Evaluation,
  ExternalRating,
  EucpnCriteria,
  Emmie,
  RatingOverride,
} from '../shared/api/practice-record';
export type { FacetCount } from './practice.search';
export type {
  PracticeDetail,
  PracticeHistoryResponse,
  PracticeSearchResponse,
  PracticeSummary,
} from './practice.views';
export type {
  Approach,
  EvidenceRating,
  PreventionLevel,
  TargetGroup,
  WorkflowState,
} from '../shared/practice-vocabulary';
