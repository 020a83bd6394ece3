import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import type { OpenDatabase } from './connect';

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

const SETTINGS: Record<keyof PoolSettings, { env: string; fallback: number; min: number }> = {
  max: { env: 'PG_POOL_MAX', fallback: 10, min: 2 },
  idleTimeoutMillis: { env: 'PG_IDLE_TIMEOUT_MS', fallback: 10_000, min: 0 },
  connectionTimeoutMillis: { env: 'PG_CONNECT_TIMEOUT_MS', fallback: 10_000, min: 0 },
  statementTimeoutMillis: { env: 'PG_STATEMENT_TIMEOUT_MS', fallback: 0, min: 0 },
};

/** Pool settings from the environment; a malformed value is an error that names the variable. */
export function poolSettings(env: NodeJS.ProcessEnv = process.env): PoolSettings {
  const read = (key: keyof PoolSettings): number => {
    const { env: name, fallback, min } = SETTINGS[key];
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) {
      throw new Error(`Invalid configuration: ${name}=${raw} must be a whole number of at least ${min}.`);
    }
    return value;
  };
  return {
    max: read('max'),
    idleTimeoutMillis: read('idleTimeoutMillis'),
    connectionTimeoutMillis: read('connectionTimeoutMillis'),
    statementTimeoutMillis: read('statementTimeoutMillis'),
  };
}

const rawPools = new WeakMap<object, pg.Pool>();

/** The pg pool behind a Kysely instance, for bulk loads (COPY on a client of its own); like rawSqliteOf. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function rawPostgresPoolOf(db: Kysely<any>): pg.Pool | undefined {
  return rawPools.get(db);
}

export function openPostgres(url: string, overrides: Partial<PoolSettings> = {}): OpenDatabase {
  const settings = { ...poolSettings(), ...overrides };
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
