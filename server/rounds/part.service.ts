import { appendAudit } from '../audit/audit.repository';
import type { Db, DbOrTx } from '../db/database';
import type { PartState, RoundPartRow } from '../db/tables/round.table';
import { type Actor, actorName } from '../http/actor';
import { badRequest, conflict, HttpError, notFound } from '../http/errors';
import type { RoundPart } from '../shared/api/rounds';
import { lockOf } from './locks';
import { owedCells, unexplainedWarnings } from './owed-cells';
import { findPart, findRound, type Round } from './round.repository';
import { startOfDay } from './round-dates';
import { addNotice } from './notices';

export interface PartEvent {
  actor: Actor;
  ip: string;
  now?: Date;
}

async function roundWithPart(db: DbOrTx, roundId: number, geo: string): Promise<{ round: Round; part: RoundPartRow }> {
  const round = await findRound(db, roundId);
  if (!round) throw notFound({ key: 'rounds.missing', params: { id: String(roundId) } });
  const part = round.geos.includes(geo) ? await findPart(db, roundId, geo) : undefined;
  if (!part) throw notFound({ key: 'rounds.nothing-expected', params: { round: round.name, geo } });
  return { round, part };
}

/** What a geo owes in a round: its part's state and every expected cell, pre-filled. */
export async function describePart(db: DbOrTx, roundId: number, geo: string): Promise<RoundPart> {
  const { round, part } = await roundWithPart(db, roundId, geo);
  const cells = (await owedCells(db, round, [geo])).get(geo) ?? [];
  return {
    roundId: round.id,
    roundName: round.name,
    geo,
    state: part.state,
    dueOn: round.row.due_on,
    locksOn: round.row.locks_on,
    guidance: round.row.guidance,
    cleanValidation: round.row.clean_validation === 1,
    twoLevelApproval: round.row.two_level_approval === 1,
    completedAt: part.completed_at,
    completedBy: part.completed_by,
    approvedBy: part.approved_by,
    acceptedBy: part.accepted_by,
    cells,
  };
}

/**
 * Moves a part from one state to the next in one conditional update: of two contact points completing
 * at once, exactly one succeeds and the other is told who was first.
 */
async function move(
  db: DbOrTx,
  part: RoundPartRow,
  from: PartState,
  to: PartState,
  set: Partial<RoundPartRow>,
): Promise<void> {
  const moved = await db
    .updateTable('round_parts')
    .set({ state: to, ...set })
    .where('round_id', '=', part.round_id)
    .where('geo', '=', part.geo)
    .where('state', '=', from)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 1) return;
  const now = await findPart(db, part.round_id, part.geo);
  throw conflict(
    {
      key: 'rounds.part-changed',
      params: { geo: part.geo, state: now?.state ?? 'gone', by: now?.completed_by ?? 'none' },
    },
    { state: now?.state },
  );
}

/** Refuses completion of a part whose delivered cells fail the round's clean-validation rule. */
async function assertCleanValidation(db: DbOrTx, round: Round, geo: string): Promise<void> {
  const cells = (await owedCells(db, round, [geo])).get(geo) ?? [];
  const unexplained = unexplainedWarnings(cells);
  const rejected = await db
    .selectFrom('submissions')
    .select(['id', 'error_count', 'submitted_at'])
    .where('geo', '=', geo)
    .where('submitted_at', '>=', startOfDay(round.row.opens_on).toISOString())
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const problems = unexplained.map((c) => `${c.indicator} ${c.period}: ${c.warning} (add a note or a "b" flag)`);
  if (rejected && rejected.error_count > 0) {
    problems.unshift(
      `your latest upload, submission ${rejected.id}, has ${rejected.error_count} error(s): correct the file and upload it again`,
    );
  }
  if (problems.length) {
    throw new HttpError(
      409,
      'validation-not-clean',
      `Round "${round.name}" requires a clean validation before completion: ` + `${problems.join('; ')}.`,
      { problems },
    );
  }
}

export async function completePart(db: Db, roundId: number, geo: string, event: PartEvent): Promise<RoundPart> {
  const now = event.now ?? new Date();
  const { round, part } = await roundWithPart(db, roundId, geo);
  if (now.getTime() < startOfDay(round.row.opens_on).getTime()) {
    throw conflict({ key: 'rounds.not-open-yet', params: { round: round.name, opensOn: round.row.opens_on } });
  }
  const lock = await lockOf(db, round, geo, now);
  if (lock) throw conflict(lock);
  if (part.state !== 'open')
    throw conflict(
      {
        key: 'rounds.already-done',
        params: { geo, round: round.name, state: part.state, by: part.completed_by ?? '' },
      },
      {
        state: part.state,
      },
    );
  if (round.row.clean_validation === 1) await assertCleanValidation(db, round, geo);
  await db.transaction().execute(async (tx) => {
    await move(tx, part, 'open', 'complete', { completed_at: now.toISOString(), completed_by: actorName(event.actor) });
    await appendAudit(tx, { ...event, at: now, action: 'round.complete', target: `round/${roundId}/${geo}` });
  });
  return describePart(db, roundId, geo);
}

/** The contact point takes its completion back, as long as nobody has approved it yet. */
export async function reopenPart(db: Db, roundId: number, geo: string, event: PartEvent): Promise<RoundPart> {
  const { part } = await roundWithPart(db, roundId, geo);
  if (part.state !== 'complete') {
    throw conflict(
      part.state === 'open'
        ? { key: 'rounds.not-complete', params: { geo } }
        : { key: 'rounds.undo-too-late', params: { geo, state: part.state } },
      { state: part.state },
    );
  }
  await db.transaction().execute(async (tx) => {
    await move(tx, part, 'complete', 'open', { completed_at: null, completed_by: null });
    await appendAudit(tx, { ...event, at: event.now, action: 'round.reopen', target: `round/${roundId}/${geo}` });
  });
  return describePart(db, roundId, geo);
}

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
  if (round.row.two_level_approval !== 1) throw conflict({ key: 'rounds.no-approval', params: { round: round.name } });
}

/** First level: the national representative approves the completed part. */
export async function approvePart(db: Db, roundId: number, geo: string, event: PartEvent): Promise<RoundPart> {
  const now = event.now ?? new Date();
  const { round, part } = await roundWithPart(db, roundId, geo);
  assertTwoLevel(round);
  if (!(await isRepresentative(db, event.actor, geo))) {
    throw new HttpError(403, 'not-representative', { key: 'rounds.only-representative', params: { geo } });
  }
  if (part.state !== 'complete') {
    throw conflict(
      part.state === 'open'
        ? { key: 'rounds.not-complete-for-approval', params: { geo } }
        : { key: 'rounds.already-state', params: { geo, state: part.state } },
      { state: part.state },
    );
  }
  await db.transaction().execute(async (tx) => {
    await move(tx, part, 'complete', 'approved', {
      approved_at: now.toISOString(),
      approved_by: actorName(event.actor),
    });
    await appendAudit(tx, { ...event, at: now, action: 'round.approve', target: `round/${roundId}/${geo}` });
  });
  return describePart(db, roundId, geo);
}

/** Second level: the secretariat accepts a nationally approved part; accepted data is locked. */
export async function acceptPart(db: Db, roundId: number, geo: string, event: PartEvent): Promise<RoundPart> {
  const now = event.now ?? new Date();
  const { round, part } = await roundWithPart(db, roundId, geo);
  assertTwoLevel(round);
  if (part.state !== 'approved') {
    throw conflict(
      part.state === 'accepted'
        ? { key: 'rounds.already-state', params: { geo, state: part.state } }
        : { key: 'rounds.approve-before-accept', params: { geo, state: part.state } },
      { state: part.state },
    );
  }
  await db.transaction().execute(async (tx) => {
    await move(tx, part, 'approved', 'accepted', {
      accepted_at: now.toISOString(),
      accepted_by: actorName(event.actor),
    });
    await appendAudit(tx, { ...event, at: now, action: 'round.accept', target: `round/${roundId}/${geo}` });
  });
  return describePart(db, roundId, geo);
}

/**
 * Takes a part back one level, with a reason: accepted → approved (secretariat), approved → complete
 * (the representative or the secretariat), complete → open ("returned with comments", secretariat),
 * which tells the contact points in a notice.
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
  const back: Record<PartState, PartState | null> = {
    accepted: 'approved',
    approved: 'complete',
    complete: 'open',
    open: null,
  };
  const to = back[part.state];
  if (!to) throw conflict({ key: 'rounds.nothing-to-take-back', params: { geo } }, { state: part.state });
  const allowed = secretariat || (part.state === 'approved' && (await isRepresentative(db, event.actor, geo)));
  if (!allowed)
    throw new HttpError(403, 'not-representative', { key: 'rounds.take-back-who', params: { geo, state: part.state } });
  if (!reason.trim()) throw badRequest({ key: 'rounds.take-back-reason' });
  const clear: Partial<RoundPartRow> =
    to === 'approved'
      ? { accepted_at: null, accepted_by: null }
      : to === 'complete'
        ? { approved_at: null, approved_by: null }
        : { completed_at: null, completed_by: null };
  await db.transaction().execute(async (tx) => {
    await move(tx, part, part.state, to, clear);
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
        message: `The secretariat returned ${geo}'s part of "${round.name}" with comments: ${reason}`,
        now,
      });
    }
  });
  return describePart(db, roundId, geo);
}
