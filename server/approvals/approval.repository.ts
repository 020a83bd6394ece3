import type { DbOrTx } from '../db/database';
import type { ApprovalDecision, ApprovalLevel, ApprovalRow } from '../db/tables/approval.table';

/** One subject of approval: a submission, or one geo's part of a round. */
export type ApprovalSubject =
  | { kind: 'submission'; submissionId: number; geo: string }
  | { kind: 'round-part'; roundId: number; geo: string };

/** Rows of one subject (any level), as a query to refine. */
function ofSubject(db: DbOrTx, subject: ApprovalSubject) {
  const rows = db.selectFrom('approvals').where('subject', '=', subject.kind).where('geo', '=', subject.geo);
  return subject.kind === 'submission'
    ? rows.where('submission_id', '=', subject.submissionId)
    : rows.where('round_id', '=', subject.roundId);
}

export interface Stamp {
  by: string;
  at: string;
}

/** Asks `level` to decide on a subject: a new row waiting for its decision. */
export async function requestLevel(
  db: DbOrTx,
  subject: ApprovalSubject,
  level: ApprovalLevel,
  stamp: Stamp,
): Promise<void> {
  await db
    .insertInto('approvals')
    .values({
      subject: subject.kind,
      submission_id: subject.kind === 'submission' ? subject.submissionId : null,
      round_id: subject.kind === 'round-part' ? subject.roundId : null,
      geo: subject.geo,
      level,
      requested_by: stamp.by,
      requested_at: stamp.at,
      decision: null,
      decided_by: null,
      decided_at: null,
      message: null,
      withdrawn_by: null,
      withdrawn_at: null,
      withdrawn_reason: null,
    })
    .execute();
}

/** The request waiting at `level` (undecided, not withdrawn), if any. */
export async function pendingAt(
  db: DbOrTx,
  subject: ApprovalSubject,
  level: ApprovalLevel,
): Promise<ApprovalRow | undefined> {
  return ofSubject(db, subject)
    .selectAll()
    .where('level', '=', level)
    .where('decision', 'is', null)
    .where('withdrawn_at', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Records a decision on a waiting request; false when someone decided or withdrew it first. */
export async function decideRequest(
  db: DbOrTx,
  id: number,
  decision: ApprovalDecision,
  stamp: Stamp,
  message: string | null,
): Promise<boolean> {
  const decided = await db
    .updateTable('approvals')
    .set({ decision, decided_by: stamp.by, decided_at: stamp.at, message })
    .where('id', '=', id)
    .where('decision', 'is', null)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(decided.numUpdatedRows) === 1;
}

/**
 * Withdraws what stands at `level` (an approval given, or a request still waiting), with the reason:
 * an un-approval, or a request the subject no longer needs. The rows stay, so history is queryable.
 */
export async function withdrawAt(
  db: DbOrTx,
  subject: ApprovalSubject,
  level: ApprovalLevel,
  stamp: Stamp,
  reason: string,
): Promise<void> {
  const standing = await ofSubject(db, subject)
    .select('id')
    .where('level', '=', level)
    .where('withdrawn_at', 'is', null)
    .where((eb) => eb.or([eb('decision', 'is', null), eb('decision', '=', 'approved')]))
    .execute();
  if (!standing.length) return;
  await db
    .updateTable('approvals')
    .set({ withdrawn_by: stamp.by, withdrawn_at: stamp.at, withdrawn_reason: reason })
    .where(
      'id',
      'in',
      standing.map((s) => s.id),
    )
    .execute();
}

/** The approvals given and standing (not withdrawn) for the parts of some rounds, per round and geo and level. */
export async function standingPartApprovals(db: DbOrTx, roundIds: number[]) {
  if (!roundIds.length) return [];
  return db
    .selectFrom('approvals')
    .select(['round_id', 'geo', 'level', 'decided_by', 'decided_at'])
    .where('subject', '=', 'round-part')
    .where('round_id', 'in', roundIds)
    .where('decision', '=', 'approved')
    .where('withdrawn_at', 'is', null)
    .orderBy('id')
    .execute();
}
