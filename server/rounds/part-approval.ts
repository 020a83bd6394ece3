import { levelAfter } from '../approvals/approval-levels';
import { decideRequest, pendingAt, requestLevel, type Stamp, withdrawAt } from '../approvals/approval.repository';
import { appendAudit } from '../audit/audit.repository';
import type { Db, DbOrTx } from '../db/database';
import type { ApprovalLevel } from '../db/tables/approval.table';
import type { PartState } from '../db/tables/round.table';
import { type Actor, actorName } from '../http/actor';
import { badRequest, conflict, HttpError } from '../http/errors';
import type { RoundPart } from '../shared/api/rounds';
import { serialiseCommits } from '../submissions/store/submission.repository';
import { addNotice } from './notices';
import { describePart, move, type PartEvent, partLevels, partSubject, roundWithPart } from './part.service';
import type { Round } from './round.repository';

export async function isRepresentative(db: DbOrTx, actor: Actor, geo: string): Promise<boolean> {
  if (actor.kind !== 'user' || actor.role !== 'contact_point' || !actor.geos.includes(geo)) return false;
  const row = await db
    .selectFrom('national_representatives')
    .select('geo')
    .where('geo', '=', geo)
    .where('email', '=', actor.email)
    .executeTakeFirst();
  return row !== undefined;
}

function assertTwoLevel(round: Round): void {
  if (!partLevels(round).length)
    throw conflict(`Round "${round.name}" has no approval: completion is final until the secretariat returns it.`);
}

/** The part's state once a level has approved it. */
const APPROVED_STATE: Record<ApprovalLevel, PartState> = { national: 'approved', secretariat: 'accepted' };

/**
 * One level approves a part: its waiting request is decided, the part moves on, and the next level
 * (if any) is asked. It takes the commits' turn, so a commit in flight ends before the part locks.
 */
async function approveAt(db: Db, round: Round, geo: string, level: ApprovalLevel, from: PartState, event: PartEvent) {
  const now = event.now ?? new Date();
  const stamp: Stamp = { by: actorName(event.actor), at: now.toISOString() };
  const subject = partSubject(round.id, geo);
  const part = { round_id: round.id, geo };
  await db.transaction().execute(async (tx) => {
    await serialiseCommits(tx);
    await move(tx, part, from, APPROVED_STATE[level], {});
    // A round given two-level approval after the part was completed has no request waiting yet.
    let request = await pendingAt(tx, subject, level);
    if (!request) {
      await requestLevel(tx, subject, level, stamp);
      request = await pendingAt(tx, subject, level);
    }
    if (!request || !(await decideRequest(tx, request.id, 'approved', stamp, null)))
      throw conflict({ key: 'round-approvals.part-decided-meanwhile', params: { geo } });
    const next = levelAfter(partLevels(round), level);
    if (next) await requestLevel(tx, subject, next, stamp);
    const action = level === 'national' ? 'round.approve' : 'round.accept';
    await appendAudit(tx, { ...event, at: now, action, target: `round/${round.id}/${geo}`, detail: { level } });
  });
}

/** First level: the national representative approves the completed part. */
export async function approvePart(db: Db, roundId: number, geo: string, event: PartEvent): Promise<RoundPart> {
  const { round, part } = await roundWithPart(db, roundId, geo);
  assertTwoLevel(round);
  if (!(await isRepresentative(db, event.actor, geo))) {
    throw new HttpError(
      403,
      'not-representative',
      `Only ${geo}'s national representative approves its part; the secretariat names them.`,
    );
  }
  if (part.state !== 'complete') {
    throw conflict(
      part.state === 'open'
        ? `${geo}'s part is not complete yet: a contact point completes it before it is approved.`
        : `${geo}'s part is already ${part.state}.`,
      { state: part.state },
    );
  }
  await approveAt(db, round, geo, 'national', 'complete', event);
  return describePart(db, roundId, geo);
}

/** Second level: the secretariat accepts a nationally approved part; accepted data is locked. */
export async function acceptPart(db: Db, roundId: number, geo: string, event: PartEvent): Promise<RoundPart> {
  const { round, part } = await roundWithPart(db, roundId, geo);
  assertTwoLevel(round);
  if (part.state !== 'approved') {
    throw conflict(
      part.state === 'accepted'
        ? `${geo}'s part is already accepted.`
        : `${geo}'s part is ${part.state}: its national representative approves it before the secretariat accepts it.`,
      { state: part.state },
    );
  }
  await approveAt(db, round, geo, 'secretariat', 'approved', event);
  return describePart(db, roundId, geo);
}

/** One level back: the state a part returns to, and the approvals withdrawn and asked again. */
const BACK: Record<PartState, { to: PartState; withdraw: ApprovalLevel[]; ask: ApprovalLevel | null } | null> = {
  accepted: { to: 'approved', withdraw: ['secretariat'], ask: 'secretariat' },
  approved: { to: 'complete', withdraw: ['secretariat', 'national'], ask: 'national' },
  complete: { to: 'open', withdraw: ['national'], ask: null },
  open: null,
};

/**
 * Takes a part back one level, with a reason: accepted → approved (secretariat), approved → complete
 * (the representative or the secretariat), complete → open ("returned with comments", secretariat),
 * which tells the contact points in a notice. The approvals taken back stay, withdrawn with the reason.
 */
export async function unapprovePart(
  db: Db,
  roundId: number,
  geo: string,
  reason: string,
  event: PartEvent,
): Promise<RoundPart> {
  const now = event.now ?? new Date();
  const { round, part } = await roundWithPart(db, roundId, geo);
  const secretariat = event.actor.kind === 'user' && event.actor.role === 'secretariat';
  const back = BACK[part.state];
  if (!back) throw conflict(`${geo}'s part is open: there is nothing to take back.`, { state: part.state });
  const allowed = secretariat || (part.state === 'approved' && (await isRepresentative(db, event.actor, geo)));
  if (!allowed)
    throw new HttpError(
      403,
      'not-representative',
      `Only the secretariat${part.state === 'approved' ? ` or ${geo}'s national representative` : ''} can take back a ${part.state} part.`,
    );
  if (!reason.trim()) throw badRequest('Say why the part is taken back.');
  const { to } = back;
  const stamp: Stamp = { by: actorName(event.actor), at: now.toISOString() };
  const subject = partSubject(roundId, geo);
  await db.transaction().execute(async (tx) => {
    await move(tx, part, part.state, to, to === 'open' ? { completed_at: null, completed_by: null } : {});
    for (const level of back.withdraw) await withdrawAt(tx, subject, level, stamp, reason);
    if (back.ask && partLevels(round).includes(back.ask)) await requestLevel(tx, subject, back.ask, stamp);
    await appendAudit(tx, {
      ...event,
      at: now,
      action: 'round.unapprove',
      target: `round/${roundId}/${geo}`,
      detail: { from: part.state, to, reason },
    });
    if (to === 'open') {
      await addNotice(tx, {
        roundId,
        geo,
        kind: 'returned',
        occasion: `returned:${roundId}:${geo}:${now.getTime()}`,
        message: { key: 'rounds.notice-returned', params: { geo, round: round.name, reason } },
        now,
      });
    }
  });
  return describePart(db, roundId, geo);
}
