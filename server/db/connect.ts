import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './database';

export type Engine = 'sqlite' | 'postgres';

export interface OpenDatabase {
  db: Kysely<Database>;
  engine: Engine;
  close: () => Promise<void>;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** Every SQLite-specific setting lives here: WAL for concurrent readers, enforced foreign keys. */
export function openSqlite(file: string): OpenDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  rawSqlite.set(db, sqlite);
  return { db, engine: 'sqlite', close: () => db.destroy() };
}

const STATEMENT_CACHE_SIZE = 256;
const CACHEABLE_SQL_LENGTH = 8192;

/**
 * Kysely prepares every query anew, and better-sqlite3's prepare() is the expensive part of a small
 * read. This hands Kysely the same prepared statement for the same SQL text (least recently used
 * out, long bulk statements never kept). SQLite re-prepares a kept statement by itself after a
 * schema change; a statement still being iterated by a stream is not shared.
 */
function withStatementCache(sqlite: SQLite.Database): { prepare: (sql: string) => SQLite.Statement; close: () => void } {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare: (sql) => {
      if (sql.length > CACHEABLE_SQL_LENGTH) return sqlite.prepare(sql);
      const kept = statements.get(sql);
      if (kept && !kept.busy) {
        statements.delete(sql);
        statements.set(sql, kept);
        return kept;
      }
      const statement = sqlite.prepare(sql);
      if (kept) return statement;
      statements.set(sql, statement);
      if (statements.size > STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}

const rawSqlite = new WeakMap<object, SQLite.Database>();

/**
 * The better-sqlite3 handle behind a Kysely instance, for bulk loads (one prepared statement in one
 * transaction). Inside a Kysely transaction on SQLite it is the same single connection.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function rawSqliteOf(db: Kysely<any>): SQLite.Database | undefined {
  return rawSqlite.get(db);
}

export async function openDatabase(url: string): Promise<OpenDatabase> {
  if (isPostgresUrl(url)) {
    const { openPostgres } = await import('./connect-postgres');
    return openPostgres(url);
  }
  return openSqlite(url);
}
