import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import type { OpenDatabase } from './open-database';
import { type Config, defaultConfig } from '../config/config';

// PostgreSQL returns bigint (COUNT, SUM) as strings by default; our counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v: string) => Number(v));

export interface PoolSettings {
  /** Most connections open at once (PG_POOL_MAX). At least 2: startup holds one for its lock. */
  max: number;
  /** An idle connection closes after this long (PG_IDLE_TIMEOUT_MS). */
  idleTimeoutMillis: number;
  /** Waiting for a free connection fails after this long (PG_CONNECT_TIMEOUT_MS). */
  connectionTimeoutMillis: number;
  /**
   * The server cancels any single statement that runs longer (PG_STATEMENT_TIMEOUT_MS). Off by
   * default, as in PostgreSQL: committing a million-row submission is one long statement.
   */
  statementTimeoutMillis: number;
}

/** The pool settings a parsed configuration gives (PG_POOL_MAX and the PG_*_MS timeouts). */
export function poolSettingsOf(config: Config): PoolSettings {
  return {
    max: config.PG_POOL_MAX,
    idleTimeoutMillis: config.PG_IDLE_TIMEOUT_MS,
    connectionTimeoutMillis: config.PG_CONNECT_TIMEOUT_MS,
    statementTimeoutMillis: config.PG_STATEMENT_TIMEOUT_MS,
  };
}

const rawPools = new WeakMap<object, pg.Pool>();

/** The pg pool behind a Kysely instance, for bulk loads (COPY on a client of its own); like rawSqliteOf. */
// biome-ignore lint/suspicious/noExplicitAny: any schema; the pool is found by the instance alone
export function rawPostgresPoolOf(db: Kysely<any>): pg.Pool | undefined {
  return rawPools.get(db);
}

export function openPostgres(url: string, overrides: Partial<PoolSettings> = {}): OpenDatabase {
  const settings = { ...poolSettingsOf(defaultConfig()), ...overrides };
  const pool = new pg.Pool({
    connectionString: url,
    application_name: 'crime-prevention-observatory',
    max: settings.max,
    idleTimeoutMillis: settings.idleTimeoutMillis,
    connectionTimeoutMillis: settings.connectionTimeoutMillis,
    statement_timeout: settings.statementTimeoutMillis || undefined,
  });
  // An idle connection the server drops (restart, network) must not crash the process; the pool
  // discards it and opens a fresh one on the next query. Once closing, such drops are expected.
  let closing = false;
  pool.on('error', (error) => {
    if (!closing) console.error(`PostgreSQL idle connection lost: ${error.message}`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  rawPools.set(db, pool);
  const close = async (): Promise<void> => {
    closing = true;
    await db.destroy();
  };
  return { db, engine: 'postgres', close };
}
