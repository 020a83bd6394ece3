import { describe, expect, it } from 'vitest';
import { aggregateGroup, COVERAGE_THRESHOLD } from '../../server/analytics/aggregate';
import type { CompareResponse, MeasuredValue } from '../../server/shared/api/analytics';
import { readCrimeCounts, readSeedPopulation } from './eurostat-files';
import { useSeededApp } from '../helpers/context';
import { canonicalCsv, publishCsv } from '../helpers/publish';

const ctx = useSeededApp();

async function compare(query: string): Promise<CompareResponse> {
  return (await ctx.request().get(`/api/compare?${query}`).expect(200)).body;
}

describe('GET /api/compare', () => {
  it('ranks the members as a permutation of 1..n, highest first, with percentiles', async () => {
    const body = await compare('indicator=ICCS0401&period=2018&measure=rate');
    const ranked = body.rows.filter((r) => r.rank !== null);
    expect(ranked.map((r) => r.rank).sort((a, b) => a! - b!)).toEqual(ranked.map((_, i) => i + 1));
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.value!).toBeGreaterThanOrEqual(ranked[i]!.value!);
    expect(ranked[0]!.percentile).toBe(100);
    expect(ranked[ranked.length - 1]!.percentile).toBe(0);
    expect(body.rows).toHaveLength(27);
  });

  it('sums the members’ counts into the aggregate, with full coverage when all report', async () => {
    const body = await compare('indicator=ICCS0101&period=2017');
    const counts = readCrimeCounts();
    const members = body.rows.map((r) => r.geo);
    const expected = members.reduce((s, geo) => s + (counts.get(`ICCS0101|${geo}|2017`)?.value ?? 0), 0);
    const reporting = members.filter((geo) => counts.has(`ICCS0101|${geo}|2017`));
    expect(body.aggregate!.value).toBe(expected);
    expect(body.aggregate!.rule).toBe('sum');
    expect(body.aggregate!.coverage.membersReporting).toBe(reporting.length);
    expect(body.aggregate!.coverage.members).toBe(27);
    const byGeo = new Map(body.rows.map((r) => [r.geo, r]));
    expect(byGeo.get('DE')!.shareOfAggregate).toBeCloseTo(byGeo.get('DE')!.value! / expected, 12);
  });

  it('reports coverage when a member is missing (NL has no 2010 figure) and flags the aggregate i', async () => {
    const body = await compare('indicator=ICCS0101&period=2010&measure=rate');
    const population = readSeedPopulation();
    const geos = body.rows.map((r) => r.geo);
    const total = geos.reduce((s, g) => s + population.get(`POP_JAN|${g}|2010`)!.value, 0);
    const agg = body.aggregate!;
    expect(agg.coverage.missing).toEqual(['NL']);
    expect(agg.coverage.membersReporting).toBe(26);
    expect(agg.coverage.populationShare).toBeCloseTo(1 - population.get('POP_JAN|NL|2010')!.value / total, 12);
    expect(agg.withheld).toBe(false);
    expect(agg.flags).toContain('i');
    const reporting = body.rows.filter((r) => r.value !== null);
    const rate =
      (100_000 * reporting.reduce((s, r) => s + r.count!, 0)) / reporting.reduce((s, r) => s + r.denominator!.value, 0);
    expect(agg.value).toBeCloseTo(rate, 12);
    const nl = body.rows.find((r) => r.geo === 'NL')!;
    expect(nl).toMatchObject({ value: null, rank: null, reason: 'no value for NL 2010' });
  });

  it('computes z and robust z from the reported values', async () => {
    const body = await compare('indicator=ICCS0401&period=2016&measure=rate');
    const values = body.rows.filter((r) => r.value !== null).map((r) => r.value!);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
    const sorted = [...values].sort((a, b) => a - b);
    const median = (xs: number[]) =>
      xs.length % 2 ? xs[(xs.length - 1) / 2]! : (xs[xs.length / 2 - 1]! + xs[xs.length / 2]!) / 2;
    const med = median(sorted);
    const mad = median(values.map((v) => Math.abs(v - med)).sort((a, b) => a - b)) * 1.4826;
    const top = body.rows[0]!;
    expect(top.zScore).toBeCloseTo((top.value! - mean) / sd, 10);
    expect(top.robustZ).toBeCloseTo((top.value! - med) / mad, 10);
    expect(top.deviation).toBeCloseTo(top.value! - body.aggregate!.value!, 10);
  });

  it('warns about d-flagged denominators (a mid-year population in place of 1 January)', async () => {
    expect((await compare('indicator=ICCS0101&period=2020&measure=rate')).warnings.find((w) => w.geo === 'AT')).toBe(
      undefined,
    );
    // The contact point's own population (preferred over Eurostat's) is a mid-year estimate.
    await publishCsv(ctx, canonicalCsv('AT,POP_JAN,2020,8916864,d,mid-year estimate'), { geo: 'AT' });
    const body = await compare('indicator=ICCS0101&period=2020&measure=rate');
    expect(body.rows.find((r) => r.geo === 'AT')?.denominator).toMatchObject({ flags: 'd', source: 'national' });
    expect(body.warnings.find((w) => w.geo === 'AT')?.reason).toMatch(
      /population denominator has a differing definition/,
    );
  });

  it('warns about a national definition recorded in the import profile a geo committed with', async () => {
    const file = Buffer.from('Schluessel;Straftat;Jahr;erfasste Faelle\n010000;Mord;2019;245\n', 'latin1');
    await publishCsv(ctx, file, { geo: 'DE', profile: 'de-bka-pks-faelle', fileName: 'pks.csv' });
    const body = await compare('indicator=ICCS0101&period=2019');
    const de = body.warnings.find((w) => w.geo === 'DE')!;
    expect(de.reason).toMatch(/import profile de-bka-pks-faelle: National offence key 010000/);
    expect(de.reason).toMatch(/national definition differs \(d\)/);
  });

  it('rejects what cannot be answered with a clear 400', async () => {
    const percent = await ctx
      .request()
      .get('/api/compare?indicator=SAFE_CRIME_AREA&period=2019&measure=rate')
      .expect(400);
    expect(percent.body.error.message).toMatch(/has no per-100k rate/);
    const group = await ctx.request().get('/api/compare?indicator=ICCS0101&period=2019&group=AT').expect(400);
    expect(group.body.error.message).toMatch(/not a group/);
    const unknown = await ctx.request().get('/api/compare?indicator=NOPE&period=2019').expect(400);
    expect(unknown.body.error.message).toMatch(/Unknown indicator code "NOPE"/);
    await ctx.request().get('/api/compare?indicator=ICCS0101&period=19').expect(400);
    await ctx.request().get('/api/compare?indicator=ICCS0101&period=2019&measure=ratio').expect(400);
  });
});

describe('group aggregate rules', () => {
  const measured = (value: number | null, flags = ''): MeasuredValue => ({
    value,
    flags,
    count: value,
    source: 'estat.crim_off_cat',
    countFlags: flags,
    denominator: null,
    reason: value === null ? 'missing' : null,
  });

  it(`withholds the aggregate below ${COVERAGE_THRESHOLD * 100}% population coverage`, () => {
    const agg = aggregateGroup('G', 'sum', 'count', [
      { geo: 'A', measured: measured(10, 'p'), population: 800 },
      { geo: 'B', measured: measured(null), population: 200 },
    ])!;
    expect(agg).toMatchObject({
      value: null,
      withheld: true,
      coverage: { membersReporting: 1, members: 2, populationShare: 0.8, missing: ['B'] },
    });
  });

  it('weights means by population and carries a flag only when its members hold at least half the weight (flagr weighted)', () => {
    const agg = aggregateGroup('G', 'population_weighted_mean', 'count', [
      { geo: 'A', measured: measured(10, 'e'), population: 300 },
      { geo: 'B', measured: measured(20, 'pb'), population: 100 },
    ])!;
    expect(agg.value).toBeCloseTo(12.5, 12);
    expect(agg.flags).toBe('e');
    expect(agg.flagShares).toEqual({ e: 0.75, p: 0.25, b: 0.25 });
    const sum = aggregateGroup('G', 'sum', 'count', [
      { geo: 'A', measured: measured(10, 'e'), population: 300 },
      { geo: 'B', measured: measured(10, 'b'), population: 100 },
    ])!;
    expect(sum.flags).toBe('be');
    expect(aggregateGroup('G', 'none', 'count', [])).toBeNull();
  });
});
