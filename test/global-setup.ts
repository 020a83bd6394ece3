import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openSqlite } from '../server/db/connect';
import { openPostgres } from '../server/db/connect-postgres';
import { initialiseDatabase } from '../server/app/startup';
import { migrateToLatest } from '../server/db/migrate';
import {
  closeAdminPool,
  createDatabase,
  dropRunDatabases,
  newRunPrefix,
  postgresTestUrl,
  urlForDatabase,
} from './helpers/postgres-database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** SQLite: the seeded file to copy. PostgreSQL: the seeded template database to clone. */
    seededTemplate: string;
    /** PostgreSQL only: the migrated, empty template database. */
    emptyTemplate: string;
    /** PostgreSQL only: the prefix of every database this run creates. */
    postgresRunPrefix: string;
  }
}

/** Builds one seeded SQLite file per run; each test copies it instead of re-loading the seed. */
async function setupSqlite(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'observatory-test-'));
  const file = path.join(dir, 'seeded.sqlite');
  const { db, close } = openSqlite(file);
  await initialiseDatabase(db);
  await close();
  project.provide('seededTemplate', file);
  project.provide('emptyTemplate', '');
  project.provide('postgresRunPrefix', '');
  return () => rmSync(dir, { recursive: true, force: true });
}

/** Builds a seeded and an empty template database once per run; each test clones one (fast). */
async function setupPostgres(project: TestProject, url: string): Promise<() => Promise<void>> {
  const prefix = newRunPrefix();
  const templates = { seeded: `${prefix}_seeded`, empty: `${prefix}_empty` };
  try {
    for (const [name, work] of [
      [templates.empty, migrateToLatest],
      [templates.seeded, initialiseDatabase],
    ] as const) {
      await createDatabase(url, name);
      const { db, close } = openPostgres(urlForDatabase(url, name));
      await work(db).finally(close);
    }
  } catch (error) {
    await dropRunDatabases(url, prefix);
    await closeAdminPool();
    throw error;
  }
  project.provide('seededTemplate', templates.seeded);
  project.provide('emptyTemplate', templates.empty);
  project.provide('postgresRunPrefix', prefix);
  return async () => {
    await dropRunDatabases(url, prefix);
    await closeAdminPool();
  };
}

export default async function setup(project: TestProject) {
  const url = postgresTestUrl();
  return url ? setupPostgres(project, url) : setupSqlite(project);
}
