import { describe, expect, it } from 'vitest';
import type { TrendResponse } from '../../server/shared/api/analytics';
import { mannKendall, theilSen } from '../../server/analytics/statistics/trend-tests';
import { useSeededApp } from '../helpers/context';
import { canonicalCsv, publishCsv } from '../helpers/publish';

const ctx = useSeededApp();

async function trend(query: string): Promise<TrendResponse> {
  return (await ctx.request().get(`/api/trends?${query}`).expect(200)).body;
}

describe('GET /api/trends', () => {
  it('fits one segment to an unbroken real series (AT homicide counts, SciPy reference figures)', async () => {
    // 2008-2022, the years the reference figures were computed for (the 2025 edition adds 2023).
    const body = await trend('indicator=ICCS0101&geo=AT&to=2022');
    expect(body.points.map((p) => p.value)).toEqual([58, 51, 61, 80, 88, 63, 43, 42, 49, 61, 73, 74, 54, 59, 65]);
    expect(body.breaks).toEqual([]);
    const [segment] = body.segments;
    expect(segment).toMatchObject({ from: '2008', to: '2022', n: 15 });
    expect(segment!.theilSen!.slope).toBeCloseTo(0.3333333333333333, 12);
    expect(segment!.theilSen!.lower).toBeCloseTo(-2, 12);
    expect(segment!.mannKendall).toMatchObject({ s: 8 });
    expect(segment!.mannKendall!.p).toBeCloseTo(0.7287151925758497, 5);
    expect(segment!.ols!.slope).toBeCloseTo(-0.017857142857142832, 10);
    expect(segment!.ols!.rSquared).toBeCloseTo(3.702343435300797e-5, 10);
    expect(segment!.percentChange).toBeCloseTo((100 * (65 - 58)) / 58, 10);
    expect(segment!.cagr).toBeCloseTo((65 / 58) ** (1 / 14) - 1, 12);
    expect(body.points[1]).toMatchObject({ yearOverYear: -7, movingAverage3: null });
    expect(body.points[2]!.movingAverage3).toBeCloseTo((58 + 51 + 61) / 3, 12);
    expect(body.points[2]!.yearOverYearPercent).toBeCloseTo((100 * 10) / 51, 12);
  });

  it('states the years a rate segment covers, and starts a new one where the population source changes (2020)', async () => {
    // Switzerland: Eurostat's tps00001 to 2019, the World Bank's mid-year estimates (d) for 2020-2021.
    const body = await trend('indicator=ICCS0101&geo=CH&measure=rate');
    expect(body.points.at(-1)).toMatchObject({ period: '2022', value: null });
    // (tps00001 also flags an earlier break, b, in Switzerland's population.)
    expect(body.segments.at(-2)).toMatchObject({ to: '2019' });
    expect(body.segments.at(-1)).toMatchObject({ from: '2020', to: '2021', n: 2 });
    expect(body.breakReasons.at(-1)).toEqual({
      period: '2020',
      reason: 'population source changes: Eurostat tps00001 before, World Bank SP.POP.TOTL from here',
    });
    const counts = await trend('indicator=ICCS0101&geo=CH&measure=count');
    expect(counts.breaks).toEqual([]);
    // Austria's population is Eurostat's demo_pjan throughout: one segment, 2008-2023.
    const austria = await trend('indicator=ICCS0101&geo=AT&measure=rate');
    expect(austria.breaks).toEqual([]);
    expect(austria.segments).toEqual([expect.objectContaining({ from: '2008', to: '2023', n: 16 })]);
  });

  it('says which years are missing inside a segment, and fits across them', async () => {
    const rows: { geo: string; years: number[] }[] = [];
    for (const geo of ['NL', 'BE', 'BG', 'CY', 'EL', 'IT', 'PL', 'SI']) {
      const body = await trend(`indicator=ICCS0101&geo=${geo}&measure=count`);
      const years = body.points.filter((p) => p.value !== null).map((p) => Number(p.period));
      rows.push({ geo, years });
      const seg = body.segments[0]!;
      const missing = [];
      for (let y = years[0]!; y <= years.at(-1)!; y++) if (!years.includes(y)) missing.push(String(y));
      expect(seg.gaps).toEqual(missing);
      if (missing.length)
        expect(seg.note).toContain(`${missing.join(', ')} missing: the statistics are fitted across the gap`);
    }
    expect(rows.some((r) => r.years.at(-1)! - r.years[0]! + 1 > r.years.length)).toBe(true);
  });

  it('splits the rate series at the population break (DE 2011, flag b) and never reaches across it', async () => {
    const body = await trend('indicator=ICCS0101&geo=DE&measure=rate&from=2008&to=2019');
    expect(body.breaks).toEqual(['2011']);
    expect(body.segments.map((s) => [s.from, s.to])).toEqual([
      ['2008', '2010'],
      ['2011', '2019'],
    ]);
    const at2011 = body.points.find((p) => p.period === '2011')!;
    expect(at2011).toMatchObject({ segment: 1, yearOverYear: null, movingAverage3: null });
    expect(at2011.flags).toContain('b');
    const later = body.points.filter((p) => p.segment === 1);
    const ys = later.map((p) => p.value!);
    const xs = later.map((p) => Number(p.period));
    expect(body.segments[1]!.theilSen!.slope).toBeCloseTo(theilSen(xs, ys)!.slope, 12);
    expect(body.segments[1]!.mannKendall!.s).toBe(mannKendall(ys)!.s);
  });

  it('splits a series where a correction adds a break in series', async () => {
    await publishCsv(ctx, canonicalCsv('AT,ICCS0401,2015,3000,b,new recording rules'), {
      geo: 'AT',
      fileName: 'break.csv',
    });
    const body = await trend('indicator=ICCS0401&geo=AT&to=2019');
    expect(body.breaks).toEqual(['2015']);
    expect(body.segments.map((s) => `${s.from}-${s.to}:${s.n}`)).toEqual(['2008-2014:7', '2015-2019:5']);
    const before = body.points.filter((p) => p.segment === 0).map((p) => p.value!);
    expect(body.segments[0]!.mannKendall!.s).toBe(mannKendall(before)!.s);
  });

  it('explains a segment too short for statistics, and gives rate reasons for missing populations', async () => {
    const body = await trend('indicator=ICCS0101&geo=CH&measure=rate&from=2019&to=2022');
    expect(body.points.find((p) => p.period === '2022')!.reason).toBe('no population for CH 2022');
    const short = await trend('indicator=ICCS0101&geo=AT&from=2021&to=2022');
    expect(short.segments[0]).toMatchObject({ n: 2, ols: null, theilSen: null, mannKendall: null });
    expect(short.segments[0]!.note).toMatch(/3 needed/);
  });

  it('answers CSV with flags, unit and source', async () => {
    const res = await ctx
      .request()
      .get('/api/trends?indicator=ICCS0101&geo=FR&measure=rate&from=2018&to=2018&format=csv')
      .expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv; charset=utf-8/);
    const [header, row] = res.text.trim().split('\n');
    expect(header).toBe(
      'geo,indicator,period,segment,measure,value,flags,count,count_flags,population,population_period,population_flags,reason,year_over_year,year_over_year_percent,moving_average_3,unit,source,data_version',
    );
    expect(row).toMatch(
      /^FR,ICCS0101,2018,0,rate,1\.03839\d+,p,696,,67026224,2018,p,,,,,per_100k_inhabitants,"Eurostat, crim_off_cat/,
    );
  });

  it('rejects an unknown geo and an inverted range', async () => {
    expect((await ctx.request().get('/api/trends?indicator=ICCS0101&geo=XX').expect(400)).body.error.message).toMatch(
      /Unknown geo code "XX"/,
    );
    await ctx.request().get('/api/trends?indicator=ICCS0101&geo=AT&from=2020&to=2010').expect(400);
  });
});
