import type { Generated, Selectable } from 'kysely';

import type { ApprovalDecision } from '../../shared/api/approvals';

export { APPROVAL_DECISIONS, type ApprovalDecision } from '../../shared/api/approvals';

/** The submission states approval adds to the pipeline's own (validated, rejected, committed, withdrawn). */
export const AWAITING_APPROVAL = 'awaiting-approval';
export const APPROVAL_REJECTED = 'approval-rejected';

/** One request for approval of a committed submission, and the secretariat's decision on it. */
export interface SubmissionApprovalTable {
  id: Generated<number>;
  submission_id: number;
  geo: string;
  requested_by: string;
  requested_at: string;
  decision: ApprovalDecision | null;
  decided_by: string | null;
  decided_at: string | null;
  /** Why it was rejected (shown to the contact point), or a note with an approval. */
  message: string | null;
}

export type SubmissionApprovalRow = Selectable<SubmissionApprovalTable>;
