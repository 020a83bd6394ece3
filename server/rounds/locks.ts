import { appendAudit } from '../audit/audit.repository';
import type { Db, DbOrTx } from '../db/database';
import { type Actor, actorName } from '../http/actor';
import { badRequest, conflict, HttpError, notFound } from '../http/errors';
import { standingPartApprovals } from '../approvals/approval.repository';
import type { CellGuard, CellKey } from '../submissions/stage/cell-guard';
import { serialiseCommits } from '../submissions/store/submission.repository';
import type { LocalisedText } from '../shared/i18n';
import { isAfter } from './round-dates';
import { findRound, listRounds, type Round } from './round.repository';

export type { CellKey } from '../submissions/stage/cell-guard';

/** Why a geo's cells of a round cannot change now, or null: past the lock date (without an exception), or approved. */
export async function lockOf(db: DbOrTx, round: Round, geo: string, now: Date): Promise<LocalisedText | null> {
  return (await LockIndex.build(db, now, [round])).lockOf(round, geo);
}

/**
 * Every round's locks at one moment, read in three queries, so that checking the cells of a large
 * upload needs no query per cell.
 */
export class LockIndex {
  /** Each round's lists as sets, so that an upload of a million cells looks each one up in constant time per round. */
  private readonly asks: { round: Round; geos: Set<string>; indicators: Set<string>; periods: Set<string> }[];

  private constructor(
    rounds: Round[],
    private readonly now: Date,
    private readonly excepted: Set<string>,
    private readonly approved: Map<string, { state: string; date: string }>,
  ) {
    this.asks = rounds.map((round) => ({
      round,
      geos: new Set(round.geos),
      indicators: new Set(round.indicators),
      periods: new Set(round.periods),
    }));
  }

  static async build(db: DbOrTx, now: Date, rounds?: Round[]): Promise<LockIndex> {
    const all = rounds ?? (await listRounds(db));
    const ids = all.map((r) => r.id);
    if (!ids.length) return new LockIndex([], now, new Set(), new Map());
    const exceptions = await db
      .selectFrom('round_lock_exceptions')
      .select(['round_id', 'geo'])
      .where('round_id', 'in', ids)
      .where('until', '>', now.toISOString())
      .where('revoked_at', 'is', null)
      .execute();
    // Approvals come lowest level first, so a secretariat acceptance overrides the national approval it follows.
    const approved = new Map<string, { state: string; date: string }>();
    for (const a of await standingPartApprovals(db, ids)) {
      const state = a.level === 'secretariat' ? 'accepted' : 'approved';
      approved.set(`${a.round_id}|${a.geo}`, { state, date: (a.decided_at ?? '').slice(0, 10) });
    }
    return new LockIndex(all, now, new Set(exceptions.map((e) => `${e.round_id}|${e.geo}`)), approved);
  }

  /** Why the cells cannot change, as a message rendered in each reader's language. */
  lockOf(round: Round, geo: string): LocalisedText | null {
    const approval = this.approved.get(`${round.id}|${geo}`);
    if (approval) return { key: 'rounds.lock-approved', params: { round: round.name, geo, ...approval } };
    if (isAfter(round.row.locks_on, this.now) && !this.excepted.has(`${round.id}|${geo}`))
      return { key: 'rounds.lock-date', params: { round: round.name, geo, locksOn: round.row.locks_on } };
    return null;
  }

  /** The rounds that ask for a cell. */
  roundsOf(cell: CellKey): Round[] {
    const asking: Round[] = [];
    for (const a of this.asks)
      if (a.geos.has(cell.geo) && a.indicators.has(cell.indicator) && a.periods.has(cell.period)) asking.push(a.round);
    return asking;
  }
}

export interface RoundCoverage {
  /** Changed cells that some round asks for, and cells outside every round (allowed, but said). */
  cellsInRounds: number;
  cellsOutsideRounds: number;
}

/**
 * The rounds' locks as a guard of uploads, approval requests and commits: it reads the locks inside
 * their transaction, at their moment, and refuses with a 409 naming the round and its date when a
 * changed cell is locked. Afterwards `coverage` says how many changed cells fall in a round.
 */
export class RoundLockGuard implements CellGuard {
  coverage: RoundCoverage = { cellsInRounds: 0, cellsOutsideRounds: 0 };
  private index: LockIndex | null = null;
  private readonly locked: { cell: CellKey; reason: LocalisedText }[] = [];

  async begin(tx: DbOrTx, at: Date): Promise<void> {
    this.index = await LockIndex.build(tx, at);
  }

  changed(cell: CellKey): void {
    const rounds = this.index!.roundsOf(cell);
    if (!rounds.length) this.coverage.cellsOutsideRounds++;
    else this.coverage.cellsInRounds++;
    for (const round of rounds) {
      const reason = this.index!.lockOf(round, cell.geo);
      if (reason) this.locked.push({ cell: { geo: cell.geo, indicator: cell.indicator, period: cell.period }, reason });
    }
  }

  end(): void {
    if (!this.locked.length) return;
    const listed = this.locked.slice(0, 20).map((l) => `${l.cell.geo} ${l.cell.indicator} ${l.cell.period}`);
    const more = Math.max(0, this.locked.length - 20);
    const reason = this.locked[0]!.reason;
    throw new HttpError(
      409,
      'round-locked',
      { key: 'rounds.locked-cells', params: { reason, cells: listed.join(', '), more } },
      { locked: this.locked.length, cells: listed },
    );
  }
}

/** A fresh lock guard per transaction (the composition root hands this to the submission routes). */
export const roundLockGuard = () => new RoundLockGuard();

/** Throws 409 naming the round and its date when a cell is locked; otherwise says how many cells fall in a round. */
export async function assertCellsOpen(db: DbOrTx, cells: Iterable<CellKey>, now = new Date()): Promise<RoundCoverage> {
  const guard = new RoundLockGuard();
  await guard.begin(db, now);
  for (const cell of cells) guard.changed(cell);
  guard.end();
  return guard.coverage;
}

export interface LockExceptionInput {
  geo: string;
  until: string;
  reason: string;
}

export async function grantLockException(
  db: Db,
  roundId: number,
  input: LockExceptionInput,
  event: { actor: Actor; ip: string; now?: Date },
) {
  const now = event.now ?? new Date();
  const round = await findRound(db, roundId);
  if (!round) throw notFound({ key: 'rounds.missing', params: { id: String(roundId) } });
  if (!round.geos.includes(input.geo))
    throw badRequest({ key: 'rounds.nothing-expected', params: { round: round.name, geo: input.geo } });
  if (new Date(input.until).getTime() <= now.getTime())
    throw badRequest({ key: 'rounds.exception-in-past', params: { until: input.until } });
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('round_lock_exceptions')
      .values({
        round_id: roundId,
        geo: input.geo,
        until: new Date(input.until).toISOString(),
        reason: input.reason,
        granted_by: actorName(event.actor),
        granted_at: now.toISOString(),
        revoked_by: null,
        revoked_at: null,
        revoke_reason: null,
      })
      .execute();
    await appendAudit(tx, {
      ...event,
      at: now,
      action: 'round.lock-exception',
      target: `round/${roundId}/${input.geo}`,
      detail: { until: input.until, reason: input.reason },
    });
  });
}

/**
 * Ends a lock exception before its time, with a reason. It takes the commits' turn, so a commit that
 * relied on the exception either ends before the revocation or sees it (and is refused).
 */
export async function revokeLockException(
  db: Db,
  roundId: number,
  exceptionId: number,
  reason: string,
  event: { actor: Actor; ip: string; now?: Date },
) {
  const now = event.now ?? new Date();
  await db.transaction().execute(async (tx) => {
    await serialiseCommits(tx);
    const exception = await tx
      .selectFrom('round_lock_exceptions')
      .selectAll()
      .where('id', '=', exceptionId)
      .where('round_id', '=', roundId)
      .executeTakeFirst();
    if (!exception)
      throw notFound({
        key: 'round-approvals.no-exception',
        params: { round: String(roundId), exception: String(exceptionId) },
      });
    if (exception.revoked_at)
      throw conflict({
        key: 'round-approvals.exception-revoked',
        params: { exception: String(exceptionId), date: exception.revoked_at },
      });
    if (exception.until <= now.toISOString())
      throw conflict({
        key: 'round-approvals.exception-ended',
        params: { exception: String(exceptionId), date: exception.until },
      });
    await tx
      .updateTable('round_lock_exceptions')
      .set({ revoked_by: actorName(event.actor), revoked_at: now.toISOString(), revoke_reason: reason })
      .where('id', '=', exceptionId)
      .where('revoked_at', 'is', null)
      .execute();
    await appendAudit(tx, {
      ...event,
      at: now,
      action: 'round.lock-exception-revoke',
      target: `round/${roundId}/${exception.geo}`,
      detail: { exception: exceptionId, reason },
    });
  });
}
