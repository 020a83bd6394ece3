import type { Generated, Insertable, Selectable } from 'kysely';

/** awaiting-approval and approval-rejected occur only when the deployment requires approval (server/approvals). */
export const SUBMISSION_STATUSES = ['validated', 'rejected', 'committed', 'withdrawn', 'awaiting-approval', 'approval-rejected'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export interface SubmissionTable {
  id: Generated<number>;
  geo: string;
  submitted_by: string;
  submitted_at: string;
  file_name: string;
  sha256: string;
  byte_size: number;
  format: string;
  rows_read: number;
  cells_valid: number;
  error_count: number;
  warning_count: number;
  status: SubmissionStatus;
  /** The validation report and diff summary, as JSON text. */
  report: string;
  committed_at: string | null;
  /** The import profile the file was read with, if any. */
  profile: string | null;
  withdrawn_at: string | null;
}

/** Validated cells of a submission, held between preview and commit. */
export interface SubmissionCellTable {
  submission_id: number;
  geo: string;
  indicator: string;
  period: string;
  period_start: string;
  value: number | null;
  flags: string;
  note: string | null;
  source_row: number;
}

export type SubmissionRow = Selectable<SubmissionTable>;
export type NewSubmission = Insertable<SubmissionTable>;
export type SubmissionCellRow = Selectable<SubmissionCellTable>;
