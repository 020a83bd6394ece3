import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { type OpenDatabase, openSqlite } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';

export interface TestDatabase extends OpenDatabase {
  file: string;
  dispose: () => Promise<void>;
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

/** A private copy of the database seeded from data/seed (built once per test run). */
export async function seededDatabase(): Promise<TestDatabase> {
  const { dir, file } = tempFile();
  copyFileSync(inject('seededTemplate'), file);
  return withDisposal(openSqlite(file), dir, file);
}

/** A migrated database with no catalogue and no data. */
export async function emptyDatabase(): Promise<TestDatabase> {
  const { dir, file } = tempFile();
  const open = openSqlite(file);
  await migrateToLatest(open.db);
  return withDisposal(open, dir, file);
}
