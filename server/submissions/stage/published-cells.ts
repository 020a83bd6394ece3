import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../db/database';
import type { ObservationTable } from '../../db/tables/observation.table';
import { sourceRanks } from '../../cells/preferred';

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
  view: PublishedView,
): Promise<PublishedCell[]> {
  const rows = await db
    .selectFrom('observations')
    .selectAll()
    .where('indicator', '=', indicator)
    .where('geo', 'in', geos)
    .$if(view.sameSourceOnly, (q) => q.where('source', '=', view.source))
    .execute();
  rows.sort((a, b) =>
    a.geo < b.geo ? -1 : a.geo > b.geo ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : 0,
  );
  return view.sameSourceOnly ? rows : asPublished(rows, view.source, await sourceRanks(db));
}

/**
 * Which published version a staged cell is compared with. The commit compares with its own source's
 * only (another source's version is no earlier version of it); the checks and the diff compare with
 * what readers see: the source's own version, else the cell's preferred version from another source.
 */
export interface PublishedView {
  source: string;
  sameSourceOnly: boolean;
}

/** Of each cell's versions (adjacent, sorted by geo and period): the source's own, else the best-ranked. */
function asPublished(rows: PublishedCell[], source: string, rank: Map<string, number>): PublishedCell[] {
  const kept: PublishedCell[] = [];
  for (const row of rows) {
    const last = kept[kept.length - 1];
    if (!last || last.geo !== row.geo || last.period !== row.period) kept.push(row);
    else if (
      last.source !== source &&
      (row.source === source || (rank.get(row.source) ?? 0) < (rank.get(last.source) ?? 0))
    )
      kept[kept.length - 1] = row;
  }
  return kept;
}

/** One cell's published version as the view sees it, or null. */
export async function publishedCell(
  db: DbOrTx,
  key: { indicator: string; geo: string; period: string },
  view: PublishedView,
): Promise<PublishedCell | null> {
  const rows = await db
    .selectFrom('observations')
    .selectAll()
    .where('indicator', '=', key.indicator)
    .where('geo', '=', key.geo)
    .where('period', '=', key.period)
    .$if(view.sameSourceOnly, (q) => q.where('source', '=', view.source))
    .execute();
  return (view.sameSourceOnly ? rows : asPublished(rows, view.source, await sourceRanks(db)))[0] ?? null;
}
