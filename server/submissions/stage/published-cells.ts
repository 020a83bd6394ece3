import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../db/database';
import type { ObservationTable } from '../../db/tables/observation.table';

export type PublishedCell = Selectable<ObservationTable>;

/**
 * The published cells of one indicator in the given geos, sorted by (geo, period) in JavaScript's
 * string order: the order staged cells are merged in. Sorting here, not in SQL, keeps the two orders
 * identical on both engines (PostgreSQL would sort by its collation). One indicator in one
 * submission's geos is bounded: the geo and its group members, times the periods validation accepts.
 */
export async function publishedCellsOf(db: DbOrTx, indicator: string, geos: string[]): Promise<PublishedCell[]> {
  const rows = await db
    .selectFrom('observations')
    .selectAll()
    .where('indicator', '=', indicator)
    .where('geo', 'in', geos)
    .execute();
  return rows.sort((a, b) =>
    a.geo < b.geo ? -1 : a.geo > b.geo ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : 0,
  );
}

/** One published cell, or null. */
export async function publishedCell(
  db: DbOrTx,
  key: { indicator: string; geo: string; period: string },
): Promise<PublishedCell | null> {
  const row = await db
    .selectFrom('observations')
    .selectAll()
    .where('indicator', '=', key.indicator)
    .where('geo', '=', key.geo)
    .where('period', '=', key.period)
    .executeTakeFirst();
  return row ?? null;
}
