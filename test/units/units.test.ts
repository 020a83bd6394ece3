import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { readSharedData } from '../helpers/shared-data';
import { contactPoint } from '../submissions/actors';
import { useSeededApp } from '../helpers/context';
import { stagedColumns } from '../helpers/staged';
import { frenchHomicideCounts, WB_HOMICIDE_RATE, worldBankRateFile, YEARS } from './homicide-rate-file';

const ctx = useSeededApp({ each: true });

/** The profile: the World Bank homicide rate mapped onto ICCS0101, the homicide count. */
const profile = (unit?: string) => ({
  name: 'fr-worldbank-homicide',
  geo: 'FR',
  shape: 'worldbank',
  geoCodes: 'iso3',
  otherGeos: 'skip',
  indicators: [
    {
      code: WB_HOMICIDE_RATE,
      indicator: 'ICCS0101',
      comparability: 'World Bank intentional homicides (UNODC)',
      ...(unit ? { unit } : {}),
    },
  ],
});

async function upload(file: string, unit?: string) {
  const app = ctx.as(contactPoint('FR'));
  const saved = await request(app).post('/api/import-profiles').send(profile(unit));
  expect(saved.status, JSON.stringify(saved.body)).toBe(201);
  return request(app).post('/api/submissions?geo=FR&profile=fr-worldbank-homicide').type('text/csv').send(file);
}

async function publishedFrHomicides(): Promise<number[]> {
  const rows = await ctx.db
    .selectFrom('observations')
    .select(['period', 'value'])
    .where('indicator', '=', 'ICCS0101')
    .where('geo', '=', 'FR')
    .where('period', 'in', YEARS.map(String))
    .orderBy('period')
    .execute();
  return rows.map((r) => Number(r.value));
}

describe('a rate mapped onto a count indicator', () => {
  it('is refused when the rate is written in whole numbers: 975 homicides are not "2" (magnitude against published)', async () => {
    expect(await publishedFrHomicides()).toEqual(frenchHomicideCounts());
    const answer = await upload(worldBankRateFile((rate) => String(Math.round(rate))));
    expect(answer.status).toBe(201);
    expect(answer.body.status).toBe('rejected');
    const magnitude = answer.body.report.entries.filter((e: { code: string }) => e.code === 'magnitude-mismatch');
    expect(magnitude).toHaveLength(YEARS.length);
    expect(magnitude[0]).toMatchObject({ row: expect.any(Number), column: 'value', cell: '2', severity: 'error' });
    expect(magnitude[0].message).toContain('ICCS0101 FR 2008 is 2 in the file, about 488 times less than the 975');
    expect(magnitude[0].message).toMatch(/Map the column that holds the counts/);
    expect(await publishedFrHomicides()).toEqual(frenchHomicideCounts());
  });

  it('is refused with its unit declared, for every cell, row and column named, and nothing is staged', async () => {
    const answer = await upload(
      worldBankRateFile((rate) => rate.toFixed(2)),
      'rate_per_100k',
    );
    expect(answer.body.status).toBe('rejected');
    const entries = answer.body.report.entries as { code: string; row: number; column: string; cell: string }[];
    expect(entries.filter((e) => e.code === 'unit-mismatch')).toHaveLength(YEARS.length);
    // FR is the first data row after the header (row 5); its 2008 column holds 975 ÷ 64,007,193 × 100,000.
    expect(entries.find((e) => e.code === 'unit-mismatch')).toMatchObject({ row: 6, column: '2008', cell: '1.52' });
    const message = (entries.find((e) => e.code === 'unit-mismatch') as unknown as { message: string }).message;
    expect(message).toContain('declares that it holds a rate per 100,000 inhabitants');
    expect(message).toContain('Map the column that holds the counts instead');
    expect(answer.body.cellsValid).toBe(0);
    expect(await stagedColumns(ctx.db, answer.body.submissionId, ['value'])).toEqual([]);
    const commit = await request(ctx.as(contactPoint('FR'))).post(
      `/api/submissions/${answer.body.submissionId}/commit`,
    );
    expect(commit.status).toBe(409);
    expect(await publishedFrHomicides()).toEqual(frenchHomicideCounts());
  });

  it('converts a rate per 1,000 onto a per-100,000 indicator exactly', async () => {
    const app = ctx.as(contactPoint('FR'));
    const saved = await request(app)
      .post('/api/import-profiles')
      .send({
        name: 'fr-police-per-1000',
        geo: 'FR',
        shape: 'long',
        columns: { indicator: 'code', period: 'year', value: 'per_1000' },
        indicators: [
          { code: 'POL', indicator: 'POLICE_PER_100K', comparability: 'national police staff', unit: 'rate_per_1000' },
        ],
      });
    expect(saved.status).toBe(201);
    const answer = await request(app)
      .post('/api/submissions?geo=FR&profile=fr-police-per-1000')
      .type('text/csv')
      .send('code,year,per_1000\nPOL,2019,3.27\nPOL,2020,3.31\n');
    expect(answer.body.report.entries).toEqual([]);
    expect(await stagedColumns(ctx.db, answer.body.submissionId, ['period', 'value'])).toEqual([
      { period: '2019', value: 327 },
      { period: '2020', value: 331 },
    ]);
  });
});

describe('files that load nothing', () => {
  it('the World Bank population file read with a homicide profile: 266 rows, 0 cells, never valid, never committed', async () => {
    const answer = await upload(readSharedData('worldbank-population/API_SP.POP.TOTL_DS2_en_csv_v2_4473555.csv'));
    expect(answer.body).toMatchObject({
      status: 'rejected',
      rowsRead: 266,
      cellsValid: 0,
      reading: { skipped: { unmapped: 1, otherGeo: 265, filtered: 0, missing: 0 } },
      report: { valid: false },
    });
    const noCells = answer.body.report.entries.find((e: { code: string }) => e.code === 'no-cells');
    expect(noCells.message).toContain('1 with unmapped codes, 265 for other geos');
    const commit = await request(ctx.as(contactPoint('FR'))).post(
      `/api/submissions/${answer.body.submissionId}/commit`,
    );
    expect(commit.status).toBe(409);
  });

  it('a submission marked validated with no cell is refused at commit with the reason, nothing written', async () => {
    const app = ctx.as(contactPoint('NL'));
    const answer = await request(app)
      .post('/api/submissions?geo=NL')
      .type('text/csv')
      .send('geo,indicator,period,value,flags,note\nNL,ICCS0101,2021,150,,\n');
    expect(answer.body.status).toBe('validated');
    // As an older report, stored before files of no cell were refused, could have it.
    await ctx.db
      .updateTable('submissions')
      .set({ cells_valid: 0 })
      .where('id', '=', answer.body.submissionId)
      .execute();
    const commit = await request(app).post(`/api/submissions/${answer.body.submissionId}/commit`);
    expect(commit.status).toBe(409);
    expect(commit.body.error.code).toBe('no-cells');
    expect(commit.body.error.message).toContain('would load no cell');
    const row = await ctx.db
      .selectFrom('submissions')
      .select('status')
      .where('id', '=', answer.body.submissionId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('validated');
  });

  it('a profile whose filter leaves out every row: a no-cells error naming the filter column, nothing staged', async () => {
    const app = ctx.as(contactPoint('NL'));
    await request(app)
      .post('/api/import-profiles')
      .send({
        name: 'nl-regions',
        geo: 'NL',
        shape: 'long',
        columns: { indicator: 'code', period: 'year', value: 'n' },
        filters: [{ column: 'Regio', equals: 'Nederland' }],
        indicators: [{ code: 'moord', indicator: 'ICCS0101', comparability: 'CBS moord en doodslag' }],
      });
    const answer = await request(app)
      .post('/api/submissions?geo=NL&profile=nl-regions')
      .type('text/csv')
      .send('Regio,code,year,n\nnederland,moord,2021,120\nAmsterdam,moord,2021,20\n');
    expect(answer.body.status).toBe('rejected');
    expect(answer.body.reading.skipped.filtered).toBe(2);
    expect(answer.body.report.entries).toEqual([
      expect.objectContaining({ code: 'no-cells', column: 'Regio', severity: 'error' }),
    ]);
    expect(answer.body.report.entries[0].message).toContain('"Total" is not "total"');
    expect(await stagedColumns(ctx.db, answer.body.submissionId, ['value'])).toEqual([]);
  });
});
