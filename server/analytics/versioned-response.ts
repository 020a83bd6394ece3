import { createHash } from 'node:crypto';
import type { Db } from '../db/database';
import { RouteResponse } from '../http/route';
import { cachePerDatabase, preferredEncoding } from './answer-cache';
import { asOfMoment } from './analytics.query';
import type { VersionMeta } from '../shared/api/analytics';
import type { Locale } from '../shared/i18n';
import { type Catalogue, loadCatalogue } from './catalogue';
import { type DataVersion, readDataVersion } from './vintage.repository';

/**
 * Per server process. Comparisons of every NUTS 3 region of Europe are about 430 KB of JSON each (and
 * 37 KB in brotli): the 140 of five indicators, 14 years and two measures take 60 MB, which at 64 MB
 * left no room for the comparisons of a country's regions beside them, so the two evicted each other.
 */
const cacheFor = cachePerDatabase(128 * 1024 * 1024);

export interface VersionedRequest<T> {
  db: Db;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Identifies the answer within a data version: the route and its normalised query. */
  key: string;
  asOf: string | null;
  /**
   * The reader's language, for answers that contain prose (alert explanations, trend notes): the
   * cache and the ETag then keep one answer per language, so one reader's language never reaches another.
   */
  locale?: Locale;
  compute: (catalogue: Catalogue, version: DataVersion) => Promise<T>;
  /** For format=csv (or another text rendering, e.g. an Atom feed): the text, a download name, its type. */
  csv?: {
    wanted: boolean;
    render: (answer: T & { meta: VersionMeta }) => string;
    fileName?: string;
    contentType?: string;
  };
  /** For JSON-stat 2.0 (format=jsonstat or Accept: application/json; profile=jsonstat): the dataset. */
  jsonstat?: { wanted: boolean; viaAccept: boolean; render: JsonStatRenderer<T> };
}

export type JsonStatRenderer<T> = (answer: T & { meta: VersionMeta }, catalogue: Catalogue) => object;

/** True when the Accept header asks for the JSON-stat profile of JSON (RFC 6906 profile parameter). */
export function acceptsJsonStat(header: string | string[] | undefined): boolean {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  return text.split(',').some((range) => {
    const [type, ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    return (
      type === 'application/json' &&
      parameters.some((p) => p.replace(/\s+/g, '').replace(/"/g, '') === 'profile=jsonstat')
    );
  });
}

/**
 * Answers being computed, per database and cache key: requests that arrive while an answer is
 * computed wait for it instead of computing it again (after a commit, every dashboard asks at once,
 * and an alerts screen of a large group takes a second or more).
 */
const inFlight = new WeakMap<Db, Map<string, Promise<string>>>();

function computeOnce(db: Db, cacheKey: string, compute: () => Promise<string>): Promise<string> {
  let pending = inFlight.get(db);
  if (!pending) {
    pending = new Map();
    inFlight.set(db, pending);
  }
  let running = pending.get(cacheKey);
  if (!running) {
    running = compute().finally(() => pending.delete(cacheKey));
    pending.set(cacheKey, running);
  }
  return running;
}

export function etagOf(version: DataVersion, key: string): string {
  return `W/"${version.key}-${createHash('sha1').update(`${version.catalogueKey}|${key}`).digest('base64url').slice(0, 16)}"`;
}

export function matches(header: string | string[] | undefined, etag: string): boolean {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  return text.split(',').some((t) => t.trim() === etag || t.trim() === '*');
}

/**
 * The wrapper every versioned read goes through: reads the data version, answers 304 when the
 * caller's ETag is current, otherwise serves the cached answer for this version or computes it.
 */
export async function versionedAnswer<T extends object>(request: VersionedRequest<T>): Promise<RouteResponse> {
  const version = await readDataVersion(request.db, request.asOf);
  const csv = request.csv?.wanted ?? false;
  const jsonstat = !csv && (request.jsonstat?.wanted ?? false);
  const lang = request.locale ? `|lang=${request.locale}` : '';
  const etag = etagOf(version, `${request.key}${lang}|format=${csv ? 'csv' : jsonstat ? 'jsonstat' : 'json'}`);
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': 'no-cache',
    'X-Data-Version': version.at ?? '',
  };
  // The same URL answers two ways by its Accept header: shared caches must keep them apart.
  if (request.jsonstat?.viaAccept) headers.Vary = 'Accept';
  if (matches(request.headers['if-none-match'], etag)) return new RouteResponse('', { status: 304, headers });
  const cache = cacheFor(request.db);
  const cacheKey = `${version.key}|${version.catalogueKey}|${request.asOf ?? ''}|${request.key}${lang}`;
  let answer = cache.get(cacheKey);
  if (answer === undefined) {
    const json = await computeOnce(request.db, cacheKey, async () => {
      const computed = (await request.compute(await loadCatalogue(request.db, version.catalogueKey), version)) as T & {
        meta?: object;
      };
      return JSON.stringify({ ...computed, meta: { ...computed.meta, dataVersion: version.at, asOf: request.asOf } });
    });
    answer = cache.get(cacheKey) ?? cache.set(cacheKey, json);
  }
  if (csv) {
    const text = request.csv!.render(JSON.parse(answer.json.toString('utf8')));
    return new RouteResponse(text, {
      contentType: request.csv!.contentType ?? 'text/csv; charset=utf-8',
      fileName: request.csv!.fileName,
      headers,
    });
  }
  if (jsonstat) {
    const dataset = request.jsonstat!.render(
      JSON.parse(answer.json.toString('utf8')),
      await loadCatalogue(request.db, version.catalogueKey),
    );
    return new RouteResponse(JSON.stringify(dataset), { contentType: 'application/json; charset=utf-8', headers });
  }
  // Compressed here once per answer and encoding, not by the compression middleware at every hit.
  const encoding = preferredEncoding(request.headers['accept-encoding']);
  const encoded = cache.encoded(cacheKey, answer, encoding);
  if (encoded) {
    return new RouteResponse(encoded, {
      contentType: 'application/json; charset=utf-8',
      headers: {
        ...headers,
        'Content-Encoding': encoding!,
        Vary: headers.Vary ? `${headers.Vary}, Accept-Encoding` : 'Accept-Encoding',
      },
    });
  }
  return new RouteResponse(answer.json, { contentType: 'application/json; charset=utf-8', headers });
}

/** The normalised query as a cache key: parameters in a fixed order, defaults filled in. */
export function queryKey(path: string, query: Record<string, unknown>): string {
  const entries = Object.entries(query).filter(([k, v]) => k !== 'format' && v !== undefined);
  return `${path}?${entries
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('&')}`;
}

export interface VersionedRead<T> {
  db: Db;
  headers: VersionedRequest<T>['headers'];
  query: { asOf?: string; format?: string };
  /** The path as requested, with its parameters filled in. */
  path: string;
  /** The reader's language, when the answer contains prose (VersionedRequest.locale). */
  locale?: Locale;
  compute: (asOf: string | null, catalogue: Catalogue, version: DataVersion) => Promise<T>;
  csv: { render: (answer: T & { meta: VersionMeta }) => string; fileName: string };
  /** Routes with a table-like answer also render it as a JSON-stat 2.0 dataset. */
  jsonstat?: JsonStatRenderer<T>;
}

/** What every versioned read route does: read asOf and format from its query, key the answer on both. */
export function answerVersionedRead<T extends object>(read: VersionedRead<T>): Promise<RouteResponse> {
  const asOf = asOfMoment(read.query.asOf);
  return versionedAnswer({
    db: read.db,
    headers: read.headers,
    asOf,
    key: queryKey(read.path, { ...read.query, asOf }),
    locale: read.locale,
    compute: (catalogue, version) => read.compute(asOf, catalogue, version),
    csv: { wanted: read.query.format === 'csv', ...read.csv },
    jsonstat: read.jsonstat && jsonStatWanted(read.query.format, read.headers.accept, read.jsonstat),
  });
}

/** format=jsonstat asks for JSON-stat; so does the Accept header when the query names no other format. */
function jsonStatWanted<T>(
  format: string | undefined,
  accept: string | string[] | undefined,
  render: JsonStatRenderer<T>,
): VersionedRequest<T>['jsonstat'] {
  if (format === 'jsonstat') return { wanted: true, viaAccept: false, render };
  // The Accept header decides between JSON and JSON-stat here, so every such answer varies by it.
  if (format === 'csv') return { wanted: false, viaAccept: false, render };
  return { wanted: acceptsJsonStat(accept), viaAccept: true, render };
}
