import { describe, expect, it } from 'vitest';
import { fileValue } from '../geos/crim-gen-reg-file';
import { useDashboardSite } from './harness';
import { chartPlace, landmarkProblems, landmarks, levelOneHeadings } from './layout-checks';
import { untranslated, visibleText, watchApiStrings } from './languages-text';
import { ComparePage } from './pages/compare-page';
import { TrendsPage } from './pages/trends-page';

/**
 * Compare and Trends with NUTS regions (issue 19, item 8), in Chromium on the seeded real data: the
 * figures shown are Eurostat's crim_gen_reg figures, read here straight from its file.
 */
const site = useDashboardSite();
const english = (value: number, digits = 0) =>
  value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

describe('Compare at NUTS level', () => {
  it('ranks the NUTS 3 regions of Germany for robbery in 2019: the ends in the chart, every region in the table', async () => {
    const { page, problems } = await site.newPage();
    const compare = await new ComparePage(page, site.app.url).openCompare('indicator=ICCS0401&year=2019&measure=count');
    await compare.chooseLevel('NUTS 3', 3);
    await compare.chooseGroup('DE', 'NUTS 3 regions of Germany');
    expect(new URL(page.url()).search).toContain('f.level=3&f.within=DE');
    expect(await compare.chartTitle()).toBe('Robbery, count: NUTS 3 regions of Germany, 2019');
    const berlin = fileValue('NR', 'ICCS0401', 'DE300', '2019')!;
    expect(berlin).toBe(4473);
    const bars = await compare.bars();
    expect(bars).toHaveLength(30);
    expect(bars[0]).toBe(`DE300: 1. Berlin (DE300) ${english(berlin)}`);
    const notices = (await compare.notices()).join(' ');
    expect(notices).toContain('Counts, not rates');
    expect(notices).toContain('The chart shows the 15 highest and 15 lowest of the 401 regions with a figure');
    expect(notices).toContain('402 of 402 regions have a figure for 2019.');
    expect(await compare.seriousViolations()).toEqual([]);
    await compare.screenshot('compare-nuts-3-DE');

    const table = await compare.showTable();
    expect(await table.locator('tbody tr').count()).toBe(402);
    const row = table.locator('tbody tr', { hasText: 'Berlin (DE300)' });
    expect(await row.locator('td').first().innerText()).toBe(english(berlin));
    // The table sorts by any column: by region, the first row is the first name in alphabetical order.
    await table.locator('button.sort[data-key="geo"]').click();
    expect(await table.locator('thead th[aria-sort]').innerText()).toContain('Region');
    expect(await table.locator('tbody tr th').first().innerText()).toBe('Ahrweiler (DEB12)');
    expect(await compare.seriousViolations()).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows Eurostat's published regional rates as Eurostat's, and reopens from a shared link", async () => {
    const { page, problems } = await site.newPage();
    const compare = await new ComparePage(page, site.app.url).openCompare(
      'indicator=ICCS0401&year=2019&f.level=3&f.within=DE&geo=DE212',
    );
    await page.waitForSelector('.chart-area[data-level="3"]');
    expect(await page.getByRole('radio', { name: 'NUTS 3', exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('Regions of').inputValue()).toBe('DE');
    expect(await compare.chartTitle()).toBe('Robbery, per 100,000 inhabitants: NUTS 3 regions of Germany, 2019');
    expect((await compare.notices()).join(' ')).toContain('Rates are Eurostat’s published rates');
    // A highlighted region from the middle of the ranking joins the chart's ends.
    const bars = await compare.bars();
    expect(bars).toHaveLength(31);
    expect(bars.some((b) => b.startsWith('DE212: '))).toBe(true);
    const table = await compare.showTable();
    const row = table.locator('tbody tr', { hasText: 'Berlin (DE300)' });
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[0]).toBe(english(fileValue('P_HTHAB', 'ICCS0401', 'DE300', '2019')!, 2));
    expect(cells[1]).toBe('Eurostat (published)');
    expect(await compare.seriousViolations()).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('ranks the NUTS 3 regions of every EU member (1,193) and keeps the chart to the ends of the ranking', {
    timeout: 120_000,
  }, async () => {
    const { page, problems } = await site.newPage();
    const compare = await new ComparePage(page, site.app.url).openCompare('indicator=ICCS0401&year=2019&measure=count');
    await compare.chooseLevel('NUTS 3', 3);
    expect(await compare.chartTitle()).toBe('Robbery, count: NUTS 3 regions of Europe, 2019');
    expect(await compare.bars()).toHaveLength(30);
    const table = await compare.showTable();
    expect(await table.locator('tbody tr').count()).toBe(1193);
    expect(await compare.seriousViolations()).toEqual([]);
    await compare.chooseLevel('Countries', 0);
    expect(new URL(page.url()).search).not.toContain('f.level');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('Trends with a region', () => {
  it('adds a German NUTS 3 region with the keyboard, with its country, and draws its real counts', async () => {
    const { page, problems } = await site.newPage();
    const trends = await new TrendsPage(page, site.app.url).openTrends('indicator=ICCS0401&measure=count&geo=NL');
    await page.getByLabel('Country', { exact: true }).selectOption('DE');
    await page.locator('.region-picker [aria-live]', { hasText: 'regions of Germany (DE) listed' }).waitFor();
    await page.getByLabel('Search its regions').focus();
    await page.keyboard.type('Berlin');
    const region = page.getByLabel('Region', { exact: true });
    expect(await region.locator('option').allInnerTexts()).toEqual(['Berlin (DE3)', 'Berlin (DE30)', 'Berlin (DE300)']);
    await region.selectOption('DE300');
    await page.getByRole('button', { name: 'Add to the chart' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('geo') === 'NL,DE300,DE');
    await trends.ready('trends');
    await page.locator('h3.chart-title', { hasText: 'Berlin' }).waitFor({ timeout: 20_000 });
    expect(await trends.chips()).toEqual(['NL ✕', 'DE300 ✕', 'DE ✕']);
    expect((await page.locator('.chart-area ~ p.notice').allInnerTexts()).join(' ')).toContain('Counts, not rates');
    expect(await page.locator('p.source').innerText()).toContain('crim_gen_reg');
    expect(await trends.seriousViolations()).toEqual([]);
    await trends.screenshot('trends-region-DE300');

    await page.click('[role="tab"]:has-text("Table")');
    const row = page
      .locator('[role="tabpanel"] table tbody tr', { hasText: 'Berlin (DE300)' })
      .filter({ hasText: '2019' });
    const shown = await row.locator('td').allInnerTexts();
    expect(shown[1]).toBe(english(fileValue('NR', 'ICCS0401', 'DE300', '2019')!));
    expect(await trends.seriousViolations()).toEqual([]);

    // A shared link reopens it, the picker on the region's country.
    await page.reload();
    await trends.ready('trends');
    expect(await trends.chips()).toEqual(['NL ✕', 'DE300 ✕', 'DE ✕']);
    expect(await page.getByLabel('Country', { exact: true }).inputValue()).toBe('DE');
    expect(problems).toEqual([]);
    await page.close();
  });
});

const REGIONAL_ROUTES = [
  { path: '/compare?indicator=ICCS0401&year=2019&f.level=3&f.within=DE', data: 'svg.bar-chart g.bar rect' },
  { path: '/trends?indicator=ICCS0401&measure=count&geo=DE300,DE', data: 'svg.line-chart g.series' },
];

describe('regional Compare and Trends: layout and languages', () => {
  for (const route of REGIONAL_ROUTES) {
    it(`at 1366×900 the chart starts where every chart view's does (layout.test.ts): ${route.path}`, async () => {
      const { page } = await site.freshPage();
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.goto(`${site.app.url}${route.path}`);
      await page.waitForSelector(route.data, { timeout: 20_000 });
      expect((await chartPlace(page))!.top).toBeLessThanOrEqual(300);
      expect(await levelOneHeadings(page)).toHaveLength(1);
      expect(landmarkProblems(await landmarks(page))).toEqual([]);
      await page.close();
    });

    it(`pseudo-localised, every text is a message or data: ${route.path}`, async () => {
      const { page, problems } = await site.freshPage();
      const apiStrings = watchApiStrings(page);
      await page.goto(`${site.app.url}${route.path}&pseudo&lang=en`);
      await page.waitForSelector(route.data, { timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      const nodes = await visibleText(page);
      expect(nodes.some((n) => n.text.includes('[!! '))).toBe(true);
      expect(untranslated(nodes, apiStrings)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });

    it(`German at 360 px fits without sideways scrolling: ${route.path}`, async () => {
      const { page } = await site.freshPage();
      await page.goto(`${site.app.url}${route.path}&lang=de`);
      await page.waitForSelector(route.data, { timeout: 20_000 });
      await page.setViewportSize({ width: 360, height: 740 });
      await page.waitForTimeout(100);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
      await page.close();
    });
  }
});
