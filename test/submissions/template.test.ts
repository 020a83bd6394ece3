import Papa from 'papaparse';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { expectedYear, submissionTemplate } from '../../server/submissions/template';

import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp();
const NOW = new Date('2026-12-02T12:00:00Z');

async function templateRows(geo: string) {
  const csv = await submissionTemplate(ctx.db, geo, NOW);
  return Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
}

describe("a country's template", () => {
  it('lists every core indicator with its name, unit and definition, including those without data', async () => {
    const rows = await templateRows('NL');
    const indicators = await ctx.db.selectFrom('indicators').select(['code', 'name', 'unit', 'definition']).execute();
    const listed = new Set(rows.map((r) => r.indicator));
    expect([...listed].sort()).toEqual(indicators.map((i) => i.code).sort());
    for (const indicator of indicators) {
      const row = rows.find((r) => r.indicator === indicator.code)!;
      expect(row).toMatchObject({
        indicator_name: indicator.name,
        unit: indicator.unit,
        definition: indicator.definition,
      });
    }
  });

  it('adds an empty row for the next expected year, next to the last published value', async () => {
    expect(expectedYear(NOW)).toBe(2025);
    const rows = await templateRows('NL');
    const homicide = rows.filter((r) => r.indicator === 'ICCS0101');
    const latest = await ctx.db
      .selectFrom('observations')
      .select(['period', 'value'])
      .where('geo', '=', 'NL')
      .where('indicator', '=', 'ICCS0101')
      .orderBy('period_start', 'desc')
      .executeTakeFirstOrThrow();
    const next = homicide.find((r) => r.period === '2025')!;
    expect(next).toMatchObject({ value: '', last_published_period: latest.period });
    expect(Number(next.last_published_value)).toBe(latest.value);
    expect(homicide.filter((r) => r.value !== '').length).toBeGreaterThan(5);
  });

  it('reads back as it is: the empty rows are the only problem, and a filled-in row is the only change', async () => {
    const csv = await submissionTemplate(ctx.db, 'NL', NOW);
    const upload = (text: string) =>
      request(ctx.asRole('contact_point', ['NL']))
        .post('/api/submissions?geo=NL')
        .attach('file', Buffer.from(text), 'template.csv');
    const empty = (await templateRows('NL')).filter((r) => r.value === '').length;
    const unchanged = await upload(csv);
    const errors = unchanged.body.report.entries.filter((e: { severity: string }) => e.severity === 'error');
    expect(new Set(errors.map((e: { code: string }) => e.code))).toEqual(new Set(['missing-without-flag']));
    expect(unchanged.body.report.errorCount).toBe(empty);

    const [header, ...lines] = csv.trim().split('\n');
    const filled = lines
      .filter((line) => !/^NL,[^,]+,2025,,/.test(line) || line.startsWith('NL,ICCS0101,2025,'))
      .map((line) => line.replace(/^NL,ICCS0101,2025,,/, 'NL,ICCS0101,2025,150,'));
    const answer = await upload([header, ...filled].join('\n'));
    expect(answer.body.report.errorCount).toBe(0);
    expect(answer.body.diff).toMatchObject({ newCells: 1, changedCells: 0 });
  });
});
