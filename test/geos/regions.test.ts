import { describe, expect, it } from 'vitest';
import type { Geo } from '../../server/shared/api/geos';
import { useSeededApp } from '../helpers/context';
import { crimGenReg, fileValue } from './crim-gen-reg-file';

/** NUTS 2021 regions as geos, and crim_gen_reg's regional cells in the seed (issue 19, items 1 and 7). */
const ctx = useSeededApp();

async function regionsOf(level: number, country?: string): Promise<Geo[]> {
  const query = country ? `level=${level}&country=${country}` : `level=${level}`;
  return (await ctx.request().get(`/api/geos?${query}`).expect(200)).body.data;
}

describe('NUTS regions', () => {
  it('lists NUTS 1–3 of every country the observatory holds, in NUTS 2021, with their hierarchy', async () => {
    const levels = await Promise.all([1, 2, 3].map((level) => regionsOf(level)));
    const all = new Map(levels.flat().map((g) => [g.code, g]));
    const countries = (await ctx.request().get('/api/geos').expect(200)).body.data as Geo[];
    expect(countries.every((g) => g.kind !== 'region')).toBe(true);
    for (const region of all.values()) {
      expect(region.kind).toBe('region');
      expect(region.nuts_version).toBe('2021');
      // UKM and UKN are held as parts of the UK (crim_off_cat's split), so they parent Scottish and Northern Irish regions.
      const parent = all.get(region.parent!) ?? countries.find((c) => c.code === region.parent);
      expect(parent, `parent of ${region.code}`).toBeDefined();
      expect(region.country).toBe(region.code.slice(0, 2));
    }
    // France has no figures in crim_gen_reg but is held by the observatory: its regions are there.
    expect((await regionsOf(3, 'FR')).length).toBeGreaterThan(90);
    expect(all.get('FR101')).toMatchObject({ name: 'Paris', nuts_level: 3, parent: 'FR10', territorial: true });
    expect(all.get('DE21')?.parent).toBe('DE2');
  });

  it('keeps extra-regio codes as geos without territory', async () => {
    const dezzz = (await ctx.request().get('/api/geos/DEZZZ').expect(200)).body as Geo;
    expect(dezzz).toMatchObject({ kind: 'region', nuts_level: 3, parent: 'DEZZ', territorial: false });
  });

  it('holds no NUTS 2016 code: HR041 is not a geo', async () => {
    await ctx.request().get('/api/geos/HR041').expect(404);
    expect((await ctx.request().get('/api/geos/HR050').expect(200)).body.name).toBe('Grad Zagreb');
  });
});

describe("crim_gen_reg's regions in the seed", () => {
  it("sum, with their extra-regio part, to crim_gen_reg's national figure at NUTS 1, in every cell", async () => {
    const answer = await ctx.request().get('/api/observations?indicator=ICCS0401&level=1').expect(200);
    const sums = new Map<string, number>();
    for (const o of answer.body.data as { geo: string; period: string; value: number }[]) {
      const key = `${o.geo.slice(0, 2)}|${o.period}`;
      sums.set(key, (sums.get(key) ?? 0) + o.value);
    }
    let checked = 0;
    for (const [key, sum] of sums) {
      const [country, year] = key.split('|') as [string, string];
      const national = fileValue('NR', 'ICCS0401', country, year);
      if (national === undefined || country === 'HR' || country === 'NO') continue;
      expect(sum, key).toBe(national);
      checked++;
    }
    expect(checked).toBeGreaterThan(250);
  });

  it('brings Croatia’s NUTS 2016 counties to their NUTS 2021 codes, with a note', async () => {
    const answer = await ctx.request().get('/api/observations?indicator=ICCS0401&geo=HR050&geo=HR02').expect(200);
    const zagreb2018 = answer.body.data.find(
      (o: { geo: string; period: string }) => o.geo === 'HR050' && o.period === '2018',
    );
    expect(zagreb2018.value).toBe(fileValue('NR', 'ICCS0401', 'HR041', '2018'));
    const history = await ctx
      .request()
      .get('/api/observations/history?geo=HR050&indicator=ICCS0401&period=2018')
      .expect(200);
    expect(JSON.stringify(history.body)).toContain('NUTS 2016 HR041');
    // HR02 (Panonska Hrvatska) did not exist in NUTS 2016: derived as the sum of its NUTS 3 counties.
    const panonska = ['HR047', 'HR048', 'HR049', 'HR04A', 'HR04B', 'HR04C', 'HR04D', 'HR04E'].reduce(
      (s, code) => s + fileValue('NR', 'ICCS0401', code, '2019')!,
      0,
    );
    const hr02 = answer.body.data.find((o: { geo: string; period: string }) => o.geo === 'HR02' && o.period === '2019');
    expect(hr02.value).toBe(panonska);
  });

  it('sums merged Norwegian counties into NUTS 2021 Viken, flagged d for the moved municipalities', async () => {
    const answer = await ctx.request().get('/api/observations?indicator=ICCS0401&geo=NO082').expect(200);
    const viken = new Map(answer.body.data.map((o: { period: string }) => [o.period, o]));
    const parts = ['NO012', 'NO031', 'NO032'].map((code) => fileValue('NR', 'ICCS0401', code, '2019')!);
    expect(viken.get('2019')).toMatchObject({ value: parts[0]! + parts[1]! + parts[2]!, flags: 'd' });
    expect(viken.get('2021')).toMatchObject({ value: fileValue('NR', 'ICCS0401', 'NO082', '2021'), flags: '' });
  });

  it("compares all NUTS 3 regions of a country with Eurostat's published rate, labelled as such", async () => {
    const answer = await ctx
      .request()
      .get('/api/compare?indicator=ICCS0401&period=2019&measure=rate&group=AT&level=3')
      .expect(200);
    const rows = answer.body.rows as { geo: string; value: number | null; rateSource?: string; denominator: null }[];
    expect(rows.length).toBe(36); // Austria's 35 NUTS 3 regions and ATZZZ
    const vienna = rows.find((r) => r.geo === 'AT130')!;
    expect(vienna.value).toBe(fileValue('P_HTHAB', 'ICCS0401', 'AT130', '2019'));
    expect(vienna.rateSource).toBe('estat.crim_gen_reg');
    expect(vienna.denominator).toBeNull();
  });

  it('compares the NUTS 3 regions of Europe (every member of a group)', async () => {
    const answer = await ctx
      .request()
      .get('/api/compare?indicator=ICCS0101&period=2019&measure=count&group=EU27_2020&level=3')
      .expect(200);
    expect(answer.body.rows.length).toBeGreaterThan(1000);
    const valued = answer.body.rows.filter((r: { value: number | null }) => r.value !== null);
    const fileCount = [...crimGenReg().keys()].filter((k) => {
      const [unit, iccs, geo, year] = k.split('|') as [string, string, string, string];
      return unit === 'NR' && iccs === 'ICCS0101' && year === '2019' && geo.length === 5;
    }).length;
    expect(valued.length).toBeGreaterThan(fileCount * 0.8);
  });

  it("sums a country's NUTS 3 counts into the group figure when every region reports, though regions have no population", async () => {
    const answer = await ctx
      .request()
      .get('/api/compare?indicator=ICCS0401&period=2019&measure=count&group=DE&level=3')
      .expect(200);
    const rows = answer.body.rows as { geo: string; value: number | null }[];
    expect(rows.every((r) => r.value !== null)).toBe(true);
    const fileSum = rows.reduce((sum, r) => sum + fileValue('NR', 'ICCS0401', r.geo, '2019')!, 0);
    expect(answer.body.aggregate).toMatchObject({
      withheld: false,
      value: fileSum,
      coverage: { membersReporting: rows.length, members: rows.length, populationShare: 1 },
    });
    // Eurostat's NUTS 1 children sum to its national figure: so do the NUTS 3 regions, with extra-regio.
    expect(fileSum).toBe(fileValue('NR', 'ICCS0401', 'DE', '2019'));
  });

  it("lists a country's regions with their latest values", async () => {
    const answer = await ctx.request().get('/api/geos/DE/regions?indicator=ICCS0401&level=1').expect(200);
    const regions = answer.body.regions as { geo: string; period: string; value: number; territorial: boolean }[];
    expect(regions.map((r) => r.geo)).toContain('DE2');
    const bavaria = regions.find((r) => r.geo === 'DE2')!;
    expect(bavaria.period).toBe('2019'); // crim_gen_reg has Germany for 2012–2019 only
    expect(bavaria.value).toBe(fileValue('NR', 'ICCS0401', 'DE2', '2019'));
    expect(regions.find((r) => r.geo === 'DEZ')?.territorial).toBe(false);
  });

  it("trends a region, as Eurostat's published rates where it has no population", async () => {
    const answer = await ctx.request().get('/api/trends?indicator=ICCS0401&geo=DE21&measure=rate').expect(200);
    const points = answer.body.points as { period: string; value: number; rateSource?: string }[];
    expect(points.length).toBe(8);
    expect(points.find((p) => p.period === '2015')).toMatchObject({
      value: fileValue('P_HTHAB', 'ICCS0401', 'DE21', '2015'),
      rateSource: 'estat.crim_gen_reg',
    });
  });
});
