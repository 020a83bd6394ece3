import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { CompareResponse, GeoProfileResponse, TrendResponse } from '../../server/shared/api/analytics';
import type { ObservationsAnswer } from '../../server/shared/api/observations';
import { canonicalCsv, publishCsv } from '../helpers/publish';
import { publishCountBeyondPopulation } from '../helpers/count-beyond-population';
import { useDashboardSite } from './harness';
import { DashboardPage } from './pages/dashboard-page';
import { ExplorePage } from './pages/explore-page';

/** A correction with a note, so that one cell has a history of two versions (issue 20, item 9). */
const CORRECTED = { geo: 'AT', indicator: 'ICCS0401', period: '2015', note: 'corrected after audit' };

const site = useDashboardSite(async (db) => {
  const beyond = await publishCountBeyondPopulation(db);
  await publishCsv(
    { db },
    canonicalCsv(`${CORRECTED.geo},${CORRECTED.indicator},${CORRECTED.period},1234,p,${CORRECTED.note}`),
    { geo: CORRECTED.geo, fileName: 'at-robbery-correction.csv' },
  );
  return { beyond };
});

const api = async <T>(path: string): Promise<T> => (await fetch(`${site.app.url}${path}`)).json() as Promise<T>;
const yearsWithValues = (answer: ObservationsAnswer) =>
  [...new Set(answer.data.filter((o) => o.value !== null).map((o) => Number(o.period)))].sort((a, b) => a - b);

async function openView<P extends DashboardPage>(
  Kind: new (page: never, url: string) => P,
  path: string,
  view: string,
) {
  const { page, problems } = await site.newPage();
  const opened = new Kind(page as never, site.app.url);
  await opened.open(path, view);
  return { view: opened, page, problems };
}

describe('issue 20: every number says what it is (Chromium, seeded database)', () => {
  it('profile: a rate or rank of an earlier year than the count says its year, in the table and the CSV', async () => {
    const profile = await api<GeoProfileResponse>('/api/geos/NL/profile');
    const row = profile.indicators.find((r) => r.indicator.code === 'ICCS0101')!;
    expect(row.ratePeriod).not.toBe(row.period);
    const { view, page, problems } = await openView(DashboardPage, '/profile/NL', 'profile');
    await page.waitForSelector('main table tbody tr');
    const name = page.getByRole('link', { name: row.indicator.name, exact: true });
    const cells = page.locator('main table tbody tr').filter({ has: name }).locator('th, td');
    const texts = await cells.allInnerTexts();
    expect(texts[1]).toBe(row.period);
    expect(texts[3]).toMatch(new RegExp(`\\(${row.ratePeriod}\\)$`));
    expect(texts.at(-2)).toBe(`${row.euRank} of ${row.euMembersRanked} (rate, ${row.rankBasis!.period})`);
    await expect(page.locator('main p[data-older-years]').count()).resolves.toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button.download')]);
    const csv = Papa.parse<Record<string, string>>(readFileSync((await download.path())!, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const line = csv.find((l) => l.Indicator === row.indicator.name)!;
    expect(line).toMatchObject({ 'Year of the rate': row.ratePeriod, 'Year of the rank': row.rankBasis!.period });
    expect(line['Ranked by']).toBe('rate');
    expect(await page.locator('main h1, main h2').first().innerText()).toBe('Netherlands (NL)');
    expect(await page.locator('main').innerText()).not.toMatch(/EU27_2020|EU28\b|EA19/);
    expect(await view.seriousViolations()).toEqual([]);
    expect(problems).toEqual([]);
    await view.close();
  });

  it('compare: a year without population offers counts only, says why, and draws the counts', async () => {
    const yearsOf = async (m: string) =>
      yearsWithValues(await api<ObservationsAnswer>(`/api/observations?indicator=ICCS0101&measure=${m}&level=0`));
    const [counts, rates] = [await yearsOf('count'), await yearsOf('rate')];
    const year = site.prepared.beyond;
    expect(counts).toContain(year);
    expect(rates).not.toContain(year);
    const { view, page, problems } = await openView(
      DashboardPage,
      `/compare?indicator=ICCS0101&year=${year}&measure=rate`,
      'compare',
    );
    await page.waitForSelector('svg.bar-chart g.bar rect');
    expect(await page.locator('main input[name="measure"][value="rate"]').count()).toBe(0);
    expect(await page.locator('main p[data-rates-unavailable]').innerText()).toContain(`No rates for ${year}`);
    const answer = await api<CompareResponse>(`/api/compare?indicator=ICCS0101&period=${year}&measure=count`);
    const valued = answer.rows.filter((r) => r.value !== null).length;
    expect(valued).toBeGreaterThan(0);
    expect(await page.locator('svg.bar-chart').first().locator('g.bar rect').count()).toBeGreaterThanOrEqual(valued);
    expect(await page.locator('svg.bar-chart').first().textContent()).not.toMatch(/0\.0 ?%/);
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/EU27_2020|population_weighted/);
    expect(await view.seriousViolations()).toEqual([]);
    expect(problems).toEqual([]);
    await view.close();
  });

  it('compare: a warning shared by many countries is one sentence', async () => {
    const profile = await api<GeoProfileResponse>('/api/geos/NL/profile');
    const year = profile.indicators.find((r) => r.indicator.code === 'ICCS0101')!.ratePeriod!;
    const answer = await api<CompareResponse>(`/api/compare?indicator=ICCS0101&period=${year}&measure=rate`);
    const reasons = new Set(answer.warnings.flatMap((w) => w.reason.split('; ')));
    const { view, page } = await openView(
      DashboardPage,
      `/compare?indicator=ICCS0101&year=${year}&measure=rate`,
      'compare',
    );
    await page.waitForSelector('svg.bar-chart g.bar rect');
    const items = page.locator('main [data-warnings] li');
    expect(await items.count()).toBe(reasons.size);
    if (answer.warnings.length > 1) expect(answer.warnings.length).toBeGreaterThan(reasons.size);
    expect(await view.seriousViolations()).toEqual([]);
    await view.close();
  });

  it('map: England and Wales is listed as not on the map with its value and does not set the legend', async () => {
    const answer = await api<ObservationsAnswer>('/api/observations?indicator=ICCS0502&measure=count&level=0');
    const ukcl = answer.data.filter((o) => o.geo === 'UKC-L' && o.value !== null).at(-1)!;
    const { view, page, problems } = await openView(
      ExplorePage,
      `/?indicator=ICCS0502&measure=count&year=${ukcl.period}`,
      'explore',
    );
    await page.waitForSelector('svg.choropleth');
    const top = (await page.locator('svg.choropleth g.legend text').allTextContents())
      .flatMap((label) => label.split('–').map((n) => Number(n.replace(/[^\d.]/g, ''))))
      .filter(Number.isFinite);
    expect(Math.max(...top)).toBeLessThan(ukcl.value!);
    const listed = page.locator('main .not-on-map li[data-geo="UKC-L"]');
    expect(await listed.innerText()).toContain(ukcl.value!.toLocaleString('en'));
    expect(await listed.innerText()).toContain('England and Wales');
    const notOnMap = await page.locator('main .not-on-map').innerText();
    for (const name of ['Bosnia', 'Kosovo']) expect(notOnMap).toContain(name);
    await page.click('button:has-text("Table")');
    const row = page.locator('main table tbody tr', { hasText: 'England and Wales' });
    expect(await row.innerText()).toContain('not on the map');
    expect(await view.seriousViolations()).toEqual([]);
    expect(problems).toEqual([]);
    await view.close();
  });

  it('trends: zeros on a log scale are said beside the chart', async () => {
    const geos = ['MT', 'EE', 'LT', 'HR', 'CY'];
    const trends = await Promise.all(
      geos.map((g) => api<TrendResponse>(`/api/trends?indicator=ICCS020221&geo=${g}&measure=count`)),
    );
    const zeros = trends.flatMap((t) => t.points.filter((p) => p.value === 0)).length;
    expect(zeros).toBeGreaterThan(0);
    const { view, page, problems } = await openView(
      DashboardPage,
      `/trends?indicator=ICCS020221&geo=${geos.join(',')}&measure=count&scale=log`,
      'trends',
    );
    await page.waitForSelector('svg.line-chart');
    const note = await page.locator('main [data-log-omitted]').innerText();
    expect(note).toMatch(new RegExp(`^${zeros} values? of 0`));
    expect(await view.seriousViolations()).toEqual([]);
    expect(problems).toEqual([]);
    await view.close();
  });

  it('a cell’s note and revision count show in the tooltip and the table; one click opens its history', async () => {
    const { view, page, problems } = await openView(
      ExplorePage,
      `/?indicator=${CORRECTED.indicator}&measure=count&year=${CORRECTED.period}`,
      'explore',
    );
    await page.waitForSelector('svg.choropleth');
    await page.hover(`svg.choropleth path[data-geo="${CORRECTED.geo}"]`);
    expect(await page.locator('.tooltip').innerText()).toContain(`Revised: 2 versions. Note: ${CORRECTED.note}`);
    await page.click('button:has-text("Table")');
    const row = page.locator('main table tbody tr', { hasText: 'Austria' });
    expect(await row.innerText()).toContain(`Revised: 2 versions. Note: ${CORRECTED.note}`);
    const open = row.locator('button.cell-history-open');
    await open.click();
    const dialog = page.locator('dialog.cell-history[open]');
    const history = dialog.locator('table.cell-history-table:not(.cell-sources-table)');
    await history.locator('tbody tr').nth(1).waitFor();
    // The contact point's correction stands beside Eurostat's figure: both sources side by side (issue 17).
    const sources = await dialog.locator('table.cell-sources-table tbody tr').allInnerTexts();
    expect(sources).toHaveLength(2);
    expect(sources[0]).toContain('1,234');
    expect(sources[0]).toContain('Preferred');
    expect(sources[1]).toContain('Eurostat crim_off_cat');
    expect(sources[1]).toMatch(/[+-][\d,.]+ \([+-][\d.]+ %\)/);
    const versions = await history.locator('tbody tr').allInnerTexts();
    expect(versions).toHaveLength(2);
    expect(versions[1]).toContain('1,234');
    expect(versions[1]).toContain(CORRECTED.note);
    expect(versions[1]).toContain('national contact point');
    expect(versions[0]).toContain('seed');
    expect(await view.seriousViolations()).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await open.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(problems).toEqual([]);
    await view.close();
  });
});
