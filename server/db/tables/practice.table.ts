import type { Generated, Insertable, Selectable } from 'kysely';
import type { EvidenceRating, WorkflowState } from '../../shared/practice-vocabulary';

export interface PracticeTable {
  id: Generated<number>;
  slug: string;
  state: WorkflowState;
  current_version: number;
  published_version: number | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** The curator's comments when the practice was last returned. */
  review_comment: string | null;
}

/** Append-only: every change to a practice adds a row. */
export interface PracticeVersionTable {
  id: Generated<number>;
  practice_id: number;
  version: number;
  state: WorkflowState;
  action: PracticeAction;
  comment: string | null;
  /** The PracticeRecord as JSON. */
  document: string;
  author: string;
  recorded_at: string;
}

export type PracticeAction =
  | 'create'
  | 'edit'
  | 'submit'
  | 'start_review'
  | 'publish'
  | 'return'
  | 'override'
  | 'import'
  | 'seed';

export type ListingAudience = 'public' | 'staff';

/** A searchable row derived from one version: the published one (public) or the current one (staff). */
export interface PracticeListingTable {
  id: Generated<number>;
  practice_id: number;
  audience: ListingAudience;
  version: number;
  state: WorkflowState;
  slug: string;
  title: string;
  summary: string;
  /** The language title and summary are written in (ISO 639); translations are in practice_translations. */
  language: Generated<string>;
  search_title: string;
  search_body: string;
  rating: EvidenceRating;
  rating_rank: number;
  european_evidence: number;
  start_year: number | null;
  end_year: number | null;
  last_evaluation_year: number | null;
  review_date: string;
  updated_at: string;
}

export interface PracticeListingFacetTable {
  listing_id: number;
  facet: string;
  value: string;
}

export type PracticeRow = Selectable<PracticeTable>;
export type PracticeVersionRow = Selectable<PracticeVersionTable>;
export type PracticeListingRow = Selectable<PracticeListingTable>;
export type NewPracticeListing = Insertable<PracticeListingTable>;
