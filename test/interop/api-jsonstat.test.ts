import JSONstat from 'jsonstat-toolkit';
import { describe, expect, it } from 'vitest';
import { useSeededApp } from '../helpers/context';

const seeded = useSeededApp();

interface Cell {
  indicator: string;
  geo: string;
  period: string;
  value: number | null;
  flags: string;
}

/** Every cell of a JSON-stat answer, read with jsonstat-toolkit, as "indicator|geo|period" → value and flags. */
function jsonStatCells(body: object): Map<string, { value: number | null; flags: string }> {
  const dataset = JSONstat(structuredClone(body));
  expect(dataset.class).toBe('dataset');
  expect(dataset.length).toBeGreaterThan(0);
  expect(dataset.id).toEqual(['indicator', 'geo', 'time']);
  expect(dataset.role).toMatchObject({ geo: ['geo'], time: ['time'], metric: ['indicator'] });
  const cells = new Map<string, { value: number | null; flags: string }>();
  const codes = (id: string) =>
    (body as { dimension: Record<string, { category: { index: string[] } }> }).dimension[id]!.category.index;
  for (const indicator of codes('indicator'))
    for (const geo of codes('geo'))
      for (const period of codes('time')) {
        const datum = dataset.Data({ indicator, geo, time: period });
        expect(datum).not.toBeNull();
        if (datum!.value !== null || datum!.status)
          cells.set(`${indicator}|${geo}|${period}`, { value: datum!.value, flags: datum!.status ?? '' });
      }
  return cells;
}

/** The JSON answer's cells in the same shape; cells with neither value nor flags are absent in both. */
function jsonCells(rows: Cell[]): Map<string, { value: number | null; flags: string }> {
  return new Map(
    rows
      .filter((r) => r.value !== null || r.flags)
      .map((r) => [`${r.indicator}|${r.geo}|${r.period}`, { value: r.value, flags: r.flags }]),
  );
}

async function both(url: string) {
  const json = await seeded.request().get(url);
  expect(json.status, JSON.stringify(json.body)).toBe(200);
  const jsonstat = await seeded.request().get(`${url}&format=jsonstat`);
  expect(jsonstat.status).toBe(200);
  expect(jsonstat.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(jsonstat.headers.etag).not.toBe(json.headers.etag);
  const byAccept = await seeded.request().get(url).set('Accept', 'application/json; profile=jsonstat');
  expect(byAccept.status).toBe(200);
  expect(byAccept.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(byAccept.headers.vary).toMatch(/Accept/);
  expect(byAccept.text).toBe(jsonstat.text);
  const again = await seeded.request().get(`${url}&format=jsonstat`).set('If-None-Match', jsonstat.headers.etag!);
  expect(again.status).toBe(304);
  return { json: json.body, jsonstat: JSON.parse(jsonstat.text) as object };
}

describe('JSON-stat 2.0 answers of the JSON API', () => {
  it('/api/observations: the same cells, values and flags as its JSON answer, counts and rates', async () => {
    for (const measure of ['count', 'rate']) {
      const { json, jsonstat } = await both(
        `/api/observations?indicator=ICCS0101,ICCS0401&geo=AT,DE,FR&from=2008&to=2020&measure=${measure}`,
      );
      const rows = (json as { data: Cell[] }).data;
      expect(rows.length).toBeGreaterThan(10);
      // Rates carry the population's flags (DE 2011 b, FR 2018 p), so that status is compared too.
      if (measure === 'rate') expect(rows.some((r) => r.flags !== '')).toBe(true);
      expect(jsonStatCells(jsonstat)).toEqual(jsonCells(rows));
      const dataset = JSONstat(structuredClone(jsonstat));
      expect(dataset.extension.measure).toBe(measure);
      expect(dataset.extension.dataVersion).toBe((json as { meta: { dataVersion: string } }).meta.dataVersion);
      const unit = dataset.Dimension('indicator').Category('ICCS0101').unit as { label: string };
      if (measure === 'rate') {
        expect(unit.label).toBe('Per 100,000 inhabitants');
        expect((dataset.extension.population as unknown[]).length).toBeGreaterThan(0);
      } else {
        expect(unit.label).toBe('Number');
        expect(dataset.extension.population).toBeUndefined();
      }
    }
  });

  it('/api/compare: the members’ cells as in its JSON answer', async () => {
    const { json, jsonstat } = await both('/api/compare?indicator=ICCS0101&period=2018&measure=rate');
    const answer = json as { indicator: { code: string }; rows: (Cell & { geo: string })[] };
    expect(answer.rows.length).toBeGreaterThan(5);
    expect(answer.rows.find((r) => r.geo === 'FR')!.flags).toContain('p');
    const rows = answer.rows.map((r) => ({ ...r, indicator: answer.indicator.code }));
    expect(jsonStatCells(jsonstat)).toEqual(jsonCells(rows));
  });

  it('/api/trends: the series’ cells as in its JSON answer', async () => {
    const { json, jsonstat } = await both('/api/trends?indicator=ICCS0101&geo=DE&measure=rate');
    const answer = json as { indicator: { code: string }; geo: string; points: Cell[] };
    expect(answer.points.length).toBeGreaterThan(3);
    expect(answer.points.find((p) => p.period === '2011')!.flags).toContain('b');
    const rows = answer.points.map((p) => ({ ...p, indicator: answer.indicator.code, geo: answer.geo }));
    expect(jsonStatCells(jsonstat)).toEqual(jsonCells(rows));
  });

  it('JSON answers are unchanged by the new format, and format=xml is refused with a clear 400', async () => {
    const plain = await seeded.request().get('/api/trends?indicator=ICCS0101&geo=AT');
    const json = await seeded.request().get('/api/trends?indicator=ICCS0101&geo=AT&format=json');
    expect(json.text).toBe(plain.text);
    for (const url of [
      '/api/observations?indicator=ICCS0101',
      '/api/compare?indicator=ICCS0101&period=2018',
      '/api/trends?indicator=ICCS0101&geo=AT',
    ]) {
      const res = await seeded.request().get(`${url}&format=xml`);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(/format/);
      expect(JSON.stringify(res.body)).toMatch(/jsonstat/);
    }
  });
});
