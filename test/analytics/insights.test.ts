import { describe, expect, it } from 'vitest';
import type { AlertsResponse, GeoProfileResponse } from '../../server/shared/api/analytics';
import { readPopulation } from './eurostat-files';
import { useSeededApp } from '../helpers/context';
import { canonicalCsv, publishCsv } from '../helpers/publish';

const ctx = useSeededApp();

async function alerts(query: string): Promise<AlertsResponse> {
  return (await ctx.request().get(`/api/alerts?${query}`).expect(200)).body;
}

describe('GET /api/alerts', () => {
  it('lists only tested alerts that pass the false-discovery control, sorted by evidence, each explained in one sentence', async () => {
    const body = await alerts('period=2019&group=EU27_2020');
    expect(body.rules).toEqual({
      window: 7,
      minimumPoints: 5,
      minimumCount: 20,
      falseDiscoveryRate: 0.05,
      interval: 0.95,
    });
    expect(body.alerts.length).toBeGreaterThan(0);
    expect(body.alerts.map((a) => a.rank)).toEqual(body.alerts.map((_, i) => i + 1));
    for (let i = 1; i < body.alerts.length; i++) expect(body.alerts[i - 1]!.p).toBeLessThanOrEqual(body.alerts[i]!.p);
    expect(body.family.expectedFalseAlarmsUncorrected).toBeCloseTo(body.family.tests * 0.05, 12);
    for (const a of body.alerts) {
      expect(a.q).toBeLessThan(0.05);
      expect(a.q).toBeGreaterThanOrEqual(a.p);
      const outside =
        a.direction === 'rise'
          ? a.current.count! > a.expected.upper * (a.measure === 'rate' ? a.current.population! / 1e5 : 1) - 1e-6
          : a.current.count! < a.expected.lower * (a.measure === 'rate' ? a.current.population! / 1e5 : 1) + 1e-6;
      expect(outside, a.explanation).toBe(true);
      expect(Math.min(a.current.count!, a.prior.count!)).toBeGreaterThanOrEqual(20);
      expect(a.explanation).toMatch(new RegExp(`^${a.indicatorName}.* in ${a.geoName} `));
      expect(a.explanation.endsWith('.')).toBe(true);
      expect(a.explanation.slice(0, -1)).not.toMatch(/\.\s/);
    }
  });

  it('raises an emerging-trend alert after a jump, and not as of before it', async () => {
    const before = new Date().toISOString();
    const quiet = await alerts('period=2019');
    const names: Record<string, string> = {
      BE: 'Belgium',
      DK: 'Denmark',
      FI: 'Finland',
      SE: 'Sweden',
      PT: 'Portugal',
      CZ: 'Czechia',
    };
    const geo = Object.keys(names).find((g) => !quiet.alerts.some((a) => a.geo === g && a.indicator === 'ICCS0401'))!;
    expect(geo).toBeDefined();
    const later = new Date(Date.now() + 1000);
    await publishCsv(ctx, canonicalCsv(`${geo},ICCS0401,2019,300000,,`), { geo, at: later, fileName: 'jump.csv' });
    const loud = await alerts('period=2019');
    const jump = loud.alerts.find((a) => a.geo === geo && a.indicator === 'ICCS0401')!;
    expect(jump).toMatchObject({
      direction: 'rise',
      current: { count: 300000 },
      persistence: { status: 'one-year spike', nextPeriod: '2020' },
    });
    const population = readPopulation().get(`POP_JAN|${geo}|2019`)!.value;
    expect(jump.value).toBe((300000 / population) * 1e5);
    expect(jump.explanation).toMatch(
      new RegExp(
        `^Robbery per 100k in ${names[geo]} rose \\d+% in 2019 \\([\\d,]+ → 300,000 offences\\), above the range expected from its 2012–2018 trend \\(.*\\), q < 0\\.001 across the EU27_2020 screen\\.$`,
      ),
    );
    expect(jump.rank).toBe(1);
    const then = await alerts(`period=2019&asOf=${encodeURIComponent(before)}`);
    expect(then.alerts.find((a) => a.geo === geo && a.indicator === 'ICCS0401')).toBeUndefined();
  });

  it("exports alerts as CSV with both years' counts, and rejects a period that is not a year", async () => {
    const csv = await ctx.request().get('/api/alerts?period=2019&format=csv').expect(200);
    expect(csv.text.split('\n')[0]).toBe(
      'rank,indicator,geo,period,measure,unit,value,flags,previous,change_percent,count,previous_count,population,previous_population,expected_lower,expected_upper,p,q,strength,persistence,notices,explanation,source,data_version',
    );
    await ctx.request().get('/api/alerts?period=2019-Q1').expect(400);
    await ctx.request().get('/api/alerts?group=AT').expect(400);
  });

  it('defaults to the latest year in which rates can be computed', async () => {
    const body = await alerts('');
    // Eurostat's 2025 edition has 2023 counts, and demo_pjan the 2023 populations.
    expect(body.period).toBe('2023');
    expect(body.group).toBe('EU27_2020');
    expect(body.alerts.every((a) => a.measure === 'rate')).toBe(true);
    const counts = await alerts('period=2019&measure=count');
    expect(counts.alerts.length).toBeGreaterThan(0);
    expect(counts.alerts.every((a) => a.measure === 'count' && a.unit === 'count')).toBe(true);
  });
});

describe('GET /api/geos/:code/profile', () => {
  it('gives the latest value, the latest computable rate, the trend and the EU rank', async () => {
    const body: GeoProfileResponse = (await ctx.request().get('/api/geos/AT/profile').expect(200)).body;
    expect(body.geo).toMatchObject({ code: 'AT', name: 'Austria' });
    expect(body.geo.groups).toContain('EU27_2020');
    const homicide = body.indicators.find((i) => i.indicator.code === 'ICCS0101')!;
    expect(homicide).toMatchObject({
      period: '2023',
      count: { value: 75 },
      ratePeriod: '2023',
      rankBasis: { measure: 'rate', period: '2023' },
    });
    expect(homicide.rate!.value).toBe((75 / 9104772) * 1e5);
    expect(homicide.rate!.flags).toBe('');
    expect(homicide.rate!.denominator).toMatchObject({ source: 'estat.demo_pjan' });
    const compare = (await ctx.request().get('/api/compare?indicator=ICCS0101&period=2023&measure=rate').expect(200))
      .body;
    expect(homicide.euRank).toBe(compare.rows.find((r: { geo: string }) => r.geo === 'AT').rank);
    // Austria's population is Eurostat's throughout: the rate's one segment gives the trend.
    expect(homicide.trend).toMatchObject({ measure: 'rate', from: '2008', to: '2023' });
    expect(['rising', 'falling', 'no clear trend']).toContain(homicide.trend!.direction);
    expect(body.indicators.some((i) => i.indicator.code === 'POP_JAN')).toBe(false);
  });

  it('answers 404 for an unknown geo and exports CSV', async () => {
    await ctx.request().get('/api/geos/XX/profile').expect(404);
    const csv = await ctx.request().get('/api/geos/DE/profile?format=csv').expect(200);
    expect(csv.text.split('\n')[0]).toMatch(
      /^geo,indicator,indicator_name,period,unit,value,flags,rate_per_100k,rate_period/,
    );
    // Rows follow the indicator codes; DE also has survey and national indicators (DOMESTIC_VIOLENCE …) now.
    expect(csv.text.split('\n')).toContainEqual(expect.stringMatching(/^DE,ICCS0101,Intentional homicide,2023,count,/));
  });
});
