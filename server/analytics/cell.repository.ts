import type { DbOrTx } from '../db/database';
import { listObservations, type ObservationFilter, type ObservationRecord } from '../observations/observation.repository';

/** A published cell: the latest revision, now or as of a moment. */
export type CellRecord = Omit<ObservationRecord, 'revision_id'> & { revision_id?: number };
export type CellFilter = ObservationFilter;

/** Current cells, or the cells as published at `asOf` (see listObservations). */
export function readCells(db: DbOrTx, filter: CellFilter, asOf: string | null): Promise<CellRecord[]> {
  return listObservations(db, filter, asOf);
}

/** Cells keyed "indicator|geo|period" for lookups. */
export function cellIndex(cells: CellRecord[]): Map<string, CellRecord> {
  return new Map(cells.map((c) => [cellKey(c.indicator, c.geo, c.period), c]));
}

export function cellKey(indicator: string, geo: string, period: string): string {
  return `${indicator}|${geo}|${period}`;
}
