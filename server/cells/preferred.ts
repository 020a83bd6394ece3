import { sql } from 'kysely';
import type { DbOrTx } from '../db/database';

/**
 * Each source's rank (lower is preferred), read once per database: sources change only when the
 * catalogue is synchronised (syncSourceCatalogue forgets the cached ranks).
 */
const ranks = new WeakMap<DbOrTx, Map<string, number>>();

export async function sourceRanks(db: DbOrTx): Promise<Map<string, number>> {
  const known = ranks.get(db);
  if (known) return known;
  const rows = await db.selectFrom('sources').select(['code', 'rank']).execute();
  const read = new Map(rows.map((r) => [r.code, r.rank]));
  ranks.set(db, read);
  return read;
}

export function forgetSourceRanks(db: DbOrTx): void {
  ranks.delete(db);
}

/** A source missing from the catalogue ranks last, so it never displaces a listed one. */
const UNLISTED = Number.MAX_SAFE_INTEGER;

/**
 * The preferred version of each cell: rows sorted so that one cell's versions (one per source) are
 * adjacent; of each run, the best-ranked source's. Most cells have one source, so the common case
 * is one comparison per row.
 */
export function preferredOfEachCell<T extends { indicator?: string; geo?: string; period: string; source: string }>(
  rows: T[],
  rank: Map<string, number>,
): T[] {
  const kept: T[] = [];
  let last: T | undefined;
  for (const row of rows) {
    if (last && last.period === row.period && last.geo === row.geo && last.indicator === row.indicator) {
      if ((rank.get(row.source) ?? UNLISTED) < (rank.get(last.source) ?? UNLISTED)) kept[kept.length - 1] = row;
      last = kept[kept.length - 1];
      continue;
    }
    kept.push(row);
    last = row;
  }
  return kept;
}

/**
 * A where-clause for a query over current observations (`alias` names them): keeps a cell's version
 * only when no better-ranked source has the same cell, so that every reader that is not told a source
 * sees one value per cell, the preferred one. Standard SQL (a correlated NOT EXISTS over the primary
 * key), the same on both engines.
 */
export function isPreferredVersion(alias: string) {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<boolean>`not exists (select 1 from observations better
    join sources better_rank on better_rank.code = better.source
    where better.indicator = ${column('indicator')} and better.geo = ${column('geo')}
      and better.period = ${column('period')}
      and better_rank.rank < (select own_rank.rank from sources own_rank where own_rank.code = ${column('source')}))`;
}
