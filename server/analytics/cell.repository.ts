import type { DbOrTx } from '../db/database';
import { listObservations } from '../cells/observation.repository';
import { type CellFilter, type CellRecord, POPULATION_INDICATOR } from './cell.types';
import { readCurrentCells } from './current-cell.repository';
import { currentPopulationCells } from './population.repository';

export type { CellFilter, CellRecord } from './cell.types';

/**
 * Current cells (current-cell.repository.ts), or the cells as published at `asOf` (see
 * listObservations), ordered by indicator, geo and period. Given the data version key, current
 * population cells come from the per-version population cache (population.repository.ts) instead
 * of the database.
 */
export async function readCells(
  db: DbOrTx,
  filter: CellFilter,
  asOf: string | null,
  versionKey?: string,
): Promise<CellRecord[]> {
  if (asOf) return listObservations(db, filter, asOf);
  if (versionKey === undefined || !filter.indicators.includes(POPULATION_INDICATOR))
    return readCurrentCells(db, filter);
  const others = filter.indicators.filter((code) => code !== POPULATION_INDICATOR);
  const [cells, population] = await Promise.all([
    others.length ? readCurrentCells(db, { ...filter, indicators: others }) : Promise.resolve([]),
    currentPopulationCells(db, versionKey, filter),
  ]);
  return [...cells, ...population].sort((a, b) => (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0));
}

/** Cells keyed "indicator|geo|period" for lookups. */
export function cellIndex(cells: CellRecord[]): Map<string, CellRecord> {
  return new Map(cells.map((c) => [cellKey(c.indicator, c.geo, c.period), c]));
}

export function cellKey(indicator: string, geo: string, period: string): string {
  return `${indicator}|${geo}|${period}`;
}
