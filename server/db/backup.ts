import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { isPostgresUrl } from './connect';

const run = promisify(execFile);

/** Pages the first step of a SQLite backup copies; every later step copies all that remain at once. */
const FIRST_STEP_PAGES = 64;

export interface BackupResult {
  engine: 'sqlite' | 'postgres';
  file: string;
  bytes: number;
}

/**
 * A consistent copy of a running database. SQLite: the online backup API, from a connection of its
 * own. A write by another connection between steps restarts the copy, so the last step copies every
 * page in one go, inside one read transaction: the copy is the database as of that step, whatever
 * commits run meanwhile. PostgreSQL: pg_dump, whose single snapshot gives the same guarantee.
 */
export async function backupDatabase(url: string, file: string, pgBin?: string): Promise<BackupResult> {
  if (existsSync(file)) throw new Error(`${file} exists already: choose a new file for the backup.`);
  if (isPostgresUrl(url)) {
    await run(pgTool('pg_dump', pgBin), ['--format=custom', '--no-owner', `--file=${file}`, url], {
      maxBuffer: 1 << 20,
    });
    return { engine: 'postgres', file, bytes: statSync(file).size };
  }
  const source = new SQLite(url, { fileMustExist: true });
  try {
    let steps = 0;
    await source.backup(file, { progress: () => (++steps === 1 ? FIRST_STEP_PAGES : 0x7fffffff) });
  } finally {
    source.close();
  }
  checkSqliteIntegrity(file);
  return { engine: 'sqlite', file, bytes: statSync(file).size };
}

/**
 * Brings a backup back into an empty database: a SQLite file that does not exist yet (or is empty),
 * or a PostgreSQL database without tables. Refuses anything else, so a restore never merges into data.
 */
export async function restoreDatabase(file: string, url: string, pgBin?: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`There is no backup ${file}.`);
  if (isPostgresUrl(url)) {
    await assertEmptyPostgres(url);
    await run(
      pgTool('pg_restore', pgBin),
      ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${url}`, file],
      { maxBuffer: 1 << 20 },
    );
    return;
  }
  if (existsSync(url) && statSync(url).size > 0)
    throw new Error(`${url} is not empty: restore into a new file, then move it into place.`);
  const backup = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(url, { progress: () => 0x7fffffff });
  } finally {
    backup.close();
  }
  checkSqliteIntegrity(url);
}

/** Throws unless PRAGMA integrity_check answers "ok". */
export function checkSqliteIntegrity(file: string): void {
  const copy = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`${file} fails SQLite's integrity check: ${String(result)}`);
  } finally {
    copy.close();
  }
}

async function assertEmptyPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "select count(*) as n from information_schema.tables where table_schema = 'public'",
    );
    if (Number(rows[0]!.n) > 0)
      throw new Error('The target PostgreSQL database has tables: restore into a new, empty database.');
  } finally {
    await client.end();
  }
}

/** pg_dump and pg_restore: from PG_BIN, else PostgreSQL 15's directory, else the PATH. */
function pgTool(name: 'pg_dump' | 'pg_restore', pgBin: string | undefined): string {
  const dirs = [pgBin, '/usr/lib/postgresql/15/bin'].filter((d): d is string => !!d);
  for (const dir of dirs) if (existsSync(`${dir}/${name}`)) return `${dir}/${name}`;
  return name;
}
