import { createHash } from 'node:crypto';
import type { Db } from '../db/database';
import { RouteResponse } from '../http/route';
import type { VersionMeta } from './analytics.types';
import { type Catalogue, loadCatalogue } from './catalogue';
import { type DataVersion, readDataVersion } from './vintage.repository';

/** Answers computed for one data version; a commit moves the version, so nothing stale is served. */
class AnswerCache {
  private readonly entries = new Map<string, unknown>();
  constructor(private readonly capacity: number) {}

  get(key: string): unknown {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: unknown): void {
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

const caches = new WeakMap<Db, AnswerCache>();
const CACHE_CAPACITY = 2000;

function cacheFor(db: Db): AnswerCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new AnswerCache(CACHE_CAPACITY)));
  return cache;
}

export interface VersionedRequest<T> {
  db: Db;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Identifies the answer within a data version: the route and its normalised query. */
  key: string;
  asOf: string | null;
  compute: (catalogue: Catalogue) => Promise<T>;
  /** For format=csv: the CSV text and a download name. */
  csv?: { wanted: boolean; render: (answer: T & { meta: VersionMeta }) => string; fileName: string };
}

function etagOf(version: DataVersion, key: string): string {
  return `W/"${version.key}-${createHash('sha1').update(key).digest('base64url').slice(0, 16)}"`;
}

function matches(header: string | string[] | undefined, etag: string): boolean {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  return text.split(',').some((t) => t.trim() === etag || t.trim() === '*');
}

/**
 * The wrapper every versioned read goes through: reads the data version, answers 304 when the
 * caller's ETag is current, otherwise serves the cached answer for this version or computes it.
 */
export async function versionedAnswer<T extends object>(request: VersionedRequest<T>): Promise<RouteResponse> {
  const version = await readDataVersion(request.db, request.asOf);
  const fullKey = `${request.key}|format=${request.csv?.wanted ? 'csv' : 'json'}`;
  const etag = etagOf(version, `${version.catalogueKey}|${fullKey}`);
  const headers = { ETag: etag, 'Cache-Control': 'no-cache', 'X-Data-Version': version.at ?? '' };
  if (matches(request.headers['if-none-match'], etag)) return new RouteResponse('', { status: 304, headers });
  const cache = cacheFor(request.db);
  const cacheKey = `${version.key}|${version.catalogueKey}|${request.asOf ?? ''}|${request.key}`;
  let answer = cache.get(cacheKey) as (T & { meta: VersionMeta }) | undefined;
  if (!answer) {
    const computed = (await request.compute(await loadCatalogue(request.db, version.catalogueKey))) as T & { meta?: object };
    answer = { ...computed, meta: { ...computed.meta, dataVersion: version.at, asOf: request.asOf } };
    cache.set(cacheKey, answer);
  }
  if (request.csv?.wanted) {
    return new RouteResponse(request.csv.render(answer), {
      contentType: 'text/csv; charset=utf-8',
      fileName: request.csv.fileName,
      headers,
    });
  }
  return new RouteResponse(answer, { headers });
}
