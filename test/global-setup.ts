import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openSqlite } from '../server/db/connect';
import { initialiseDatabase } from '../server/db/initialise';

declare module 'vitest' {
  export interface ProvidedContext {
    seededTemplate: string;
  }
}

/** Builds one seeded SQLite file per run; each test copies it instead of re-loading the seed. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'observatory-test-'));
  const file = path.join(dir, 'seeded.sqlite');
  const { db, close } = openSqlite(file);
  await initialiseDatabase(db);
  await close();
  project.provide('seededTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
