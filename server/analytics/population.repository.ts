import type { DbOrTx } from '../db/database';
import { listObservations } from '../cells/observation.repository';
import { type CellFilter, type CellRecord, POPULATION_INDICATOR } from './cell.types';

/**
 * The current population cells, read once per data version: every per-100k rate divides by them,
 * so a compare or trend request then reads only its own indicator's cells. Keyed on the data
 * version (readDataVersion), which every commit moves: a commit from any process makes the next
 * request read them afresh.
 */
interface PopulationCache {
  versionKey: string;
  /** Geo → its population cells, in period_start order. */
  byGeo: Map<string, CellRecord[]>;
}

const cached = new WeakMap<DbOrTx, PopulationCache>();

async function populationByGeo(db: DbOrTx, versionKey: string): Promise<Map<string, CellRecord[]>> {
  const hit = cached.get(db);
  if (hit?.versionKey === versionKey) return hit.byGeo;
  const byGeo = new Map<string, CellRecord[]>();
  for (const cell of await listObservations(db, { indicators: [POPULATION_INDICATOR] })) {
    const list = byGeo.get(cell.geo);
    if (list) list.push(cell);
    else byGeo.set(cell.geo, [cell]);
  }
  cached.set(db, { versionKey, byGeo });
  return byGeo;
}

/** The current population cells matching the filter's geos, periods and period_start bounds, sorted by geo and period. */
export async function currentPopulationCells(
  db: DbOrTx,
  versionKey: string,
  filter: Omit<CellFilter, 'indicators'>,
): Promise<CellRecord[]> {
  const byGeo = await populationByGeo(db, versionKey);
  const geos = filter.geos?.length ? [...new Set(filter.geos)].sort() : [...byGeo.keys()].sort();
  const periods = filter.periods ? new Set(filter.periods) : null;
  const cells: CellRecord[] = [];
  for (const geo of geos) {
    for (const cell of byGeo.get(geo) ?? []) {
      if (periods && !periods.has(cell.period)) continue;
      if (filter.fromStart && cell.period_start < filter.fromStart) continue;
      if (filter.toStart && cell.period_start > filter.toStart) continue;
      cells.push(cell);
    }
  }
  return cells;
}
