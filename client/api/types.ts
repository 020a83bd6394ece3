/**
 * API answer types, inferred from the zod schemas the server's routes declare (server/shared/api/),
 * through `import type`: there is no second, hand-copied set of API types to drift.
 */
export type { AuditAnswer, AuditEntry } from '../../server/shared/api/audit';
export type { ApprovalItem, ApprovalsAnswer } from '../../server/shared/api/approvals';
export type { Geo, GeosAnswer } from '../../server/shared/api/geos';
export type { Indicator, IndicatorsAnswer, Theme } from '../../server/shared/api/indicators';
export type {
  ChangedCell,
  CommitAnswer,
  CommitRequest,
  ConfirmCell,
  Confirmation,
  ReportEntry,
  SkippedCounts,
  SubmissionListItem,
  SubmissionPreview,
  SubmissionsAnswer,
} from '../../server/shared/api/submissions';
export type {
  CreatedUserAnswer,
  IssuedTokenAnswer,
  PasswordLinkAnswer,
  PasswordSetAnswer,
  SessionAnswer,
  TokensAnswer,
  TokenView,
  UsersAnswer,
  UserView,
} from '../../server/shared/api/accounts';
export type { Observation, ObservationsAnswer } from '../../server/shared/api/observations';
export type { PracticeDetail, PracticeSearchResponse, PracticeSummary } from '../../server/shared/api/practices';
export type { Evaluation } from '../../server/shared/api/practice-record';
export type {
  ImportProfilesAnswer,
  ImportProfileView,
  ProfileDefinition as ImportProfileDefinition,
} from '../../server/shared/api/import-profiles';
