import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestYear } from '../../server/alerts/alerts';
import { POPULATION_INDICATOR } from '../../server/analytics/cell.types';
import { createApp } from '../../server/app/compose';
import type { AlertsResponse } from '../../server/shared/api/analytics';
import { seededDatabase, type TestDatabase } from '../helpers/database';

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let eu27: string[];
beforeAll(async () => {
  database = await seededDatabase();
  app = createApp({ db: database.db, clientDir: '/nonexistent' });
  eu27 = await membersOf('EU27_2020');
});
afterAll(async () => database.dispose());

async function membersOf(group: string): Promise<string[]> {
  const rows = await database.db
    .selectFrom('geo_group_members')
    .select('geo_code')
    .where('group_code', '=', group)
    .execute();
  return rows.map((r) => r.geo_code);
}

/** The rule read off the stored rows one by one: each year's share of the geos with a rate-able figure and a population. */
async function coveredShares(members: string[]): Promise<Map<string, number>> {
  const rows = await database.db
    .selectFrom('observations as o')
    .innerJoin('indicators as i', 'i.code', 'o.indicator')
    .select(['o.geo', 'o.indicator', 'o.period_start', 'i.rate_derivable', 'i.rate_denominator'])
    .where('o.geo', 'in', members)
    .execute();
  const figures = new Set<string>();
  const populations = new Set<string>();
  for (const r of rows) {
    const key = `${r.geo}|${r.period_start.slice(0, 4)}`;
    if (r.indicator === POPULATION_INDICATOR) populations.add(key);
    else if (r.rate_derivable === 1 && r.rate_denominator === POPULATION_INDICATOR) figures.add(key);
  }
  const geosByYear = new Map<string, number>();
  for (const key of figures)
    if (populations.has(key)) geosByYear.set(key.slice(-4), (geosByYear.get(key.slice(-4)) ?? 0) + 1);
  return new Map([...geosByYear].map(([year, n]) => [year, n / members.length]));
}

const LATER = '2030-01-01T00:00:00.000Z';

/**
 * An early report: the geos' 2023 homicide counts copied into 2024, recorded at LATER, with their 2024
 * populations where the seed has none (Eurostat publishes 1 January 2024 populations already).
 */
async function reportEarly(geos: string[]): Promise<void> {
  const rows = await database.db
    .selectFrom('observations')
    .selectAll()
    .where('geo', 'in', geos)
    .where('indicator', 'in', ['ICCS0101', POPULATION_INDICATOR])
    .where('period', 'in', ['2023', '2024'])
    .execute();
  const stored = new Set(rows.filter((r) => r.period === '2024').map((r) => `${r.indicator}|${r.geo}|${r.source}`));
  const copies = rows
    .filter((r) => r.period === '2023' && !stored.has(`${r.indicator}|${r.geo}|${r.source}`))
    .map((r) => ({ ...r, period: '2024', period_start: '2024-01-01', recorded_at: LATER }));
  expect(copies.filter((c) => c.indicator === 'ICCS0101').length).toBeGreaterThanOrEqual(geos.length);
  await database.db.insertInto('observations').values(copies).execute();
}

const withdrawEarlyReports = () => database.db.deleteFrom('observations').where('recorded_at', '=', LATER).execute();

describe('the default alert year (the real seed)', () => {
  it('is 2023 for EU27_2020 and EU28: every member has a rate-able figure and a population that year, none later', async () => {
    for (const group of ['EU27_2020', 'EU28']) {
      const { period } = (await request(app).get(`/api/alerts?group=${group}&measure=rate`).expect(200))
        .body as AlertsResponse;
      expect(period).toBe('2023');
      const shares = await coveredShares(await membersOf(group));
      expect([...shares.keys()].sort().at(-1)).toBe('2023');
      expect(shares.get('2023')).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('moves to a later year only once at least half of the group has it (13 of 27 do not move it, 14 do)', async () => {
    try {
      await reportEarly(eu27.slice(0, 13));
      expect((await coveredShares(eu27)).get('2024')).toBeCloseTo(13 / 27);
      expect(await latestYear(database.db, eu27, null)).toBe('2023');
      await reportEarly(eu27.slice(13, 14));
      expect(await latestYear(database.db, eu27, null)).toBe('2024');
      // As of before the early reports were recorded, the default is the year it was then.
      expect(await latestYear(database.db, eu27, '2029-12-31T23:59:59.999Z')).toBe('2023');
      expect(await latestYear(database.db, eu27, LATER)).toBe('2024');
    } finally {
      await withdrawEarlyReports();
    }
  });

  it('falls back to the latest year with any rate-able figure when no year covers half the group', async () => {
    const rollBack = new Error('roll back');
    const answer = database.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('observations')
        .where('geo', '=', 'NL')
        .where('indicator', '=', POPULATION_INDICATOR)
        .execute();
      expect(await latestYear(trx, ['NL'], null)).toBe('2023');
      expect(await latestYear(trx, ['NL', 'BE'], null)).toBe('2023');
      throw rollBack;
    });
    await expect(answer).rejects.toBe(rollBack);
    expect((await coveredShares(['NL'])).get('2023')).toBe(1);
  });
});
