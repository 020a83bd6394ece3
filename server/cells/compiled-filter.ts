import type { CompiledQuery, SelectQueryBuilder } from 'kysely';
import type { Database, DbOrTx } from '../db/database';

/** Which cells a read asks for. */
export interface ObservationFilter {
  indicators: string[];
  /** Empty or absent: every geo. */
  geos?: string[];
  periods?: string[];
  /** Inclusive bounds on period_start (YYYY-MM-DD). */
  fromStart?: string;
  toStart?: string;
  /** Only this source's cells (sources.code); absent: each cell's preferred source. */
  source?: string;
}

/**
 * A filter's shape: how many indicators, geos and periods it names and which bounds it sets. Queries
 * of one shape compile to the same SQL, so each is compiled once and re-run with new parameters.
 */
export function shapeOf(filter: ObservationFilter): string {
  return `${filter.indicators.length}|${filter.geos?.length ?? 0}|${filter.periods?.length ?? '-'}|${filter.fromStart ? 1 : 0}|${filter.toStart ? 1 : 0}|${filter.source ? 1 : 0}`;
}

/** A query on observations narrowed to the filter and sorted by indicator, geo, period start and period. */
export function whereFilter<O>(query: SelectQueryBuilder<Database, 'observations', O>, filter: ObservationFilter) {
  let narrowed = query.where('indicator', 'in', filter.indicators);
  if (filter.geos?.length) narrowed = narrowed.where('geo', 'in', filter.geos);
  if (filter.periods) narrowed = narrowed.where('period', 'in', filter.periods);
  if (filter.fromStart) narrowed = narrowed.where('period_start', '>=', filter.fromStart);
  if (filter.toStart) narrowed = narrowed.where('period_start', '<=', filter.toStart);
  if (filter.source) narrowed = narrowed.where('source', '=', filter.source);
  // By period too, so that one cell's versions from several sources are adjacent (preferred.ts).
  return narrowed.orderBy('indicator').orderBy('geo').orderBy('period_start').orderBy('period');
}

/** The filter's values in the order whereFilter's clauses take them. */
export function filterParameters(filter: ObservationFilter): unknown[] {
  const parameters: unknown[] = [...filter.indicators];
  if (filter.geos?.length) parameters.push(...filter.geos);
  if (filter.periods) parameters.push(...filter.periods);
  if (filter.fromStart) parameters.push(filter.fromStart);
  if (filter.toStart) parameters.push(filter.toStart);
  if (filter.source) parameters.push(filter.source);
  return parameters;
}

/** Queries compiled once per database and shape; bounded, since shapes come from requests. */
export class CompiledByShape {
  private readonly byDatabase = new WeakMap<DbOrTx, Map<string, CompiledQuery>>();
  constructor(private readonly limit = 512) {}

  get(db: DbOrTx, shape: string, build: () => CompiledQuery): CompiledQuery {
    let byShape = this.byDatabase.get(db);
    if (!byShape) {
      byShape = new Map();
      this.byDatabase.set(db, byShape);
    }
    let compiled = byShape.get(shape);
    if (!compiled) {
      compiled = build();
      if (byShape.size >= this.limit) byShape.clear();
      byShape.set(shape, compiled);
    }
    return compiled;
  }
}
