import { appendAudit } from '../audit/audit.repository';
import type { Db, DbOrTx } from '../db/database';
import type { PartState, RoundPartRow } from '../db/tables/round.table';
import { type Actor, actorName } from '../http/actor';
import { conflict, HttpError, notFound } from '../http/errors';
import type { RoundPart } from '../shared/api/rounds';
import { lockOf } from './locks';
import { changeThreshold, changeWarningMessage, owedCells, unexplainedWarnings } from './owed-cells';
import { translate } from '../i18n/translate';
import type { Locale, LocalisedText } from '../shared/i18n';
import { findPart, findRound, type Round } from './round.repository';
import { startOfDay } from './round-dates';
import { levelsFor } from '../approvals/approval-levels';
import {
  type ApprovalSubject,
  requestLevel,
  standingPartApprovals,
  withdrawAt,
} from '../approvals/approval.repository';
import type { ApprovalLevel } from '../db/tables/approval.table';

/** A geo's part of a round, as a subject of approval. */
export const partSubject = (roundId: number, geo: string): ApprovalSubject => ({ kind: 'round-part', roundId, geo });

/** The levels that approve a round's parts, by the one rule of server/approvals. */
export const partLevels = (round: Round): ApprovalLevel[] =>
  levelsFor({ kind: 'round-part', twoLevelApproval: round.row.two_level_approval === 1 });

export interface PartEvent {
  actor: Actor;
  ip: string;
  now?: Date;
}

export async function roundWithPart(
  db: DbOrTx,
  roundId: number,
  geo: string,
): Promise<{ round: Round; part: RoundPartRow }> {
  const round = await findRound(db, roundId);
  if (!round) throw notFound({ key: 'rounds.missing', params: { id: String(roundId) } });
  const part = round.geos.includes(geo) ? await findPart(db, roundId, geo) : undefined;
  if (!part) throw notFound({ key: 'rounds.nothing-expected', params: { round: round.name, geo } });
  return { round, part };
}

/** What a geo owes in a round: its part's state and every expected cell, pre-filled, in the reader's language. */
export async function describePart(
  db: DbOrTx,
  roundId: number,
  geo: string,
  locale: Locale = 'en',
): Promise<RoundPart> {
  const { round, part } = await roundWithPart(db, roundId, geo);
  const cells = (await owedCells(db, round, [geo], locale)).get(geo) ?? [];
  const approvals = new Map(
    (await standingPartApprovals(db, [roundId])).filter((a) => a.geo === geo).map((a) => [a.level, a.decided_by]),
  );
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
    approvedBy: approvals.get('national') ?? null,
    acceptedBy: approvals.get('secretariat') ?? null,
    cells,
  };
}

/**
 * Moves a part from one state to the next in one conditional update: of two contact points completing
 * at once, exactly one succeeds and the other is told who was first.
 */
export async function move(
  db: DbOrTx,
  part: Pick<RoundPartRow, 'round_id' | 'geo'>,
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
  const thresholds = await db
    .selectFrom('indicators')
    .select(['code', 'unit', 'implausible_change'])
    .where('code', 'in', round.indicators)
    .execute();
  const thresholdOf = new Map(thresholds.map((i) => [i.code, changeThreshold(i)]));
  const problems: LocalisedText[] = unexplained.map((c) => ({
    key: 'rounds.not-clean-warning',
    params: {
      indicator: c.indicator,
      period: c.period,
      warning: changeWarningMessage(c.value, c.previousValue, thresholdOf.get(c.indicator) ?? null) ?? c.warning,
    },
  }));
  if (rejected && rejected.error_count > 0) {
    problems.unshift({
      key: 'rounds.not-clean-upload',
      params: { submission: String(rejected.id), errors: rejected.error_count },
    });
  }
  if (problems.length) {
    throw new HttpError(
      409,
      'validation-not-clean',
      { key: 'rounds.not-clean', params: { round: round.name, problems } },
      { problems: problems.map((p) => translate('en', p)) },
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
  const stamp = { by: actorName(event.actor), at: now.toISOString() };
  await db.transaction().execute(async (tx) => {
    await move(tx, part, 'open', 'complete', { completed_at: stamp.at, completed_by: stamp.by });
    // The first level that approves a part (the national representative, in a two-level round) is asked now.
    const [first] = partLevels(round);
    if (first) await requestLevel(tx, partSubject(roundId, geo), first, stamp);
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
  const now = event.now ?? new Date();
  await db.transaction().execute(async (tx) => {
    await move(tx, part, 'complete', 'open', { completed_at: null, completed_by: null });
    await withdrawAt(
      tx,
      partSubject(roundId, geo),
      'national',
      { by: actorName(event.actor), at: now.toISOString() },
      'completion undone',
    );
    await appendAudit(tx, { ...event, at: now, action: 'round.reopen', target: `round/${roundId}/${geo}` });
  });
  return describePart(db, roundId, geo);
}
