import type { DbOrTx } from '../db/database';

/** A published cell: the latest revision, now or as of a moment. */
export interface CellRecord {
  geo: string;
  indicator: string;
  period: string;
  period_start: string;
  value: number | null;
  flags: string;
  recorded_at: string;
}

export interface CellFilter {
  indicators: string[];
  geos?: string[];
  periods?: string[];
  /** Inclusive bounds on period_start (YYYY-MM-DD). */
  fromStart?: string;
  toStart?: string;
}

/**
 * Current cells come from `observations`; a vintage (asOf) reads the append-only `revisions`: for
 * each cell, the revision recorded at or before asOf with no later one at or before asOf.
 */
export function readCells(db: DbOrTx, filter: CellFilter, asOf: string | null): Promise<CellRecord[]> {
  if (asOf) return readCellsAsOf(db, filter, asOf);
  let query = db
    .selectFrom('observations')
    .select(['geo', 'indicator', 'period', 'period_start', 'value', 'flags', 'recorded_at'])
    .where('indicator', 'in', filter.indicators);
  if (filter.geos) query = query.where('geo', 'in', filter.geos);
  if (filter.periods) query = query.where('period', 'in', filter.periods);
  if (filter.fromStart) query = query.where('period_start', '>=', filter.fromStart);
  if (filter.toStart) query = query.where('period_start', '<=', filter.toStart);
  return query.orderBy('indicator').orderBy('geo').orderBy('period_start').execute();
}

function readCellsAsOf(db: DbOrTx, filter: CellFilter, asOf: string): Promise<CellRecord[]> {
  let query = db
    .selectFrom('revisions as r')
    .select(['r.geo', 'r.indicator', 'r.period', 'r.period_start', 'r.value', 'r.flags', 'r.recorded_at'])
    .where('r.indicator', 'in', filter.indicators)
    .where('r.recorded_at', '<=', asOf)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('revisions as later')
            .select('later.id')
            .whereRef('later.indicator', '=', 'r.indicator')
            .whereRef('later.geo', '=', 'r.geo')
            .whereRef('later.period', '=', 'r.period')
            .where('later.recorded_at', '<=', asOf)
            .where((w) =>
              w.or([
                w('later.recorded_at', '>', w.ref('r.recorded_at')),
                w.and([w('later.recorded_at', '=', w.ref('r.recorded_at')), w('later.id', '>', w.ref('r.id'))]),
              ]),
            ),
        ),
      ),
    );
  if (filter.geos) query = query.where('r.geo', 'in', filter.geos);
  if (filter.periods) query = query.where('r.period', 'in', filter.periods);
  if (filter.fromStart) query = query.where('r.period_start', '>=', filter.fromStart);
  if (filter.toStart) query = query.where('r.period_start', '<=', filter.toStart);
  return query.orderBy('r.indicator').orderBy('r.geo').orderBy('r.period_start').execute();
}

/** Cells keyed "indicator|geo|period" for lookups. */
export function cellIndex(cells: CellRecord[]): Map<string, CellRecord> {
  return new Map(cells.map((c) => [cellKey(c.indicator, c.geo, c.period), c]));
}

export function cellKey(indicator: string, geo: string, period: string): string {
  return `${indicator}|${geo}|${period}`;
}
