import type { Generated, Insertable, Selectable } from 'kysely';

import type { SubmissionStatus } from '../../shared/api/submissions';

/** awaiting-approval and approval-rejected occur only when the deployment requires approval (server/approvals). */
export { SUBMISSION_STATUSES, type SubmissionStatus } from '../../shared/api/submissions';

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
  /** The revision ids a commit gave its new and changed cells: a contiguous range (commits take turns). */
  first_revision_id: number | null;
  last_revision_id: number | null;
  /** The source the submission delivers (sources.code): a later one from the same source revises its cells. */
  source: Generated<string>;
  /** The source's edition or version, as its publisher names it (e.g. "2025-04-23"). */
  edition: string | null;
}

/** A submission's validated cells, held between preview and commit as sorted, encoded parts (staged-part.ts). */
export interface StagedPartTable {
  submission_id: number;
  run: number;
  part: number;
  cells: number;
  data: Buffer;
}

export type SubmissionRow = Selectable<SubmissionTable>;
export type NewSubmission = Insertable<SubmissionTable>;
