import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { rawPostgresPoolOf } from '../db/connect-postgres';
import type { Database, Db } from '../db/database';
import type { Cell } from './cell';

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
  const single = { connect: async () => ({ query: client.query.bind(client), release: () => undefined }), end: async () => undefined };
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

export interface CopyStage {
  add(cells: Cell[]): Promise<void>;
  finish(): Promise<void>;
  abort(error: Error): void;
}

const COPY_COLUMNS = 'submission_id, geo, indicator, period, period_start, value, flags, note, source_row';

/** COPY text format: backslash, tab, newline and carriage return escaped; \N is NULL. */
function text(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : value;
}
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * PostgreSQL bulk load: one COPY … FROM STDIN on the connection of withOneConnection, fed batch by
 * batch with backpressure. Undefined when `conn` is not such a connection.
 */
export function openCopyStage(conn: Db, submissionId: number): CopyStage | undefined {
  const client = sessionClients.get(conn);
  if (!client) return undefined;
  const stream = client.query(copyFrom(`copy submission_cells (${COPY_COLUMNS}) from stdin`));
  let failure: Error | undefined;
  stream.on('error', (error: Error) => {
    failure = error;
  });
  return {
    add: async (cells) => {
      if (failure) throw failure;
      let chunk = '';
      for (const c of cells) {
        chunk += `${submissionId}\t${text(c.geo)}\t${text(c.indicator)}\t${text(c.period)}\t${text(c.periodStart)}\t` +
          `${c.value === null ? '\\N' : String(c.value)}\t${text(c.flags)}\t${text(c.note)}\t${c.sourceRow}\n`;
      }
      if (chunk && !stream.write(chunk)) await once(stream, 'drain');
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
