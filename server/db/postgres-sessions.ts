import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { rawPostgresPoolOf } from './connect-postgres';
import type { Database, Db } from './database';

// pg-copy-streams is CommonJS; its named export is read off the module object.
const copyFrom = copyStreams.from;

/** The pooled client behind each Kysely instance made by withOneConnection. */
const sessionClients = new WeakMap<object, pg.PoolClient>();

/**
 * Runs `run` with a Kysely instance bound to ONE pooled PostgreSQL client, so that a COPY on that
 * client belongs to the transaction `run` opens on it (a staged submission and its cells commit
 * together). SQLite has one connection already: `run` gets `db` as is.
 */
export async function withOneConnection<T>(db: Db, run: (conn: Db) => Promise<T>): Promise<T> {
  const pool = rawPostgresPoolOf(db);
  if (!pool) return run(db);
  const client = await pool.connect();
  const single = {
    connect: async () => ({ query: client.query.bind(client), release: () => undefined }),
    end: async () => undefined,
  };
  const conn = new Kysely<Database>({ dialect: new PostgresDialect({ pool: single as unknown as pg.Pool }) });
  sessionClients.set(conn, client);
  let broken: Error | undefined;
  try {
    return await run(conn);
  } catch (error) {
    // A client whose COPY was cancelled may be mid-protocol: the pool discards it instead of reusing it.
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(broken);
  }
}

/** A COPY … FROM STDIN in progress: rows go in as lines of COPY text (see copyText). */
/**
 * Runs `run` with a Kysely instance on a connection of its own, outside the pool, closed afterwards
 * (null on SQLite). For reads beside a connection that is busy with a COPY: a pooled connection could
 * deadlock, since every pooled connection may be held by commits waiting for the one reading.
 */
export async function withSideConnection<T>(db: Db, run: (side: Db | null) => Promise<T>): Promise<T> {
  const pool = rawPostgresPoolOf(db);
  if (!pool) return run(null);
  const client = new pg.Client(pool.options);
  // A connection lost while idle emits 'error'; unheard, that would crash the process. The query
  // that follows fails on its own.
  client.on('error', () => undefined);
  await client.connect();
  const single = {
    connect: async () => ({ query: client.query.bind(client), release: () => undefined }),
    end: async () => undefined,
  };
  const side = new Kysely<Database>({ dialect: new PostgresDialect({ pool: single as unknown as pg.Pool }) });
  try {
    return await run(side);
  } finally {
    await client.end();
  }
}

export interface CopyIn {
  write(lines: string): Promise<void>;
  finish(): Promise<void>;
  abort(error: Error): void;
}

/** A value in COPY text format: backslash, tab, newline and carriage return escaped; \N is NULL. */
export function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : value;
}
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * PostgreSQL bulk load: one COPY … FROM STDIN on the connection of withOneConnection, fed with
 * backpressure. Undefined when `conn` is not such a connection. Nothing else may run on the
 * connection until the COPY is finished.
 */
export function openCopy(conn: Db, table: string, columns: readonly string[]): CopyIn | undefined {
  const client = sessionClients.get(conn);
  if (!client) return undefined;
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  let failure: Error | undefined;
  stream.on('error', (error: Error) => {
    failure = error;
  });
  return {
    write: async (lines) => {
      if (failure) throw failure;
      if (lines && !stream.write(lines)) await once(stream, 'drain');
    },
    finish: async () => {
      if (failure) throw failure;
      stream.end();
      await finished(stream);
    },
    abort: (error) => {
      if (!stream.destroyed) stream.destroy(error);
    },
  };
}
