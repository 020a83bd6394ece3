import type { DbOrTx } from '../db/database';
import type { CellContext } from '../shared/api/cell-context';
import { cellVersions } from './cell-versions';

export interface CellContextFilter {
  indicators: string[];
  geos?: string[];
  periods?: string[];
}

/**
 * For each cell the filter names, the note of the version shown and the number of versions, counted
 * from every version recorded up to asOf (all of them when asOf is null), so a reader sees at a glance
 * that a figure was corrected and why.
 */
export async function cellContexts(db: DbOrTx, filter: CellContextFilter, asOf: string | null): Promise<CellContext[]> {
  let query = db
    .selectFrom(cellVersions(db))
    .select(['v.geo', 'v.indicator', 'v.period', 'v.note'])
    .where('v.indicator', 'in', filter.indicators);
  if (filter.geos?.length) query = query.where('v.geo', 'in', filter.geos);
  if (filter.periods?.length) query = query.where('v.period', 'in', filter.periods);
  if (asOf) query = query.where('v.recorded_at', '<=', asOf);
  const rows = await query
    .orderBy('v.indicator')
    .orderBy('v.geo')
    .orderBy('v.period')
    .orderBy('v.recorded_at')
    .orderBy('v.id')
    .execute();
  const cells: CellContext[] = [];
  for (const row of rows) {
    const last = cells.at(-1);
    if (last && last.geo === row.geo && last.indicator === row.indicator && last.period === row.period) {
      last.versions += 1;
      last.note = row.note;
    } else cells.push({ geo: row.geo, indicator: row.indicator, period: row.period, note: row.note, versions: 1 });
  }
  return cells;
}
