import type { Generated, Selectable } from 'kysely';

import type { ApprovalDecision } from '../../shared/api/approvals';

export { APPROVAL_DECISIONS, type ApprovalDecision } from '../../shared/api/approvals';

/** The submission states approval adds to the pipeline's own (validated, rejected, committed, withdrawn). */
export const AWAITING_APPROVAL = 'awaiting-approval';
export const APPROVAL_REJECTED = 'approval-rejected';

/** What is approved: a committed submission (APPROVAL_REQUIRED), or a country's part of a round. */
export const APPROVAL_SUBJECTS = ['submission', 'round-part'] as const;
export type ApprovalSubjectKind = (typeof APPROVAL_SUBJECTS)[number];

/** The levels, lowest first: a lower level approves before a higher one can (DHIS2's approval levels). */
export const APPROVAL_LEVELS = ['national', 'secretariat'] as const;
export type ApprovalLevel = (typeof APPROVAL_LEVELS)[number];

/**
 * One request for approval at one level, and its decision. Decided rows are never rewritten but to
 * withdraw them: an un-approval (or a request the subject no longer needs) sets `withdrawn_*`.
 */
export interface ApprovalTable {
  id: Generated<number>;
  subject: ApprovalSubjectKind;
  /** The submission (subject "submission") or the round and geo (subject "round-part"). */
  submission_id: number | null;
  round_id: number | null;
  geo: string;
  level: ApprovalLevel;
  requested_by: string;
  requested_at: string;
  decision: ApprovalDecision | null;
  decided_by: string | null;
  decided_at: string | null;
  /** Why it was rejected (shown to the contact point), or a note with an approval. */
  message: string | null;
  withdrawn_by: string | null;
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
}

export type ApprovalRow = Selectable<ApprovalTable>;
