import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../server/catalogue/paths';
import { loadIndicatorCatalogue } from '../../server/indicators/indicator.catalogue';
import type { CompareResponse } from '../../server/shared/api/analytics';
import { useSeededApp } from '../helpers/context';
import { readSharedData } from '../helpers/shared-data';
import { practiceInput, user } from '../practices/practice-fixture';

const ctx = useSeededApp();

async function cell(geo: string, indicator: string, period: string) {
  return ctx.db
    .selectFrom('observations')
    .select(['value', 'flags'])
    .where('geo', '=', geo)
    .where('indicator', '=', indicator)
    .where('period', '=', period)
    .executeTakeFirst();
}

/** UNODC's long CSV as rows, read here independently of the observatory's reader. */
function unodcRows(): Record<string, string>[] {
  const text = readSharedData('unodc-cts/data_cts_violent_and_sexual_crime.csv').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

describe('survey indicators from real files', () => {
  it('holds ilc_mddw03 BE 2019 = 13.3 with flag b', async () => {
    expect(await cell('BE', 'SAFE_CRIME_AREA', '2019')).toEqual({ value: 13.3, flags: 'b' });
  });

  it('shows the 2021–2022 survey gap as a gap in the trend, not as zeros', async () => {
    expect(await cell('BE', 'SAFE_CRIME_AREA', '2021')).toBeUndefined();
    const trend = (await ctx.request().get('/api/trends?indicator=SAFE_CRIME_AREA&geo=BE').expect(200)).body;
    const gaps = trend.segments.flatMap((s: { gaps: string[] }) => s.gaps);
    expect(gaps).toEqual(['2021', '2022']);
    const periods = trend.points
      .filter((p: { value: number | null }) => p.value !== null)
      .map((p: { period: string }) => p.period);
    expect(periods).toContain('2023');
    expect(periods).not.toContain('2021');
  });

  it('never gives a survey share a rate per 100,000, and aggregates it as a population-weighted mean', async () => {
    const rate = await ctx.request().get('/api/compare?indicator=SAFE_CRIME_AREA&period=2019&measure=rate');
    if (rate.status === 200) expect((rate.body as CompareResponse).rows.every((r) => r.value === null)).toBe(true);
    else expect(rate.status).toBe(400);
    const body: CompareResponse = (
      await ctx.request().get('/api/compare?indicator=SAFE_CRIME_AREA&period=2019').expect(200)
    ).body;
    expect(body.aggregate?.rule).toBe('population_weighted');
    let weighted = 0;
    let population = 0;
    for (const row of body.rows.filter((r) => r.value !== null)) {
      const pop = (await cell(row.geo, 'POP_JAN', '2019'))!.value!;
      weighted += row.value! * pop;
      population += pop;
    }
    expect(body.aggregate!.value).toBeCloseTo(weighted / population, 9);
    expect(body.aggregate!.coverage.membersReporting).toBe(body.rows.filter((r) => r.value !== null).length);
  });

  it('holds the GBV survey shares, without Eurostat’s EU_V estimate', async () => {
    expect(await cell('AT', 'PARTNER_VIOLENCE', '2021')).toEqual({ value: 37.8, flags: '' });
    expect(await cell('AT', 'DOMESTIC_VIOLENCE', '2021')).toEqual({ value: 20, flags: '' });
    expect(await cell('XK', 'PARTNER_VIOLENCE', '2021')).toEqual({ value: 25.6, flags: '' });
    const euV = await ctx.db.selectFrom('observations').select('geo').where('geo', '=', 'EU_V').execute();
    expect(euV).toEqual([]);
  });
});

describe('UNODC series', () => {
  it('holds a UNODC count for an EU country and year exactly as the file has it', async () => {
    const rows = unodcRows();
    const pick = (iso3: string, category: string, sex: string, year: string) =>
      rows.find(
        (r) =>
          r.Iso3_code === iso3 &&
          r.Category === category &&
          r.Sex === sex &&
          r.Age === 'Total' &&
          r.Year === year &&
          r['Unit of measurement'] === 'Counts' &&
          (category !== 'Intimate partner or family member' || r.Indicator === 'Victims of sexual violence'),
      );
    const sexual = pick('DEU', 'Intimate partner or family member', 'Female', '2019');
    expect(sexual, 'DEU 2019 women victims of sexual violence in the UNODC file').toBeDefined();
    expect((await cell('DE', 'VICT_SEXVIOL_FAMILY_F', '2019'))?.value).toBe(Number(sexual!.VALUE));
    const fear = rows.find(
      (r) =>
        r.Iso3_code === 'BEL' &&
        r.Category === 'Acts intended to induce fear or emotional distress' &&
        r.Sex === 'Total' &&
        r['Unit of measurement'] === 'Counts',
    )!;
    expect((await cell('BE', 'ICCS0208', fear.Year!))?.value).toBe(Number(fear.VALUE));
  });
});

describe('the catalogue', () => {
  it('has data for every indicator with a source, and says where the others’ data will come from', async () => {
    const held = new Set(
      (await ctx.db.selectFrom('observations').select('indicator').distinct().execute()).map((r) => r.indicator),
    );
    for (const indicator of loadIndicatorCatalogue().indicators) {
      if (indicator.source !== null)
        expect(held, `${indicator.code} names a source but has no data`).toContain(indicator.code);
      else expect(indicator.intendedSource, `${indicator.code} says nothing of its data`).toBeTruthy();
    }
  });
});

describe('PREV_PROGRAMMES_EVALUATED', () => {
  const year = String(new Date().getUTCFullYear());

  /** Published seed practices running in NL with an outcome evaluation of SMS 3 or more, counted from the files. */
  function netherlandsFromFiles(): number {
    const folder = path.join(DATA_DIR, 'practices/entries');
    return readdirSync(folder)
      .map((f) => JSON.parse(readFileSync(path.join(folder, f), 'utf8')))
      .filter((p) => p.geos.includes('NL'))
      .filter((p) =>
        p.evaluations.some(
          (e: { design: string; sms: number | null }) => e.design !== 'process_qualitative' && (e.sms ?? 0) >= 3,
        ),
      ).length;
  }

  it('counts the catalogue’s evaluated practices per country, and recounts when a practice is published', async () => {
    const expected = netherlandsFromFiles();
    expect(expected).toBeGreaterThan(5);
    expect(await cell('NL', 'PREV_PROGRAMMES_EVALUATED', year)).toMatchObject({ value: expected });
    const contact = ctx.as(user('contact_point', ['NL'], 'cp.nl@politie.example'));
    const curator = ctx.as(user('curator', [], 'curator@eucpn.example'));
    const created = await request(contact)
      .post('/api/practice-workbench')
      .send(practiceInput({ title: 'Evaluated pilot' }))
      .expect(201);
    const slug = created.body.slug;
    await request(contact).post(`/api/practice-workbench/${slug}/submit`).expect(200);
    await request(curator).post(`/api/practice-workbench/${slug}/start-review`).expect(200);
    expect(await cell('NL', 'PREV_PROGRAMMES_EVALUATED', year)).toMatchObject({ value: expected });
    await request(curator).post(`/api/practice-workbench/${slug}/publish`).expect(200, { state: 'published' });
    expect(await cell('NL', 'PREV_PROGRAMMES_EVALUATED', year)).toMatchObject({ value: expected + 1 });
    const history = await ctx.db
      .selectFrom('revisions')
      .select('value')
      .where('geo', '=', 'NL')
      .where('indicator', '=', 'PREV_PROGRAMMES_EVALUATED')
      .execute();
    expect(history.map((r) => r.value)).toContain(expected);
  });
});
