import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../db/database';
import type { ObservationTable } from '../../db/tables/observation.table';

export type PublishedCell = Selectable<ObservationTable>;

/** The source a submission delivers: its cells are compared with that source's published cells only. */
export async function submissionSourceOf(db: DbOrTx, submissionId: number): Promise<string> {
  const row = await db.selectFrom('submissions').select('source').where('id', '=', submissionId).executeTakeFirst();
  return row?.source ?? 'national';
}

/**
 * The published cells of one indicator in the given geos, sorted by (geo, period) in JavaScript's
 * string order: the order staged cells are merged in. Sorting here, not in SQL, keeps the two orders
 * identical on both engines (PostgreSQL would sort by its collation). One indicator in one
 * submission's geos is bounded: the geo and its group members, times the periods validation accepts.
 */
export async function publishedCellsOf(
  db: DbOrTx,
  indicator: string,
  geos: string[],
  source: string,
): Promise<PublishedCell[]> {
  const rows = await db
    .selectFrom('observations')
    .selectAll()
    .where('indicator', '=', indicator)
    .where('geo', 'in', geos)
    .where('source', '=', source)
    .execute();
  return rows.sort((a, b) =>
    a.geo < b.geo ? -1 : a.geo > b.geo ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : 0,
  );
}

/** One source's published version of a cell, or null. */
export async function publishedCell(
  db: DbOrTx,
  key: { indicator: string; geo: string; period: string },
  source: string,
): Promise<PublishedCell | null> {
  const row = await db
    .selectFrom('observations')
    .selectAll()
    .where('indicator', '=', key.indicator)
    .where('geo', '=', key.geo)
    .where('period', '=', key.period)
    .where('source', '=', source)
    .executeTakeFirst();
  return row ?? null;
}
