import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase, checkSqliteIntegrity, restoreDatabase } from '../../server/db/backup';
import { type OpenDatabase, openSqlite } from '../../server/db/connect';
import { openPostgres } from '../../server/db/connect-postgres';
import type { Db } from '../../server/db/database';
import { commitSubmission } from '../../server/submissions/publish/commit';
import { previewSubmission } from '../../server/submissions/pipeline';
import { bufferSource } from '../../server/submissions/read/source';
import { seededDatabase, type TestDatabase, testEngine } from '../helpers/database';
import { createDatabase, dropDatabase, postgresTestUrl, urlForDatabase } from '../helpers/postgres-database';

/** Issue 15: npm run backup copies a running database consistently; npm run restore brings it back. */
let database: TestDatabase;
let dir: string;
let restored: OpenDatabase | null = null;
let dropRestored: (() => Promise<void>) | null = null;
beforeEach(async () => {
  database = await seededDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'observatory-backup-'));
});
afterEach(async () => {
  await restored?.close();
  await dropRestored?.();
  restored = null;
  dropRestored = null;
  await database.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** Commit i publishes one new cell of its own (NL homicides in month i), so each commit's effect is known. */
const periodOf = (i: number) => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

async function commitOne(db: Db, i: number): Promise<number> {
  const csv = `geo,indicator,period,value,flags,note\nNL,ICCS0101,${periodOf(i)},${i + 1},,backup test`;
  const preview = await previewSubmission(db, {
    geo: 'NL',
    submittedBy: 'backup-test',
    source: bufferSource(`c${i}.csv`, Buffer.from(csv)),
  });
  expect(preview.status).toBe('validated');
  await commitSubmission(db, preview.submissionId);
  return preview.submissionId;
}

/** An empty target: a SQLite file not yet there, or a new PostgreSQL database without tables. */
async function emptyTarget(): Promise<string> {
  if (testEngine === 'sqlite') return path.join(dir, 'restored.sqlite');
  const url = postgresTestUrl()!;
  const name = `${inject('postgresRunPrefix')}_restore_${process.pid}`;
  await createDatabase(url, name);
  dropRestored = () => dropDatabase(url, name);
  return urlForDatabase(url, name);
}

const openTarget = (target: string) =>
  testEngine === 'sqlite' ? openSqlite(target) : openPostgres(target, { max: 2 });

async function testCells(db: Db) {
  return db
    .selectFrom('observations')
    .select(['period', 'value', 'submission_id'])
    .where('geo', '=', 'NL')
    .where('indicator', '=', 'ICCS0101')
    .where('period', 'like', '____-__')
    .orderBy('period')
    .execute();
}

describe(`backup and restore (${testEngine})`, () => {
  it('copies the data as of one moment while commits go on, and restores it into an empty database', async () => {
    const committed: number[] = [];
    let backingUp = true;
    let i = 0;
    for (; i < 3; i++) committed.push(await commitOne(database.db, i));
    const before = committed.length;
    const writer = (async () => {
      // Commits go on during the whole backup, and a few after it.
      while (backingUp || i < before + 6) {
        committed.push(await commitOne(database.db, i++));
        // As requests would, each commit starts on a new turn of the event loop: SQLite's calls are
        // synchronous, so without this the loop would never let the backup's steps run.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const file = path.join(dir, testEngine === 'sqlite' ? 'copy.sqlite' : 'copy.dump');
    const result = await backupDatabase(database.file, file).finally(() => {
      backingUp = false;
    });
    const duringOrBefore = committed.length;
    const startedDuring = i;
    await writer;
    // The writer had a commit under way when the backup began, and went on through it.
    expect(startedDuring, 'commits ran while the backup was being written').toBeGreaterThan(before);
    expect(result.bytes).toBeGreaterThan(0);
    if (testEngine === 'sqlite') checkSqliteIntegrity(file);

    const target = await emptyTarget();
    await restoreDatabase(file, target);
    restored = openTarget(target);
    const copy = await testCells(restored.db);
    // The copy holds exactly the first k commits: nothing half-written, nothing of a later commit.
    const k = copy.length;
    expect(k).toBeGreaterThanOrEqual(before);
    expect(k).toBeLessThanOrEqual(duringOrBefore);
    expect(copy).toEqual(
      committed.slice(0, k).map((id, n) => ({ period: periodOf(n), value: n + 1, submission_id: id })),
    );
    const submissions = await restored.db
      .selectFrom('submissions')
      .select(['id', 'status'])
      .where('submitted_by', '=', 'backup-test')
      .orderBy('id')
      .execute();
    expect(submissions.filter((s) => s.status === 'committed').map((s) => s.id)).toEqual(committed.slice(0, k));

    // Everything else is as in the source: the rest of the published data did not change meanwhile.
    // Each commit added one current cell (observations; revisions keep only superseded versions).
    const count = async (db: Db) =>
      Number(
        (
          await db
            .selectFrom('observations')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count(restored.db)).toBe((await count(database.db)) - (committed.length - k));
  });

  it('refuses to restore into a database that holds data', async () => {
    const file = path.join(dir, testEngine === 'sqlite' ? 'copy.sqlite' : 'copy.dump');
    await backupDatabase(database.file, file);
    await expect(restoreDatabase(file, database.file)).rejects.toThrow(/not empty|has tables/);
    await expect(backupDatabase(database.file, file)).rejects.toThrow(/exists already/);
  });
});
