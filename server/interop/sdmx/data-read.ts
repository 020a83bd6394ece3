import { isPreferredVersion, sourceRanks } from '../../cells/preferred';
import { type CompiledQuery, sql } from 'kysely';
import type { Catalogue } from '../../analytics/catalogue';
import type { DbOrTx } from '../../db/database';
import { cellVersions } from '../../cells/cell-versions';
import { CompiledByShape, shapeOf } from '../../cells/compiled-filter';
import { listObservations, type ObservationFilter } from '../../cells/observation.repository';
import { type Frequency, frequencyOf, type SdmxObservation, type SeriesBlock } from '../../analytics/series-block';
import type { DataQuery } from './data-query';

/** A dataset of the answer: with includeHistory, the versions valid from one moment to another. */
export interface DataSetSource {
  validFrom?: string;
  validTo?: string | null;
  series: AsyncIterable<SeriesBlock> | Iterable<SeriesBlock>;
}

interface CellRow {
  indicator: string;
  geo: string;
  period: string;
  value: number | null;
  flags: string;
  recorded_at: string;
}

export function filterOf(query: DataQuery, catalogue: Catalogue): ObservationFilter {
  return {
    indicators: query.indicators.length ? query.indicators : [...catalogue.indicators.keys()],
    geos: query.geos,
    fromStart: query.fromStart,
    toStart: query.toStart,
  };
}

/**
 * Rows sorted by indicator, geo and period (one run per indicator and geo) as series: split by
 * frequency, narrowed to the key's frequencies and to the first or last N observations.
 */
export function seriesOfRun(run: CellRow[], query: DataQuery, catalogue: Catalogue): SeriesBlock[] {
  const byFreq = new Map<Frequency, SdmxObservation[]>();
  for (const row of run) {
    const freq = frequencyOf(row.period);
    if (query.freq.length && !query.freq.includes(freq)) continue;
    let list = byFreq.get(freq);
    if (!list) {
      list = [];
      byFreq.set(freq, list);
    }
    list.push({ period: row.period, value: row.value, flags: row.flags });
  }
  const first = run[0];
  if (!first) return [];
  const unit = catalogue.indicators.get(first.indicator)?.unit ?? 'count';
  return [...byFreq].map(([freq, observations]) => ({
    freq,
    indicator: first.indicator,
    geo: first.geo,
    unit,
    observations: narrowed(observations, query),
  }));
}

function narrowed(observations: SdmxObservation[], query: DataQuery): SdmxObservation[] {
  let kept = observations;
  if (query.firstN !== undefined) kept = kept.slice(0, query.firstN);
  if (query.lastN !== undefined) kept = kept.slice(Math.max(0, kept.length - query.lastN));
  return kept;
}

/** Sorted rows cut into runs of one indicator and geo. */
export function* runsOf(rows: Iterable<CellRow>): Generator<CellRow[]> {
  let run: CellRow[] = [];
  for (const row of rows) {
    const last = run[run.length - 1];
    if (last && (last.indicator !== row.indicator || last.geo !== row.geo)) {
      yield run;
      run = [];
    }
    run.push(row);
  }
  if (run.length) yield run;
}

export async function* seriesOfRows(
  rows: Iterable<CellRow>,
  query: DataQuery,
  catalogue: Catalogue,
): AsyncGenerator<SeriesBlock> {
  for (const run of runsOf(rows)) yield* seriesOfRun(run, query, catalogue);
}

/**
 * The published cells (now, or as of asOf) that the query selects, changed after updatedAfter if
 * given: through the observation reads every other route uses.
 */
export async function readCells(db: DbOrTx, query: DataQuery, catalogue: Catalogue): Promise<CellRow[]> {
  const cells = await listObservations(db, filterOf(query, catalogue), query.asOf);
  const sorted = cells.sort(byCell);
  return query.updatedAfter ? sorted.filter((c) => c.recorded_at > query.updatedAfter!) : sorted;
}

const byCell = (a: CellRow, b: CellRow) =>
  a.indicator < b.indicator
    ? -1
    : a.indicator > b.indicator
      ? 1
      : a.geo < b.geo
        ? -1
        : a.geo > b.geo
          ? 1
          : a.period < b.period
            ? -1
            : a.period > b.period
              ? 1
              : 0;

/**
 * Of each cell's versions (sorted by cell, then time), those that were disseminated: a version counts
 * when no better-ranked source had a version of the cell before it. A Eurostat revision after the
 * contact point's own figure changed nothing readers saw, so it is no dissemination of the cell.
 */
function disseminatedVersions<T extends { indicator: string; geo: string; period: string; source: string }>(
  versions: T[],
  rank: Map<string, number>,
): T[] {
  let cell = '';
  let best = Number.MAX_SAFE_INTEGER;
  return versions.filter((v) => {
    const key = `${v.indicator}|${v.geo}|${v.period}`;
    if (key !== cell) [cell, best] = [key, Number.MAX_SAFE_INTEGER];
    const r = rank.get(v.source) ?? Number.MAX_SAFE_INTEGER;
    if (r > best) return false;
    best = r;
    return true;
  });
}

/**
 * includeHistory: every version of every selected cell (the current and superseded ones,
 * cell-versions.ts), each valid from its recording until the next version of its cell was recorded.
 * Versions valid over the same span form one dataset: a past dissemination as it was.
 */
export async function readHistory(
  db: DbOrTx,
  query: DataQuery,
  catalogue: Catalogue,
): Promise<{ validFrom: string; validTo: string | null; rows: CellRow[] }[]> {
  const filter = filterOf(query, catalogue);
  let select = db
    .selectFrom(cellVersions(db))
    .select(['v.indicator', 'v.geo', 'v.period', 'v.value', 'v.flags', 'v.recorded_at', 'v.source'])
    .where('v.indicator', 'in', filter.indicators);
  if (filter.geos?.length) select = select.where('v.geo', 'in', filter.geos);
  if (filter.fromStart) select = select.where('v.period_start', '>=', filter.fromStart);
  if (filter.toStart) select = select.where('v.period_start', '<=', filter.toStart);
  if (query.asOf) select = select.where('v.recorded_at', '<=', query.asOf);
  const versions = await select
    .orderBy('v.indicator')
    .orderBy('v.geo')
    .orderBy('v.period')
    .orderBy('v.recorded_at')
    .orderBy('v.id')
    .execute();
  const rows = disseminatedVersions(versions, await sourceRanks(db));
  const spans = new Map<string, { validFrom: string; validTo: string | null; rows: CellRow[] }>();
  rows.forEach((row, i) => {
    const next = rows[i + 1];
    const sameCell = next && next.indicator === row.indicator && next.geo === row.geo && next.period === row.period;
    const validTo = sameCell ? next.recorded_at : null;
    if (query.updatedAfter && row.recorded_at <= query.updatedAfter) return;
    const key = `${row.recorded_at}|${validTo ?? ''}`;
    let span = spans.get(key);
    if (!span) {
      span = { validFrom: row.recorded_at, validTo, rows: [] };
      spans.set(key, span);
    }
    span.rows.push(row);
  });
  return [...spans.values()].sort((a, b) =>
    a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : (a.validTo ?? '~') < (b.validTo ?? '~') ? -1 : 1,
  );
}

/** The page query, compiled once per database and shape as the observation reads are: every request runs it. */
const compiledPages = new CompiledByShape();

function pageQuery(db: DbOrTx, filter: ObservationFilter, updatedAfter: boolean, after: boolean): CompiledQuery {
  const shape = `${shapeOf(filter)}|${updatedAfter ? 1 : 0}|${after ? 1 : 0}`;
  return compiledPages.get(db, shape, () => {
    let select = db
      .selectFrom('observations')
      .select(['indicator', 'geo', 'period', 'value', 'flags', 'recorded_at'])
      .where('indicator', 'in', filter.indicators)
      .where(isPreferredVersion('observations'));
    if (filter.geos?.length) select = select.where('geo', 'in', filter.geos);
    if (filter.fromStart) select = select.where('period_start', '>=', filter.fromStart);
    if (filter.toStart) select = select.where('period_start', '<=', filter.toStart);
    if (updatedAfter) select = select.where('recorded_at', '>', '');
    if (after) select = select.where(sql<boolean>`(indicator, geo, period) > (${''}, ${''}, ${''})`);
    return select.orderBy('indicator').orderBy('geo').orderBy('period').limit(0).compile();
  });
}

/**
 * The current cells in pages of `size`, in primary-key order (indicator, geo, period), each page
 * after the last row of the one before: a large answer is read and sent without holding it all.
 */
export async function* currentPages(
  db: DbOrTx,
  query: DataQuery,
  catalogue: Catalogue,
  size: number,
): AsyncGenerator<CellRow[]> {
  const filter = filterOf(query, catalogue);
  let after: CellRow | undefined;
  for (;;) {
    const compiled = pageQuery(db, filter, query.updatedAfter !== undefined, after !== undefined);
    // The parameters in the order of the clauses above.
    const parameters: unknown[] = [...filter.indicators, ...(filter.geos ?? [])];
    if (filter.fromStart) parameters.push(filter.fromStart);
    if (filter.toStart) parameters.push(filter.toStart);
    if (query.updatedAfter) parameters.push(query.updatedAfter);
    if (after) parameters.push(after.indicator, after.geo, after.period);
    parameters.push(size);
    const page = (await db.executeQuery<CellRow>({ ...compiled, parameters })).rows;
    if (page.length) yield page;
    if (page.length < size) return;
    after = page[page.length - 1];
  }
}

/** Series of the pages' rows; a run of one indicator and geo may go on in the next page. */
export async function* seriesOfPages(
  pages: AsyncIterable<CellRow[]>,
  query: DataQuery,
  catalogue: Catalogue,
): AsyncGenerator<SeriesBlock> {
  let pending: CellRow[] = [];
  for await (const page of pages) {
    const runs = [...runsOf(pending.concat(page))];
    pending = runs.pop() ?? [];
    for (const run of runs) yield* seriesOfRun(run, query, catalogue);
  }
  yield* seriesOfRun(pending, query, catalogue);
}
