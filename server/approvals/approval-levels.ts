import { APPROVAL_LEVELS, type ApprovalLevel } from '../db/tables/approval.table';

/** What asks for approval: a commit of a submission, or a country's part of a round. */
export type ApprovalNeed =
  | { kind: 'submission'; approvalRequired: boolean }
  | { kind: 'round-part'; twoLevelApproval: boolean };

/**
 * The one rule for which levels approve what, lowest first. With APPROVAL_REQUIRED=true every commit
 * waits for the secretariat; a round with two-level approval has each country's part approved by its
 * national representative, then accepted by the secretariat. Anything else needs no approval.
 */
export function levelsFor(need: ApprovalNeed): ApprovalLevel[] {
  if (need.kind === 'submission') return need.approvalRequired ? ['secretariat'] : [];
  return need.twoLevelApproval ? ['national', 'secretariat'] : [];
}

/** The level that approves after `level` among those required, or null when `level` is the last. */
export function levelAfter(levels: readonly ApprovalLevel[], level: ApprovalLevel): ApprovalLevel | null {
  const later = levels.filter((l) => APPROVAL_LEVELS.indexOf(l) > APPROVAL_LEVELS.indexOf(level));
  return later[0] ?? null;
}
