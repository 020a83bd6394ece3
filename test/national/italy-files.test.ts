import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { useSeededApp } from '../helpers/context';
import { readSharedData } from '../helpers/shared-data';
import { findShippedCorrespondence } from '../../server/correspondences/shipped';
import { ITALY_FILES, ITALY_MAPPINGS, italyProfile, provinceSums } from './italy-profile';

/**
 * Issue 19, item 9: the Interior Ministry's provincial tables for 2018 and 2019 load as an Italian contact
 * point loads them, through one saved profile: provinces by name → NUTS 3, four vehicle-theft codes summed
 * into one indicator, the national figure derived from the provinces. Checked against the real files.
 */
const ctx = useSeededApp({ each: false });
let italian: Express;

beforeAll(async () => {
  italian = ctx.asRole('contact_point', ['IT']);
  await request(italian).post('/api/import-profiles').send(italyProfile()).expect(201);
});

/** The province's NUTS 3 code as the shipped correspondence gives it. */
function nuts3Of(province: string): string {
  return findShippedCorrespondence('it-provinces-nuts3')!.entries.find((e) => e.name === province)!.geo;
}

async function load(year: 2018 | 2019) {
  const body = Buffer.from(readSharedData(ITALY_FILES[year], 'latin1'), 'latin1');
  const preview = await request(italian)
    .post('/api/submissions?geo=IT&profile=it-interno-delitti')
    .type('text/csv')
    .send(body)
    .expect(201);
  return preview.body;
}

describe.each([2018, 2019] as const)('the ministry file of %i', (year) => {
  let preview: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => {
    preview = await load(year);
  });

  it('validates: 106 provinces placed by name, every expected indicator read', () => {
    const errors = preview.report.entries.filter((e: { severity: string }) => e.severity === 'error');
    expect(errors, JSON.stringify(errors.slice(0, 5))).toEqual([]);
    expect(preview.status).toBe('validated');
    // 106 provinces × 5 indicators, plus the 5 national cells derived from them.
    expect(preview.cellsValid).toBe(106 * 5 + 5);
  });

  it('says what was summed: four vehicle-theft parts in each province, national cells from 106 of 107 provinces', () => {
    const rollup = preview.reading.rollup;
    expect(rollup.summedCells).toBe(106);
    expect(rollup.partsPerCell).toEqual([{ parts: 4, cells: 106 }]);
    expect(rollup.derivedCount).toBe(5);
    for (const derived of rollup.derived)
      expect(derived).toMatchObject({ geo: 'IT', parts: 106, expected: 107, missing: ['ITG2H'] });
    const missing = preview.report.entries.filter((e: { code: string }) => e.code === 'rollup-parts-missing');
    expect(missing).toHaveLength(5);
    expect(missing[0].message).toContain('ITG2H Sud Sardegna');
  });

  it('stores the provinces as NUTS 3 cells and the national sums derived from them, equal to the file', async () => {
    await request(italian).post(`/api/submissions/${preview.submissionId}/commit`).expect(200);
    const sums = provinceSums(year);
    expect(sums.size).toBe(106);
    const stored = await ctx.db
      .selectFrom('observations')
      .select(['geo', 'indicator', 'value', 'note', 'submission_id', 'source'])
      .where('period', '=', String(year))
      .where('geo', 'like', 'IT%')
      .execute();
    // This submission's cells; a cell it left unchanged keeps an earlier submission of the same source.
    const own = stored.filter((c) => c.submission_id === preview.submissionId);
    expect(own.length).toBeGreaterThan(0);
    const source = own[0]!.source;
    expect(own.every((c) => c.source === source)).toBe(true);
    const cellOf = (geo: string, indicator: string) =>
      own.find((c) => c.geo === geo && c.indicator === indicator) ??
      stored.find((c) => c.geo === geo && c.indicator === indicator && c.source === source);
    const indicators = [...new Set(ITALY_MAPPINGS.map((m) => m.indicator))];
    for (const indicator of indicators) {
      const national = cellOf('IT', indicator)!;
      const expected = [...sums.values()].reduce((n, perProvince) => n + perProvince.get(indicator)!, 0);
      expect(national.value, indicator).toBe(expected);
      expect(national.note).toContain('Derived by the observatory: the sum of 106 of 107 NUTS 3 regions');
      for (const [province, perProvince] of sums) {
        const geo = nuts3Of(province);
        const cell = cellOf(geo, indicator);
        expect(cell?.value, `${province} ${geo} ${indicator}`).toBe(perProvince.get(indicator));
      }
    }
    const milan = cellOf('ITC4C', 'ICCS05021')!;
    expect(milan.value).toBe(sums.get('Milano')!.get('ICCS05021'));
    const forli = cellOf('ITH58', 'TOTAL_OFFENCES')!;
    expect(forli.value).toBe(sums.get('Forlì - Cesena')!.get('TOTAL_OFFENCES'));
  });
});

describe('the two editions differ as the data README says', () => {
  it('2019 writes thousands with "." and the profile reads them as thousands', () => {
    const rome = provinceSums(2019).get('Roma')!.get('TOTAL_OFFENCES')!;
    expect(rome).toBeGreaterThan(100_000);
    expect(readSharedData(ITALY_FILES[2019], 'latin1')).toMatch(/;\d{1,3}\.\d{3};/);
  });
});
