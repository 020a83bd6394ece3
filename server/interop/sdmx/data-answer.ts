import { Readable } from 'node:stream';
import { loadCatalogue, type Catalogue } from '../../analytics/catalogue';
import { readDataVersion } from '../../analytics/vintage.repository';
import type { Db } from '../../db/database';
import type { RouteResponse } from '../../http/route';
import { cachedTextAnswer, normalisedQuery } from '../cache/cached-answer';
import { type JsonStatCollection, jsonStatDataset } from '../../analytics/jsonstat';
import { CSV_DATAFLOW } from './artefacts';
import { sdmxCsv } from './data-csv';
import { checkFlowRef, checkProviderRef, type DataQuery, parseDataQuery, readMoment } from './data-query';
import { currentPages, type DataSetSource, readCells, readHistory, seriesOfPages, seriesOfRows } from './data-read';
import type { SeriesBlock } from '../../analytics/series-block';
import { genericData, structureSpecificData } from './data-xml';
import { noResults, sdmxErrorResponse } from './errors';
import { type Negotiated, negotiateData } from './negotiate';

/** Answers up to this many current cells are read at once and cached; larger ones are streamed page by page. */
export const STREAM_PAGE = 5_000;

export interface DataRequest {
  db: Db;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  flowRef: string;
  key?: string;
  providerRef?: string;
  query: Record<string, unknown>;
}

interface MaterialisedSet {
  validFrom?: string;
  validTo?: string | null;
  series: SeriesBlock[];
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

async function materialised(db: Db, query: DataQuery, catalogue: Catalogue): Promise<MaterialisedSet[]> {
  if (query.includeHistory) {
    const spans = await readHistory(db, query, catalogue);
    return Promise.all(
      spans.map(async (s) => ({
        validFrom: s.validFrom,
        validTo: s.validTo,
        series: await collect(seriesOfRows(s.rows, query, catalogue)),
      })),
    );
  }
  return [{ series: await collect(seriesOfRows(await readCells(db, query, catalogue), query, catalogue)) }];
}

function render(n: Negotiated, sets: DataSetSource[], query: DataQuery, catalogue: Catalogue): AsyncGenerator<string> {
  const prepared = new Date().toISOString();
  const shape = { detail: query.detail, allDimensions: query.allDimensions };
  if (n.format === 'structurespecific') return structureSpecificData(sets, shape, prepared);
  if (n.format === 'csv')
    return sdmxCsv(sets, { ...shape, labels: n.labels, history: query.includeHistory }, catalogue);
  return genericData(sets, shape, prepared);
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

function jsonStat(sets: MaterialisedSet[], query: DataQuery, catalogue: Catalogue, dataVersion: string | null): string {
  const context = {
    catalogue,
    dataVersion,
    asOf: query.asOf,
    label: 'Crime and crime prevention indicators',
    extension: { dataflow: CSV_DATAFLOW },
  };
  if (!query.includeHistory) return JSON.stringify(jsonStatDataset(sets[0]!.series, context));
  const collection: JsonStatCollection = {
    version: '2.0',
    class: 'collection',
    label: 'Every dissemination of the selected cells',
    link: {
      item: sets.map((s) =>
        jsonStatDataset(s.series, {
          ...context,
          extension: { ...context.extension, validFrom: s.validFrom, validTo: s.validTo ?? null },
        }),
      ),
    },
  };
  return JSON.stringify(collection);
}

const NO_RESULTS = 'No observations match the query (key, periods, updatedAfter, asOf).';

/**
 * Current cells without history: the first page decides. An answer that fits in it is written
 * whole and cached; a larger one streams, each page read after the one before was written.
 */
async function currentAnswer(
  db: Db,
  n: Negotiated,
  query: DataQuery,
  catalogue: Catalogue,
): Promise<string | Readable> {
  const pages = currentPages(db, query, catalogue, STREAM_PAGE);
  const first = await pages.next();
  if (first.done) throw noResults(NO_RESULTS);
  if (first.value.length < STREAM_PAGE) {
    const series = await collect(seriesOfRows(first.value, query, catalogue));
    if (!series.length) throw noResults(NO_RESULTS);
    return text(render(n, [{ series }], query, catalogue));
  }
  async function* all() {
    yield first.value!;
    yield* pages;
  }
  return Readable.from(render(n, [{ series: seriesOfPages(all(), query, catalogue) }], query, catalogue));
}

async function computeAnswer(
  db: Db,
  n: Negotiated,
  query: DataQuery,
  catalogue: Catalogue,
  dataVersion: string | null,
): Promise<string | Readable> {
  if (!query.asOf && !query.includeHistory && n.format !== 'jsonstat') return currentAnswer(db, n, query, catalogue);
  const sets = await materialised(db, query, catalogue);
  if (!sets.some((s) => s.series.length)) throw noResults(NO_RESULTS);
  if (n.format === 'jsonstat') return jsonStat(sets, query, catalogue, dataVersion);
  return text(render(n, sets, query, catalogue));
}

/** GET data/{flowRef}/{key}/{providerRef}: SDMX errors as SDMX error messages, never a 500 for bad input. */
export async function dataAnswer(request: DataRequest): Promise<RouteResponse> {
  try {
    checkFlowRef(request.flowRef);
    checkProviderRef(request.providerRef);
    const asOf = readMoment(request.query.asOf, 'asOf');
    const version = await readDataVersion(request.db, asOf);
    const catalogue = await loadCatalogue(request.db, version.catalogueKey);
    const query = parseDataQuery(request.key, request.query, catalogue);
    const n = negotiateData(
      request.headers.accept,
      request.query.format as string | undefined,
      request.query.labels as string | undefined,
    );
    return await cachedTextAnswer({
      db: request.db,
      headers: request.headers,
      version,
      key: `data/${request.key ?? 'all'}?${normalisedQuery(request.query)}|${n.format}|${n.contentType}|${n.labels}`,
      contentType: n.contentType,
      compute: () => computeAnswer(request.db, n, query, catalogue, version.at),
    });
  } catch (error) {
    return sdmxErrorResponse(error);
  }
}
