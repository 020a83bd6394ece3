import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connect';
import { useSeededApp } from '../helpers/context';

const run = promisify(execFile);
const CLI = path.resolve(__dirname, '../../scripts/ingest.ts');

// The CLI opens the database file itself: the test's own connection is closed first.
const ctx = useSeededApp({ each: true });
let folder: string;
beforeEach(async () => {
  await ctx.database.close();
  folder = mkdtempSync(path.join(tmpdir(), 'units-cli-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

async function ingest(file: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', CLI, file, '--geo', 'FR', ...args, '--database', ctx.database.file],
      { maxBuffer: 1 << 24 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function read<T>(query: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const { db, close } = await openDatabase(ctx.database.file);
  try {
    return await query(db);
  } finally {
    await close();
  }
}

describe('npm run ingest and changes beyond threshold', () => {
  it('stops without --confirm-changes, naming the cells; commits and audits with it', async () => {
    const file = path.join(folder, 'fr.csv');
    // crim_off_cat publishes FR's 975 homicides for 2008; 2,100 is beyond ICCS0101's 100 % threshold.
    writeFileSync(file, 'geo,indicator,period,value,flags,note\nFR,ICCS0101,2008,2100,,\n');
    const stopped = await ingest(file);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('1 changes beyond threshold need a confirmation (ICCS0101/FR/2008)');
    // What readers see: the contact point's national figure first, else Eurostat's.
    const value = async () => {
      const rows = await read((db) =>
        db
          .selectFrom('observations')
          .select(['source', 'value'])
          .where('indicator', '=', 'ICCS0101')
          .where('geo', '=', 'FR')
          .where('period', '=', '2008')
          .execute(),
      );
      return Number((rows.find((r) => r.source === 'national') ?? rows[0])!.value);
    };
    expect(await value()).toBe(975);

    const done = await ingest(file, '--confirm-changes');
    expect(done.code, done.stderr).toBe(0);
    expect(await value()).toBe(2100);
    const audit = await read((db) =>
      db
        .selectFrom('audit_log')
        .select(['actor', 'detail'])
        .where('action', '=', 'submission.confirm-changes')
        .execute(),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toMatch(/^cli:/);
    expect(JSON.parse(audit[0]!.detail!).cells).toEqual([{ cell: 'ICCS0101/FR/2008', published: 975, value: 2100 }]);
  }, 180_000);
});
