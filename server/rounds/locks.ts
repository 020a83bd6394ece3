import { appendAudit } from '../audit/audit.repository';
import type { Db, DbOrTx } from '../db/database';
import { type Actor, actorName } from '../http/actor';
import { badRequest, HttpError, notFound } from '../http/errors';
import { walkSubmission } from '../submissions/stage/staged-walk';
import { submissionScope } from '../submissions/store/submission-scope';
import { findSubmission } from '../submissions/store/submission.repository';
import { isAfter } from './round-dates';
import { findRound, listRounds, type Round } from './round.repository';

export interface CellKey {
  geo: string;
  indicator: string;
  period: string;
}

/** Why a geo's cells of a round cannot change now, or null: past the lock date (without an exception), or approved. */
export async function lockOf(db: DbOrTx, round: Round, geo: string, now: Date): Promise<string | null> {
  return (await LockIndex.build(db, now, [round])).lockOf(round, geo);
}

/**
 * Every round's locks at one moment, read in three queries, so that checking the cells of a large
 * upload needs no query per cell.
 */
export class LockIndex {
  private constructor(
    private readonly rounds: Round[],
    private readonly now: Date,
    private readonly excepted: Set<string>,
    private readonly approved: Map<string, string>,
  ) {}

  static async build(db: DbOrTx, now: Date, rounds?: Round[]): Promise<LockIndex> {
    const all = rounds ?? (await listRounds(db));
    const ids = all.map((r) => r.id);
    if (!ids.length) return new LockIndex([], now, new Set(), new Map());
    const exceptions = await db
      .selectFrom('round_lock_exceptions')
      .select(['round_id', 'geo'])
      .where('round_id', 'in', ids)
      .where('until', '>', now.toISOString())
      .execute();
    const parts = await db
      .selectFrom('round_parts')
      .select(['round_id', 'geo', 'state', 'approved_at', 'accepted_at'])
      .where('round_id', 'in', ids)
      .where('state', 'in', ['approved', 'accepted'])
      .execute();
    return new LockIndex(
      all,
      now,
      new Set(exceptions.map((e) => `${e.round_id}|${e.geo}`)),
      new Map(
        parts.map((p) => [
          `${p.round_id}|${p.geo}`,
          `${p.state} on ${(p.accepted_at ?? p.approved_at ?? '').slice(0, 10)}`,
        ]),
      ),
    );
  }

  lockOf(round: Round, geo: string): string | null {
    const approval = this.approved.get(`${round.id}|${geo}`);
    if (approval) {
      return `Round "${round.name}" has ${geo}'s part ${approval}: approved data is locked. It must be un-approved, with a reason, before it changes.`;
    }
    if (isAfter(round.row.locks_on, this.now) && !this.excepted.has(`${round.id}|${geo}`)) {
      return (
        `Round "${round.name}" locked its cells on ${round.row.locks_on}: uploads can no longer change them. ` +
        `Ask the secretariat for a lock exception for ${geo} if a figure must be corrected.`
      );
    }
    return null;
  }

  /** The rounds that ask for a cell. */
  roundsOf(cell: CellKey): Round[] {
    return this.rounds.filter(
      (r) => r.geos.includes(cell.geo) && r.indicators.includes(cell.indicator) && r.periods.includes(cell.period),
    );
  }
}

export interface RoundCoverage {
  /** Changed cells that some round asks for, and cells outside every round (allowed, but said). */
  cellsInRounds: number;
  cellsOutsideRounds: number;
}

/** Throws 409 naming the round and its date when a cell is locked; otherwise says how many cells fall in a round. */
export async function assertCellsOpen(db: DbOrTx, cells: Iterable<CellKey>, now = new Date()): Promise<RoundCoverage> {
  const index = await LockIndex.build(db, now);
  const coverage = { cellsInRounds: 0, cellsOutsideRounds: 0 };
  const locked: { cell: CellKey; reason: string }[] = [];
  for (const cell of cells) {
    const rounds = index.roundsOf(cell);
    if (!rounds.length) coverage.cellsOutsideRounds++;
    else coverage.cellsInRounds++;
    for (const round of rounds) {
      const reason = index.lockOf(round, cell.geo);
      if (reason) locked.push({ cell, reason });
    }
  }
  if (locked.length) {
    const listed = locked.slice(0, 20).map((l) => `${l.cell.geo} ${l.cell.indicator} ${l.cell.period}`);
    throw new HttpError(
      409,
      'round-locked',
      `${locked[0]!.reason} Locked cells: ${listed.join(', ')}${locked.length > 20 ? ` and ${locked.length - 20} more` : ''}.`,
      { locked: locked.length, cells: listed },
    );
  }
  return coverage;
}

/** The cells a validated submission would add or change (unchanged cells touch no lock). */
async function changedCells(db: DbOrTx, submissionId: number): Promise<CellKey[]> {
  const submission = await findSubmission(db, submissionId);
  if (!submission || !['validated', 'awaiting-approval'].includes(submission.status)) return [];
  const cells: CellKey[] = [];
  await walkSubmission(db, submissionId, await submissionScope(db, submission.geo), {
    visit(staged, published) {
      if (!staged) return;
      const c = staged.first;
      if (!published || published.value !== c.value || published.flags !== c.flags)
        cells.push({ geo: c.geo, indicator: c.indicator, period: c.period });
    },
  });
  return cells;
}

/** The commit path's one call: refuses a commit that would change locked cells. Submissions in another state are left to the commit's own check. */
export async function assertSubmissionOpen(db: DbOrTx, submissionId: number, now = new Date()): Promise<RoundCoverage> {
  const rounds = await db.selectFrom('collection_rounds').select('id').limit(1).execute();
  if (!rounds.length) return { cellsInRounds: 0, cellsOutsideRounds: 0 };
  return assertCellsOpen(db, await changedCells(db, submissionId), now);
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
