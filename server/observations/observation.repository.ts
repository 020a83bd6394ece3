import type { CompiledQuery } from 'kysely';
import type { DbOrTx } from '../db/database';
import { CompiledByShape, filterParameters, shapeOf, whereFilter } from './compiled-filter';

export interface ObservationFilter {
  indicators: string[];
  /** Empty or absent: every geo. */
  geos?: string[];
  periods?: string[];
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

/**
 * The published value of each cell. Now: the `observations` table. As of a moment: from the
 * append-only `revisions`, the revision recorded at or before asOf with no later one at or before it.
 */
export async function listObservations(db: DbOrTx, filter: ObservationFilter, asOf: string | null = null): Promise<ObservationRecord[]> {
  if (asOf) return listObservationsAsOf(db, filter, asOf);
  const compiled = currentQueryFor(db, filter);
  return (await db.executeQuery<ObservationRecord>({ ...compiled, parameters: filterParameters(filter) })).rows;
}

/**
 * The current-cells query compiled once per database and shape, since analytics reads run it on
 * every request; Kysely compiles it for the engine at hand.
 */
const compiledCurrent = new CompiledByShape();

function currentQueryFor(db: DbOrTx, filter: ObservationFilter): CompiledQuery {
  return compiledCurrent.get(db, shapeOf(filter), () => buildCurrentQuery(db, filter).compile());
}

function buildCurrentQuery(db: DbOrTx, filter: ObservationFilter) {
  return whereFilter(db.selectFrom('observations').select(['geo', 'indicator', 'period', 'period_start', 'value', 'flags', 'revision_id', 'recorded_at']), filter);
}

function listObservationsAsOf(db: DbOrTx, filter: ObservationFilter, asOf: string): Promise<ObservationRecord[]> {
  let query = db
    .selectFrom('revisions as r')
    .select(['r.geo', 'r.indicator', 'r.period', 'r.period_start', 'r.value', 'r.flags', 'r.id as revision_id', 'r.recorded_at'])
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
  if (filter.geos?.length) query = query.where('r.geo', 'in', filter.geos);
  if (filter.periods) query = query.where('r.period', 'in', filter.periods);
  if (filter.fromStart) query = query.where('r.period_start', '>=', filter.fromStart);
  if (filter.toStart) query = query.where('r.period_start', '<=', filter.toStart);
  return query.orderBy('r.indicator').orderBy('r.geo').orderBy('r.period_start').execute();
}

/** The time of the latest published revision: the data version that responses cite. */
export async function dataVersion(db: DbOrTx): Promise<string | null> {
  const row = await db
    .selectFrom('revisions')
    .select((eb) => eb.fn.max('recorded_at').as('latest'))
    .executeTakeFirst();
  return (row?.latest as string | null) ?? null;
}
