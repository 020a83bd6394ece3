import type { CompiledQuery } from 'kysely';
import type { DbOrTx } from '../db/database';
import { cellVersions } from './cell-versions';
import { preferredOfEachCell, sourceRanks } from './preferred';
import { CompiledByShape, filterParameters, type ObservationFilter, shapeOf, whereFilter } from './compiled-filter';

export type { ObservationFilter } from './compiled-filter';

export interface ObservationRecord {
  geo: string;
  indicator: string;
  period: string;
  period_start: string;
  value: number | null;
  flags: string;
  revision_id: number;
  recorded_at: string;
  /** The source of this value: the cell's preferred one, or the one the filter names. */
  source: string;
}

/**
 * The published value of each cell. Now: the `observations` table. As of a moment: from all versions
 * (cell-versions.ts), the latest recorded at or before asOf. Of a cell's sources, the preferred one
 * (preferred.ts), unless the filter names a source.
 */
export async function listObservations(
  db: DbOrTx,
  filter: ObservationFilter,
  asOf: string | null = null,
): Promise<ObservationRecord[]> {
  if (asOf) return listObservationsAsOf(db, filter, asOf);
  const compiled = currentQueryFor(db, filter);
  const { rows } = await db.executeQuery<ObservationRecord>({ ...compiled, parameters: filterParameters(filter) });
  return filter.source ? rows : preferredOfEachCell(rows, await sourceRanks(db));
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
  return whereFilter(
    db
      .selectFrom('observations')
      .select(['geo', 'indicator', 'period', 'period_start', 'value', 'flags', 'revision_id', 'recorded_at', 'source']),
    filter,
  );
}

/**
 * The cells as published at `asOf`: for each cell, its latest version recorded at or before asOf
 * (ties in time broken by revision id), from the current and superseded versions together.
 */
async function listObservationsAsOf(db: DbOrTx, filter: ObservationFilter, asOf: string): Promise<ObservationRecord[]> {
  let query = db
    .selectFrom(cellVersions(db))
    .select([
      'v.geo',
      'v.indicator',
      'v.period',
      'v.period_start',
      'v.value',
      'v.flags',
      'v.id as revision_id',
      'v.recorded_at',
      'v.source',
    ])
    .where('v.indicator', 'in', filter.indicators)
    .where('v.recorded_at', '<=', asOf);
  if (filter.geos?.length) query = query.where('v.geo', 'in', filter.geos);
  if (filter.periods) query = query.where('v.period', 'in', filter.periods);
  if (filter.fromStart) query = query.where('v.period_start', '>=', filter.fromStart);
  if (filter.toStart) query = query.where('v.period_start', '<=', filter.toStart);
  if (filter.source) query = query.where('v.source', '=', filter.source);
  const rows = await query
    .orderBy('v.indicator')
    .orderBy('v.geo')
    .orderBy('v.period_start')
    .orderBy('v.period')
    .orderBy('v.source')
    .orderBy('v.recorded_at')
    .orderBy('v.id')
    .execute();
  const latest = latestOfEachSource(rows);
  return filter.source ? latest : preferredOfEachCell(latest, await sourceRanks(db));
}

/** Rows sorted so that a cell's versions from one source are adjacent and oldest first: the last of each run. */
function latestOfEachSource(rows: ObservationRecord[]): ObservationRecord[] {
  const latest: ObservationRecord[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const next = rows[i + 1];
    if (
      next &&
      next.period === r.period &&
      next.geo === r.geo &&
      next.indicator === r.indicator &&
      next.source === r.source
    )
      continue;
    latest.push(r);
  }
  return latest;
}

/** The time of the latest commit that published revisions: the data version that responses cite. */
export async function dataVersion(db: DbOrTx): Promise<string | null> {
  const row = await db
    .selectFrom('submissions')
    .select((eb) => eb.fn.max('committed_at').as('latest'))
    .where('last_revision_id', 'is not', null)
    .executeTakeFirst();
  return (row?.latest as string | null) ?? null;
}
