import type { DbOrTx } from '../db/database';
import type { CollectionRoundRow, RoundPartRow } from '../db/tables/round.table';
import type { RoundInput } from '../shared/api/rounds';

/** A round's row with its JSON lists read. */
export interface Round {
  row: CollectionRoundRow;
  id: number;
  name: string;
  indicators: string[];
  periods: string[];
  geos: string[];
}

export function readRound(row: CollectionRoundRow): Round {
  return {
    row,
    id: row.id,
    name: row.name,
    indicators: JSON.parse(row.indicators) as string[],
    periods: JSON.parse(row.periods) as string[],
    geos: JSON.parse(row.geos) as string[],
  };
}

/** The definition as the secretariat wrote it (what a version records). */
export function roundInputOf(round: Round): RoundInput {
  const { row } = round;
  return {
    name: row.name,
    indicators: round.indicators,
    periods: round.periods,
    geos: round.geos,
    opensOn: row.opens_on,
    dueOn: row.due_on,
    locksOn: row.locks_on,
    cleanValidation: row.clean_validation === 1,
    twoLevelApproval: row.two_level_approval === 1,
    guidance: row.guidance,
  };
}

export function roundColumns(input: RoundInput) {
  return {
    name: input.name,
    indicators: JSON.stringify(input.indicators),
    periods: JSON.stringify(input.periods),
    geos: JSON.stringify(input.geos),
    opens_on: input.opensOn,
    due_on: input.dueOn,
    locks_on: input.locksOn,
    clean_validation: input.cleanValidation ? 1 : 0,
    two_level_approval: input.twoLevelApproval ? 1 : 0,
    guidance: input.guidance,
  };
}

export async function findRound(db: DbOrTx, id: number): Promise<Round | null> {
  const row = await db.selectFrom('collection_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? readRound(row) : null;
}

export async function listRounds(db: DbOrTx): Promise<Round[]> {
  const rows = await db
    .selectFrom('collection_rounds')
    .selectAll()
    .orderBy('opens_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(readRound);
}

/** The parts of a round, one per expected geo (parts of geos since removed from the round are left out). */
export async function partsOf(db: DbOrTx, round: Round): Promise<Map<string, RoundPartRow>> {
  const rows = await db.selectFrom('round_parts').selectAll().where('round_id', '=', round.id).execute();
  const expected = new Set(round.geos);
  return new Map(rows.filter((r) => expected.has(r.geo)).map((r) => [r.geo, r]));
}

export async function findPart(db: DbOrTx, roundId: number, geo: string): Promise<RoundPartRow | undefined> {
  return db
    .selectFrom('round_parts')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('geo', '=', geo)
    .executeTakeFirst();
}

/** Adds an open part for every expected geo that has none yet (a round created, or geos added to it). */
export async function ensureParts(db: DbOrTx, roundId: number, geos: string[]): Promise<void> {
  const existing = await db.selectFrom('round_parts').select('geo').where('round_id', '=', roundId).execute();
  const have = new Set(existing.map((p) => p.geo));
  const missing = geos.filter((g) => !have.has(g));
  if (!missing.length) return;
  await db
    .insertInto('round_parts')
    .values(
      missing.map((geo) => ({
        round_id: roundId,
        geo,
        state: 'open' as const,
        completed_at: null,
        completed_by: null,
      })),
    )
    .execute();
}

export async function lockExceptionsOf(db: DbOrTx, roundId: number) {
  return db.selectFrom('round_lock_exceptions').selectAll().where('round_id', '=', roundId).orderBy('id').execute();
}

export async function roundVersions(db: DbOrTx, roundId: number) {
  return db
    .selectFrom('collection_round_versions')
    .select(['version', 'changed_by', 'changed_at', 'after_opening'])
    .where('round_id', '=', roundId)
    .orderBy('version')
    .execute();
}
