import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, inject } from 'vitest';
import { type Engine, type OpenDatabase, openSqlite } from '../../server/db/connect';
import { openPostgres } from '../../server/db/connect-postgres';
import { migrateToLatest } from '../../server/db/migrate';
import { createDatabase, dropDatabase, postgresTestUrl, urlForDatabase } from './postgres-database';

export interface TestDatabase extends OpenDatabase {
  /** Where it lives: the SQLite file, or the PostgreSQL database's URL. */
  file: string;
  dispose: () => Promise<void>;
}

const postgresUrl = postgresTestUrl();

/** The engine this run of the suite tests: PostgreSQL when TEST_DATABASE_URL (or DATABASE_URL) says so. */
export const testEngine: Engine = postgresUrl ? 'postgres' : 'sqlite';

/**
 * `describe` for tests that only make sense on the embedded SQLite file (e.g. killing the process
 * mid-write and reopening the file). On PostgreSQL they are skipped; `reason` must say why, so no
 * test is skipped there silently.
 */
export function describeOnSqliteOnly(reason: string, name: string, body: () => void): void {
  if (reason.trim().length < 10) throw new Error(`describeOnSqliteOnly("${name}") needs a real reason.`);
  describe.skipIf(testEngine !== 'sqlite')(`${name} (SQLite only: ${reason})`, body);
}

function tempFile(): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'observatory-db-'));
  return { dir, file: path.join(dir, 'observatory.sqlite') };
}

function withDisposal(open: OpenDatabase, dir: string, file: string): TestDatabase {
  return {
    ...open,
    file,
    dispose: async () => {
      await open.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let cloned = 0;

/** A private PostgreSQL database cloned from one of the run's templates; dispose drops it. */
async function postgresClone(url: string, template: string): Promise<TestDatabase> {
  const name = `${inject('postgresRunPrefix')}_${process.pid}_${++cloned}`;
  await createDatabase(url, name, template);
  const databaseUrl = urlForDatabase(url, name);
  const open = openPostgres(databaseUrl, { max: 4, idleTimeoutMillis: 1_000 });
  return {
    ...open,
    file: databaseUrl,
    dispose: async () => {
      await open.close();
      await dropDatabase(url, name);
    },
  };
}

/** A private copy of the database seeded from data/seed (built once per test run). */
export async function seededDatabase(): Promise<TestDatabase> {
  if (postgresUrl) return postgresClone(postgresUrl, inject('seededTemplate'));
  const { dir, file } = tempFile();
  copyFileSync(inject('seededTemplate'), file);
  return withDisposal(openSqlite(file), dir, file);
}

/** A migrated database with no catalogue and no data. */
export async function emptyDatabase(): Promise<TestDatabase> {
  if (postgresUrl) return postgresClone(postgresUrl, inject('emptyTemplate'));
  const { dir, file } = tempFile();
  const open = openSqlite(file);
  await migrateToLatest(open.db);
  return withDisposal(open, dir, file);
}
