import { describe, expect, it } from 'vitest';
import { measuredRate, roundRate } from '../../server/analytics/rate';
import { readLatestCrimeCounts, readSeedPopulation } from './eurostat-files';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp();

type Row = {
  geo: string;
  value: number | null;
  flags: string;
  count: number | null;
  reason: string | null;
  denominator: { value: number; period: string; flags: string; source: string } | null;
};

async function rates(indicator: string, period: string): Promise<Map<string, Row>> {
  const res = await ctx.request().get(`/api/compare?indicator=${indicator}&period=${period}&measure=rate`).expect(200);
  return new Map((res.body.rows as Row[]).map((r) => [r.geo, r]));
}

describe('per-100k rates against Eurostat', () => {
  it('matches Eurostat’s published rates once rounded for display: ICCS0101 AT 2017 = 0.70, DE 2017 = 0.89, FR 2018 = 1.04 (p)', async () => {
    const y2017 = await rates('ICCS0101', '2017');
    expect(y2017.get('AT')).toMatchObject({
      value: (61 / 8772865) * 1e5,
      count: 61,
      denominator: { value: 8772865, period: '2017', flags: '' },
    });
    expect(roundRate(y2017.get('AT')!.value!)).toBe(0.7);
    expect(roundRate(y2017.get('DE')!.value!)).toBe(0.89);
    const fr = (await rates('ICCS0101', '2018')).get('FR')!;
    expect(roundRate(fr.value!)).toBe(1.04);
    // demo_pjan's population of France on 1 January 2018 (provisional), not tps00001's older 66,918,941.
    expect(fr.value).toBe((696 / 67026224) * 1e5);
    expect(fr.flags).toContain('p');
    expect(fr.denominator).toMatchObject({ value: 67026224, period: '2018', flags: 'p', source: 'estat.demo_pjan' });
  });

  it('equals count ÷ population × 100,000 from the real files, for every EU geo and year 2008–2019', async () => {
    const counts = readLatestCrimeCounts();
    const population = readSeedPopulation();
    let checked = 0;
    for (const indicator of ['ICCS0401', 'ICCS0501']) {
      for (const year of ['2010', '2015', '2019']) {
        for (const [geo, row] of await rates(indicator, year)) {
          const count = counts.get(`${indicator}|${geo}|${year}`);
          const pop = population.get(`POP_JAN|${geo}|${year}`);
          if (!count || !pop) {
            expect(row.value).toBeNull();
            continue;
          }
          expect(row.value, `${indicator} ${geo} ${year}`).toBe((count.value / pop.value) * 1e5);
          expect(row.flags).toBe([...new Set((count.flags + pop.flags).split(''))].sort().join(''));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(120);
  });

  it('never borrows another year’s population: Switzerland has none for 2022, so the rate is null with a reason', async () => {
    const ch = (await ctx.request().get('/api/observations?indicator=ICCS0101&geo=CH&from=2022&to=2022&measure=rate'))
      .body.data[0] as Row;
    expect(ch.value).toBeNull();
    expect(ch.count).toBe(42);
    expect(ch.reason).toBe('no population for CH 2022');
  });

  it('carries the World Bank population’s d flag into 2020 rates where Eurostat has no population', async () => {
    const ch = (await ctx.request().get('/api/observations?indicator=ICCS0101&geo=CH&from=2020&to=2020&measure=rate'))
      .body.data[0] as Row;
    expect(ch.flags).toContain('d');
    expect(ch.denominator).toMatchObject({ flags: 'd', source: 'wb.sp_pop_totl' });
    const at = (await rates('ICCS0101', '2020')).get('AT')!;
    expect(at.denominator).toMatchObject({ flags: '', source: 'estat.demo_pjan' });
  });
});

describe('rate arithmetic', () => {
  it('rounds half away from zero to 2 decimals, as Eurostat publishes', () => {
    expect(roundRate(0.695)).toBe(0.7);
    expect(roundRate(1.005)).toBe(1.01);
    expect(roundRate(2.344999)).toBe(2.34);
  });

  it('unions the flags of count and population and explains a missing figure', () => {
    const cell = (value: number | null, flags: string) => ({
      geo: 'AT',
      indicator: 'X',
      period: '2017',
      period_start: '2017-01-01',
      value,
      flags,
      recorded_at: '',
      source: 'estat.crim_off_cat',
    });
    expect(measuredRate(cell(10, 'e'), cell(1_000_000, 'bp'), 'AT', '2017')).toMatchObject({ value: 1, flags: 'bep' });
    expect(measuredRate(cell(null, ':'), cell(1_000_000, ''), 'AT', '2017').reason).toBe('no value for AT 2017');
    expect(measuredRate(cell(5, ''), cell(0, ''), 'AT', '2017').value).toBeNull();
  });
});
