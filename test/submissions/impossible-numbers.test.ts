import { Migrator, sql } from 'kysely';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CompareResponse } from '../../server/shared/api/analytics';
import { migrateToLatest } from '../../server/db/migrate';
import { migrations } from '../../server/db/migrations/index';
import { createApp } from '../../server/app/compose';
import { commitSubmission } from '../../server/submissions/publish/commit';
import { previewSubmission } from '../../server/submissions/pipeline';
import { bufferSource } from '../../server/submissions/read/source';
import { seededDatabase, type TestDatabase } from '../helpers/database';

/** Issue 15, F3: values that are no real figure are errors (never warnings), on both engines. */
let database: TestDatabase;
beforeEach(async () => {
  database = await seededDatabase();
});
afterEach(async () => database.dispose());

async function submit(rows: string[]) {
  const csv = ['geo,indicator,period,value,flags,note', ...rows].join('\n');
  return previewSubmission(database.db, {
    geo: 'NL',
    submittedBy: 'test',
    source: bufferSource('f.csv', Buffer.from(csv)),
  });
}

async function publishedNl(indicator: string, period: string) {
  return database.db
    .selectFrom('observations')
    .select('value')
    .where('geo', '=', 'NL')
    .where('indicator', '=', indicator)
    .where('period', '=', period)
    .executeTakeFirst();
}

const IMPOSSIBLE: [string, string, string, string][] = [
  ['overflow', 'ICCS0101', '1e309', 'number-out-of-range'],
  ['negative overflow', 'POLICE_PER_100K', '-1e309', 'number-out-of-range'],
  ['a million nines', 'ICCS0101', '9'.repeat(1_000_000), 'field-too-long'],
  ['subnormal population', 'POP_JAN', '4.9e-324', 'number-out-of-range'],
  ['underflow to zero', 'POLICE_PER_100K', '5e-400', 'number-out-of-range'],
  ['subnormal rate', 'POLICE_PER_100K', '4.9e-324', 'number-out-of-range'],
  ['zero population', 'POP_JAN', '0', 'number-out-of-range'],
  ['a count of a trillion', 'ICCS0101', '1000000000000', 'number-out-of-range'],
  ['a fractional count', 'ICCS0101', '12.5', 'fractional-count'],
  ['a negative count', 'ICCS0101', '-3', 'negative-count'],
  ['a percentage over 100', 'SAFE_CRIME_AREA', '100.5', 'number-out-of-range'],
  ['a negative percentage', 'SAFE_CRIME_AREA', '-0.1', 'number-out-of-range'],
  ['a negative rate', 'POLICE_PER_100K', '-12', 'number-out-of-range'],
];

describe('impossible numbers', () => {
  it.each(IMPOSSIBLE)(
    'refuses %s (%s) with an error, and nothing can be committed',
    async (_what, indicator, value, code) => {
      const preview = await submit([`NL,${indicator},2017,${value},,`]);
      expect(preview.status).toBe('rejected');
      expect(preview.report.errorCount).toBe(1);
      expect(preview.report.entries).toEqual([
        expect.objectContaining({ row: 2, column: 'value', code, severity: 'error' }),
      ]);
      expect(preview.report.entries[0]!.message.length).toBeLessThan(200);
      await expect(commitSubmission(database.db, preview.submissionId)).rejects.toThrow();
      const stored = await publishedNl(indicator, '2017');
      expect(stored === undefined || Number.isFinite(stored.value ?? 0)).toBe(true);
    },
  );

  it('accepts the plausible edges: 0 offences, 100 %, a population of 1, 999,999,999,999 offences, 0.0 as zero', async () => {
    // 2001: no published cell, so only the value's own range is checked (against a published figure, a
    // population of 1 is a magnitude-mismatch: test/units).
    const preview = await submit([
      'NL,ICCS0101,2001,0,,',
      'NL,SAFE_CRIME_AREA,2001,100,,',
      'NL,POP_JAN,2001,1,,',
      'NL,ICCS0102,2001,999999999999,,',
      'NL,POLICE_PER_100K,2001,0.0e-999,,',
    ]);
    expect(preview.report.entries.filter((e) => e.severity === 'error')).toEqual([]);
    expect(preview.status).toBe('validated');
  });

  it('refuses a note over 2,000 characters, naming the limit', async () => {
    const preview = await submit([`NL,ICCS0101,2017,12,,${'n'.repeat(2001)}`]);
    expect(preview.status).toBe('rejected');
    expect(preview.report.entries[0]).toMatchObject({ code: 'field-too-long', column: 'note' });
    expect(preview.report.entries[0]!.message).toMatch(/2001 characters; the limit is 2000/);
  });
});

describe('non-finite values stored before the checks', () => {
  it('are listed by the migration and treated as missing (never ranked) by analytics', async () => {
    const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('2026-11-23T0210_observations-key-only')).error).toBeUndefined();
    await sql`update observations set value = ${Infinity} where geo = 'NL' and indicator = 'ICCS0101' and period = '2017'`.execute(
      database.db,
    );
    await sql`update observations set value = ${4.9e-324} where geo = 'NL' and indicator = 'POP_JAN' and period = '2018'`.execute(
      database.db,
    );
    expect(await migrateToLatest(database.db)).toContain('2026-12-02T1000_impossible-values');
    const anomalies = await sql<{ geo: string; indicator: string; period: string; problem: string }>`
      select geo, indicator, period, problem from value_anomalies order by indicator`.execute(database.db);
    expect(anomalies.rows).toEqual([
      { geo: 'NL', indicator: 'ICCS0101', period: '2017', problem: 'not finite' },
      { geo: 'NL', indicator: 'POP_JAN', period: '2018', problem: 'subnormal' },
    ]);

    const app = createApp({ db: database.db, clientDir: '/nonexistent' });
    const counts: CompareResponse = (await request(app).get('/api/compare?indicator=ICCS0101&period=2017').expect(200))
      .body;
    const nl = counts.rows.find((r) => r.geo === 'NL')!;
    expect(nl).toMatchObject({ value: null, rank: null });
    // The group total leaves NL out and says so, instead of a null total labelled complete.
    expect(counts.aggregate!.coverage.missing).toContain('NL');
    expect(Number.isFinite(counts.aggregate!.value ?? 0)).toBe(true);
    expect(
      counts.rows
        .filter((r) => r.rank !== null)
        .map((r) => r.rank)
        .sort((a, b) => a! - b!),
    ).toEqual(counts.rows.filter((r) => r.rank !== null).map((_, i) => i + 1));
    const rates: CompareResponse = (
      await request(app).get('/api/compare?indicator=ICCS0101&period=2018&measure=rate').expect(200)
    ).body;
    expect(rates.rows.find((r) => r.geo === 'NL')).toMatchObject({ value: null, rank: null });
    expect(JSON.stringify(rates)).not.toMatch(/Infinity|∞/);
  });
});
