import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segments } from '../../client/charts/line-chart';
import { aggregateSeriesFrom } from '../../client/views/trends/eu-series';
import { cellLookup, isTest, testSeries } from '../../server/alerts/screen';
import { loadCatalogue } from '../../server/analytics/catalogue';
import { readCells } from '../../server/analytics/cell.repository';
import { createApp } from '../../server/app/compose';
import type { AlertsResponse, CompareResponse } from '../../server/shared/api/analytics';
import { seededDatabase, type TestDatabase } from '../helpers/database';

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let y2021: AlertsResponse;
beforeAll(async () => {
  database = await seededDatabase();
  app = createApp({ db: database.db, clientDir: '/nonexistent' });
  y2021 = (await request(app).get('/api/alerts?period=2021&group=EU27_2020&measure=rate').expect(200)).body;
});
afterAll(async () => database.dispose());

const find = (answer: AlertsResponse, indicator: string, geo: string) =>
  answer.alerts.find((a) => a.indicator === indicator && a.geo === geo);

describe('2021 alerts, EU27_2020, rates (the real seed)', () => {
  it('rest on no count below the minimum: the tiny counts are listed as small numbers, not alerts', () => {
    for (const a of y2021.alerts)
      expect(Math.min(a.prior.count!, a.current.count!), a.explanation).toBeGreaterThanOrEqual(20);
    for (const [indicator, geo, before, after] of [
      ['ICCS020221', 'HR', 1, 3],
      ['ICCS03012', 'CY', 2, 8],
      ['ICCS07031', 'MT', 1, 6],
      ['ICCS0903', 'LV', 5, 16],
    ] as const) {
      expect(find(y2021, indicator, geo)).toBeUndefined();
      expect(y2021.notAssessed).toContainEqual({
        indicator,
        geo,
        previousCount: before,
        count: after,
        reason: 'small numbers: not assessed (fewer than 20 offences in a compared year)',
        reasonMessage: { key: 'alerts.not-assessed-small', params: { minimum: 20 } },
      });
    }
  });

  it('turn the Czech rape / sexual assault pair into one reclassification notice, not two alerts', () => {
    const czech = y2021.reclassifications.filter((r) => r.geo === 'CZ');
    expect(czech).toHaveLength(1);
    expect(czech[0]).toMatchObject({
      parent: 'ICCS0301',
      rising: 'ICCS03011',
      falling: 'ICCS03012',
      counts: { ICCS03011: { previous: 639, current: 1491 }, ICCS03012: { previous: 791, current: 82 } },
    });
    expect(czech[0]!.text).toMatch(
      /Possible reclassification in Czechia, 2021: Rape \(ICCS03011\) 639 → 1,491 while Sexual assault \(ICCS03012\) 791 → 82, and their parent Sexual violence \(ICCS0301\) .* the contact point for CZ is asked to confirm\./,
    );
    for (const code of ['ICCS0301', 'ICCS03011', 'ICCS03012']) expect(find(y2021, code, 'CZ')).toBeUndefined();
  });

  it('keep the credible ones, and mark a spike that reversed the next year', () => {
    expect(find(y2021, 'ICCS0401', 'SE')).toMatchObject({
      direction: 'fall',
      prior: { count: 8812 },
      current: { count: 7301 },
      persistence: { status: 'sustained' },
    });
    expect(find(y2021, 'ICCS0701', 'IE')).toMatchObject({
      direction: 'rise',
      prior: { count: 5900 },
      current: { count: 15212 },
    });
    expect(find(y2021, 'ICCS0601', 'MT')?.persistence).toMatchObject({
      status: 'one-year spike',
      nextPeriod: '2022',
      // 210 in the 2022 TSV, revised to 211 by Eurostat's 2025 edition.
      nextCount: 211,
    });
  });

  it('never show a parent and its child as two alerts moving the same way', () => {
    for (const a of y2021.alerts) {
      const parent = y2021.alerts.find(
        (b) =>
          b.geo === a.geo &&
          b.direction === a.direction &&
          b.indicator !== a.indicator &&
          a.linked.length === 0 &&
          b.linked.length === 0 &&
          (b.indicator.startsWith(a.indicator) || a.indicator.startsWith(b.indicator)),
      );
      expect(parent, `${a.indicator} ${a.geo}`).toBeUndefined();
    }
    expect(y2021.alerts.some((a) => a.linked.length > 0)).toBe(true);
  });

  it('report the family, the false alarms it would give without control, and the hit rate of past alerts', () => {
    expect(y2021.family.tests).toBeGreaterThan(400);
    expect(y2021.family.significantBeforeControl).toBeGreaterThan(y2021.alerts.length);
    expect(y2021.hitRate.judged).toBeGreaterThan(50);
    expect(y2021.hitRate.rate).toBeCloseTo(y2021.hitRate.sustained / y2021.hitRate.judged, 12);
    expect(y2021.hitRate.to).toBe('2020');
  });
});

describe('a change of population source never raises an alert', () => {
  it('tests Switzerland on its counts alone where the population source changes inside the window', async () => {
    const catalogue = await loadCatalogue(database.db, 'test');
    const cells = cellLookup(
      await readCells(database.db, { indicators: [...catalogue.indicators.keys()], geos: ['CH', 'CY'] }, null),
    );
    // Cyprus's population is Eurostat's throughout now: its rates use it as the exposure.
    const cy = testSeries(
      cells,
      { indicator: catalogue.indicators.get('ICCS0501')!, geo: { code: 'CY', name: 'Cyprus' }, measure: 'rate' },
      2021,
    );
    expect(cy && isTest(cy) && cy.exposure).toBe(true);
    // Switzerland's changes from tps00001 to the World Bank's mid-year estimates in 2020.
    const cyprus = { code: 'CH', name: 'Switzerland' };
    let tested = 0;
    for (const year of [2020, 2021]) {
      for (const indicator of catalogue.indicators.values()) {
        if (!indicator.code.startsWith('ICCS')) continue;
        const rate = testSeries(cells, { indicator, geo: cyprus, measure: 'rate' }, year);
        const count = testSeries(cells, { indicator, geo: cyprus, measure: 'count' }, year);
        if (!rate || !count || !isTest(rate) || !isTest(count)) continue;
        tested++;
        expect(rate.exposure).toBe(false);
        expect(rate.prediction.p).toBe(count.prediction.p);
        if (year === 2020) expect(rate.notices.map((n) => n.kind)).toContain('population-source-change');
      }
    }
    expect(tested).toBeGreaterThan(5);
  });
});

describe('the EU27 aggregate line', () => {
  it('has one piece for the robbery rate over 2008–2021: every member divides by Eurostat’s population throughout', async () => {
    const years = Array.from({ length: 14 }, (_, i) => 2008 + i);
    const answers: CompareResponse[] = await Promise.all(
      years.map(
        async (year) =>
          (await request(app).get(`/api/compare?indicator=ICCS0401&period=${year}&measure=rate`).expect(200)).body,
      ),
    );
    const eu = aggregateSeriesFrom(answers, years, 'EU27_2020', 'EU27');
    const pieces = segments(eu.points);
    // Before demo_pjan, the World Bank's 2020-2021 populations broke it in two.
    expect(pieces.map((run) => run[0]!.year)).toEqual([2008]);
    expect(eu.points.find((p) => p.year === 2020)!.breakReason ?? null).toBeNull();
    for (const answer of answers) expect(answer.aggregate!.flags).not.toContain('b');
  });

  it('applies one coverage rule: a year without every member’s population is withheld, with the reason', async () => {
    // EU28 in 2022: the United Kingdom has no population (demo_pjan stops, the World Bank file ends in 2021).
    const rape2022: CompareResponse = (
      await request(app).get('/api/compare?indicator=ICCS03011&period=2022&measure=count&group=EU28').expect(200)
    ).body;
    expect(rape2022.aggregate).toMatchObject({ withheld: true, value: null, coverage: { populationShare: null } });
    expect(rape2022.aggregate!.note).toMatch(
      /^Withheld: the population of .* is unknown for this period, so the coverage cannot be measured\.$/,
    );
  });
});

describe('GET /api/alerts/feed.atom', () => {
  it('is an Atom feed of the latest alerts anyone can subscribe to, filtered by country and theme', async () => {
    const all = await request(app).get('/api/alerts/feed.atom').expect(200);
    expect(all.headers['content-type']).toMatch(/^application\/atom\+xml/);
    expect(all.text).toMatch(
      /^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/,
    );
    const latest: AlertsResponse = (await request(app).get('/api/alerts').expect(200)).body;
    expect((all.text.match(/<entry>/g) ?? []).length).toBe(latest.alerts.length);
    const first = latest.alerts[0]!;
    const sweden = await request(app)
      .get(`/api/alerts/feed.atom?country=${first.geo}&theme=${first.theme}`)
      .expect(200);
    const expected = latest.alerts.filter((a) => a.geo === first.geo && a.theme === first.theme);
    expect(expected.length).toBeGreaterThan(0);
    expect((sweden.text.match(/<entry>/g) ?? []).length).toBe(expected.length);
    expect(sweden.text).toMatch(new RegExp(`<title>[^<]+, ${latest.period}: (rise|fall)</title>`));
    await request(app).get('/api/alerts/feed.atom?theme=<script>').expect(400);
  });
});
