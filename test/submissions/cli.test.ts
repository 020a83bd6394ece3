import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connect';
import { sharedDataPath } from '../helpers/shared-data';
import { useSeededApp } from '../helpers/context';

const run = promisify(execFile);
const CLI = path.resolve(__dirname, '../../scripts/ingest.ts');

// The CLI opens the file itself: the test's own connection is closed first.
const ctx = useSeededApp({ each: true });
beforeEach(async () => ctx.database.close());

async function ingest(...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', CLI, ...args, '--database', ctx.database.file],
      { maxBuffer: 1 << 24 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function published(geo: string, indicator: string, period: string) {
  const { db, close } = await openDatabase(ctx.database.file);
  try {
    const row = await db
      .selectFrom('observations')
      .select(['value', 'flags'])
      .where('geo', '=', geo)
      .where('indicator', '=', indicator)
      .where('period', '=', period)
      .executeTakeFirst();
    return row;
  } finally {
    await close();
  }
}

describe('npm run ingest', () => {
  it('dry-runs the BKA export through its profile: report table and diff counts, nothing published', async () => {
    const out = await ingest(
      sharedDataPath('bka-pks/ZR-F-01-T01-Faelle_csv.csv'),
      '--geo',
      'DE',
      '--profile',
      'de-bka-pks-faelle',
      '--dry-run',
    );
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/row\s+column\s+code\s+severity/);
    expect(out.stdout).toMatch(/4803\s+value\s+implausible-change\s+warning/);
    expect(out.stdout).toContain('rows read 13320, valid cells 210');
    // The seed holds the BKA's 35 yearly totals already (unchanged); the 175 offence cells are 105 new, 70 changed.
    expect(out.stdout).toMatch(/diff against published data: 105 new, 70 changed/);
    expect(out.stdout).toContain('dry run: nothing published');
    expect(await published('DE', 'ICCS0101', '1987')).toBeUndefined();
  }, 60_000);

  it('commits the Eurostat population TSV for a geo and the World Bank CSV', async () => {
    const tsv = await ingest(sharedDataPath('eurostat-tps00001/tps00001.tsv'), '--geo', 'AD');
    expect(tsv.code).toBe(0);
    expect(tsv.stdout).toContain('read as eurostat with profile eurostat-tps00001');
    const wb = await ingest(
      sharedDataPath('worldbank-population/API_SP.POP.TOTL_DS2_en_csv_v2_4473555.csv'),
      '--geo',
      'LI',
    );
    expect(wb.code).toBe(0);
    expect(wb.stdout).toMatch(/committed: \d+ new revisions/);
    expect(await published('LI', 'POP_JAN', '1960')).toMatchObject({ value: 16501, flags: 'd' });
  }, 60_000);

  it('exits 1 with the report for a rejected file, and 2 for a usage error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'observatory-cli-'));
    const file = path.join(dir, 'bad.csv');
    writeFileSync(file, 'geo,indicator,period,value,flags,note\nAT,ICCS0101,2019,abc,,\n');
    const bad = await ingest(file, '--geo', 'AT');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/2\s+value\s+not-a-number\s+error\s+abc/);
    const usage = await ingest(file);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: npm run ingest');
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
