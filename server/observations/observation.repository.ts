import type { DbOrTx } from '../db/database';

export interface ObservationFilter {
  indicators: string[];
  geos: string[];
  /** Inclusive bounds on period_start (YYYY-MM-DD). */
  fromStart?: string;
  toStart?: string;
}

export interface ObservationRecord {
  geo: string;
  indicator: string;
  period: string;
  period_start: string;
  value: number | null;
  flags: string;
  revision_id: number;
  recorded_at: string;
}

export function listObservations(db: DbOrTx, filter: ObservationFilter): Promise<ObservationRecord[]> {
  let query = db
    .selectFrom('observations')
    .select(['geo', 'indicator', 'period', 'period_start', 'value', 'flags', 'revision_id', 'recorded_at'])
    .where('indicator', 'in', filter.indicators);
  if (filter.geos.length) query = query.where('geo', 'in', filter.geos);
  if (filter.fromStart) query = query.where('period_start', '>=', filter.fromStart);
  if (filter.toStart) query = query.where('period_start', '<=', filter.toStart);
  return query.orderBy('indicator').orderBy('geo').orderBy('period_start').execute();
}

/** The time of the latest published revision: the data version that responses cite. */
export async function dataVersion(db: DbOrTx): Promise<string | null> {
  const row = await db
    .selectFrom('revisions')
    .select((eb) => eb.fn.max('recorded_at').as('latest'))
    .executeTakeFirst();
  return (row?.latest as string | null) ?? null;
}
