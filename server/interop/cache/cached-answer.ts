import type { Readable } from 'node:stream';
import { cachePerDatabase, preferredEncoding } from '../../analytics/answer-cache';
import { etagOf, matches } from '../../analytics/versioned-response';
import type { DataVersion } from '../../analytics/vintage.repository';
import type { Db } from '../../db/database';
import { RouteResponse } from '../../http/route';

const cacheFor = cachePerDatabase(32 * 1024 * 1024);

export interface TextAnswer {
  db: Db;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  version: DataVersion;
  /** The answer within a data version: the resource, its normalised query and the negotiated format. */
  key: string;
  contentType: string;
  /** The answer's text; a stream for one too large to hold (sent as produced, never cached). */
  compute: () => Promise<string | Readable>;
}

/**
 * The interoperability formats through the same versioning as the JSON API (versioned-response.ts):
 * an ETag from the data version, 304 when the caller's copy is current, and the answer's bytes
 * cached per data version (and compressed once per encoding) in an AnswerCache of their own, since
 * XML and CSV are not the JSON that versionedAnswer keeps. Content types go out exactly as given:
 * a Buffer body keeps Express from appending a charset.
 */
export async function cachedTextAnswer(answer: TextAnswer): Promise<RouteResponse> {
  const { version } = answer;
  const etag = etagOf(version, answer.key);
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': 'no-cache',
    'X-Data-Version': version.at ?? '',
    Vary: 'Accept, Accept-Encoding',
  };
  if (matches(answer.headers['if-none-match'], etag)) return new RouteResponse('', { status: 304, headers });
  const cache = cacheFor(answer.db);
  const cacheKey = `${version.key}|${version.catalogueKey}|${answer.key}`;
  let cached = cache.get(cacheKey);
  if (cached === undefined) {
    const computed = await answer.compute();
    if (typeof computed !== 'string') return new RouteResponse(computed, { contentType: answer.contentType, headers });
    cached = cache.set(cacheKey, computed);
  }
  const encoding = preferredEncoding(answer.headers['accept-encoding']);
  const encoded = cache.encoded(cacheKey, cached, encoding);
  if (encoded)
    return new RouteResponse(encoded, {
      contentType: answer.contentType,
      headers: { ...headers, 'Content-Encoding': encoding! },
    });
  return new RouteResponse(cached.json, { contentType: answer.contentType, headers });
}

/** A query's parameters in a fixed order, as part of a cache key. */
export function normalisedQuery(query: Record<string, unknown>): string {
  return Object.entries(query)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('&');
}
