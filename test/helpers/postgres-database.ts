import pg from 'pg';
import { isPostgresUrl } from '../../server/db/connect';

/**
 * The PostgreSQL server the suite runs against, if any: TEST_DATABASE_URL, else DATABASE_URL when
 * it is a postgres:// URL. The role needs CREATEDB: every test gets its own database, cloned from
 * a template the global setup builds once per run, and dropped on dispose.
 */
export function postgresTestUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env.TEST_DATABASE_URL || env.DATABASE_URL || '';
  return isPostgresUrl(url) ? url : null;
}

/** The same server, another database on it. */
export function urlForDatabase(url: string, database: string): string {
  const target = new URL(url);
  target.pathname = `/${encodeURIComponent(database)}`;
  return target.toString();
}

/** A fresh name prefix per test run, so databases of concurrent runs never collide. */
export function newRunPrefix(): string {
  return `obs_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

let admin: pg.Pool | null = null;

/** A small pool on the URL's own database, for CREATE/DROP DATABASE. */
function adminPool(url: string): pg.Pool {
  admin ??= new pg.Pool({ connectionString: url, max: 2, idleTimeoutMillis: 1_000, allowExitOnIdle: true });
  return admin;
}

const quote = (name: string): string => pg.escapeIdentifier(name);

export async function createDatabase(url: string, name: string, template?: string): Promise<void> {
  const from = template ? ` TEMPLATE ${quote(template)}` : '';
  await adminPool(url).query(`CREATE DATABASE ${quote(name)}${from}`);
}

/**
 * A plain DROP first: it waits (up to 5 s) for the just-closed pool's sessions to end and stops an
 * autovacuum worker, which WITH (FORCE) may not terminate for a role without pg_signal_backend.
 * FORCE only when a session is still connected after that (a test that leaked a connection).
 */
export async function dropDatabase(url: string, name: string): Promise<void> {
  const pool = adminPool(url);
  try {
    await pool.query(`DROP DATABASE IF EXISTS ${quote(name)}`);
  } catch (error) {
    if ((error as { code?: string }).code !== '55006') throw error;
    await pool.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
  }
}

/** Drops every database whose name starts with the run's prefix (templates and leftovers). */
export async function dropRunDatabases(url: string, prefix: string): Promise<void> {
  const { rows } = await adminPool(url).query<{ datname: string }>(
    'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
    [prefix],
  );
  for (const { datname } of rows) await dropDatabase(url, datname);
}

export async function closeAdminPool(): Promise<void> {
  const pool = admin;
  admin = null;
  await pool?.end();
}
