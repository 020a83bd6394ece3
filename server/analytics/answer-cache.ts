import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type AnswerEncoding = 'br' | 'gzip';

/** Answers smaller than this are sent as they are (the compression middleware's threshold too). */
const COMPRESS_MIN_BYTES = 1024;
/** The compression middleware's own brotli quality: fast, and about gzip's size or better. */
const BROTLI_QUALITY = 4;

/** One cached answer: its JSON bytes, and each compressed form once a client has asked for it. */
export interface CachedAnswer {
  json: Buffer;
  encoded: Partial<Record<AnswerEncoding, Buffer>>;
}

/**
 * Serialised answers of one process, least recently used first out, bounded in bytes. Keys start
 * with the data version, so a commit makes every earlier answer unreachable: nothing stale is served.
 * Answers are kept as bytes outside the JS heap: encoded once rather than at every hit, not copied
 * by the young-generation collector (kept as strings, 10 KB answers surviving into the old
 * generation made scavenges of 5–8 ms, up to 40 ms), and compressed once per encoding rather than
 * at every hit by the compression middleware.
 */
export class AnswerCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private bytes = 0;
  constructor(private readonly budget: number) {}

  get(key: string): CachedAnswer | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, text: string): CachedAnswer {
    const answer: CachedAnswer = { json: ownBytes(text), encoded: {} };
    if (answer.json.length > this.budget / 10) return answer;
    this.entries.set(key, answer);
    this.grow(answer.json.length);
    return answer;
  }

  /** The answer's bytes in the encoding the client prefers, compressed once and kept; null: send the JSON as it is. */
  encoded(key: string, answer: CachedAnswer, encoding: AnswerEncoding | null): Buffer | null {
    if (!encoding || answer.json.length < COMPRESS_MIN_BYTES) return null;
    let bytes = answer.encoded[encoding];
    if (!bytes) {
      bytes = compress(answer.json, encoding);
      answer.encoded[encoding] = bytes;
      if (this.entries.get(key) === answer) this.grow(bytes.length);
    }
    return bytes;
  }

  private grow(bytes: number): void {
    this.bytes += bytes;
    while (this.bytes > this.budget) {
      const [oldest, value] = this.entries.entries().next().value!;
      this.entries.delete(oldest);
      this.bytes -= sizeOf(value);
    }
  }
}

function sizeOf(answer: CachedAnswer): number {
  return answer.json.length + (answer.encoded.br?.length ?? 0) + (answer.encoded.gzip?.length ?? 0);
}

/** The text's UTF-8 bytes in a buffer of their own (Buffer.from shares 8 KB pool slabs among small ones, which the byte count would miss). */
function ownBytes(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}

function compress(json: Buffer, encoding: AnswerEncoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(json, {
        params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: json.length },
      })
    : gzipSync(json);
}

/**
 * The encoding to answer in, from an Accept-Encoding header: brotli if accepted, else gzip, else
 * none. A coding is accepted when named (or matched by "*") with a q-value above 0.
 */
export function preferredEncoding(header: string | string[] | undefined): AnswerEncoding | null {
  const offered = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    offered.set(name, q ? Number(q[1]) : 1);
  }
  const accepted = (coding: AnswerEncoding) => (offered.get(coding) ?? offered.get('*') ?? 0) > 0;
  if (accepted('br')) return 'br';
  if (accepted('gzip')) return 'gzip';
  return null;
}

/**
 * One cache per database (a test may open several in one process), made on first use and dropped
 * with the database: each reader of versioned answers keeps its own, of the size it needs.
 */
export function cachePerDatabase(maxBytes: number): (db: object) => AnswerCache {
  const caches = new WeakMap<object, AnswerCache>();
  return (db) => {
    let cache = caches.get(db);
    if (!cache) {
      cache = new AnswerCache(maxBytes);
      caches.set(db, cache);
    }
    return cache;
  };
}
