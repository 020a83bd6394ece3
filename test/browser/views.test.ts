import { readFileSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDashboardSite } from './harness';
import { DashboardPage } from './pages/dashboard-page';
import { ExplorePage } from './pages/explore-page';
import { TrendsPage } from './pages/trends-page';
import { type ViewRoute, VIEW_ROUTES, waitForViewData } from './view-routes';

const site = useDashboardSite();

type PageKind<P> = new (page: Page, baseUrl: string) => P;

/** A new page seen as a view of the given kind, its problems (page errors, CSP violations) watched. */
async function newPage<P extends DashboardPage = DashboardPage>(
  Kind?: PageKind<P>,
): Promise<{ view: P; problems: string[] }> {
  const { page, problems } = await site.newPage();
  return { view: new (Kind ?? (DashboardPage as PageKind<P>))(page, site.app.url), problems };
}

/** The views a signed-out reader sees, on the routes the other every-view tests take. */
const PUBLIC_ROUTES = VIEW_ROUTES.filter((r) => !r.secretariat);

/** Further states of a view, beyond its route in VIEW_ROUTES. */
const MORE_STATES: ViewRoute[] = [
  { view: 'upload', name: 'upload-signed-out', path: '/upload', data: '.drop-zone input[type="file"]' },
  {
    view: 'embed',
    name: 'embed-map',
    path: '/embed/?year=2019',
    data: 'svg.choropleth path.geo:not(.no-data)',
    atLeast: 25,
  },
];

describe('every view, in Chromium, on the seeded database', () => {
  for (const route of [...PUBLIC_ROUTES, ...MORE_STATES]) {
    it(`${route.name}: shows real data, has no serious or critical axe violations, and is saved as a screenshot`, async () => {
      const { view, problems } = await newPage();
      const { page } = await view.open(route.path, route.view);
      await waitForViewData(page, route);
      expect(await view.seriousViolations()).toEqual([]);
      await view.screenshot(route.name);
      expect(problems).toEqual([]);
      await view.close();
    });
  }

  it('a practice found by a search opens with its evaluations, checklist and badges', async () => {
    const { view, problems } = await newPage();
    const { page } = await view.open('/practices?q=burglary', 'practices');
    await page.waitForSelector('main .card a', { timeout: 15_000 });
    await page.click('main .card a');
    await view.ready('practice');
    await page.waitForSelector('main table caption', { timeout: 15_000 });
    expect(await page.locator('main h3', { hasText: 'Evaluations' }).count()).toBe(1);
    expect(await page.locator('main .checklist li').count()).toBe(4);
    expect(await page.locator('main .badge').count()).toBeGreaterThan(0);
    expect(await view.seriousViolations()).toEqual([]);
    expect(problems).toEqual([]);
    await view.close();
  });

  it('the map is usable at 360 px: no horizontal scrolling of the page', async () => {
    const { view } = await newPage(ExplorePage);
    await view.page.setViewportSize({ width: 360, height: 740 });
    await view.openMap('/');
    expect(await view.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await view.seriousViolations()).toEqual([]);
    await view.screenshot('explore-360px');
    await view.close();
  });
});

describe('interaction', () => {
  it('clicking a country on the map opens its profile', async () => {
    const { view } = await newPage(ExplorePage);
    await view.open('/?year=2019', 'explore');
    await view.clickCountry('DE');
    await view.page.waitForURL(/\/profile\/DE(\?|$)/);
    await view.ready('profile');
    await expect(view.page.locator('main h1').textContent()).resolves.toContain('Germany');
    await view.close();
  });

  it('the URL state survives a reload, and back and forward restore earlier states', async () => {
    const { view } = await newPage(TrendsPage);
    const { page } = await view.openTrends('indicator=ICCS0401&geo=NL,DE&measure=count&scale=log&tab=table');
    await page.reload();
    await view.ready('trends');
    await page.waitForSelector('svg.line-chart', { state: 'attached' });
    expect(await view.indicator()).toBe('ICCS0401');
    expect(await view.selectedTab()).toBe('Table');
    expect(await view.option('log').isChecked()).toBe(true);
    expect(await view.option('count').isChecked()).toBe(true);
    expect(await view.chips()).toEqual(['NL ✕', 'DE ✕']);

    await view.option('linear').check();
    await page.waitForURL((url) => !url.search.includes('scale=log'));
    await page.goBack();
    await page.waitForURL(/scale=log/);
    await page.waitForFunction(
      () => (document.querySelector('input[type="radio"][value="log"]') as HTMLInputElement | null)?.checked === true,
    );
    await page.goForward();
    await page.waitForFunction(
      () =>
        (document.querySelector('input[type="radio"][value="linear"]') as HTMLInputElement | null)?.checked === true,
    );
    await page.close();
  });

  it("marks a practice's start year on its country's trend line, linked to the practice", async () => {
    const { view } = await newPage(TrendsPage);
    await view.openTrends('indicator=ICCS020111&geo=UKM&measure=count');
    const marker = view.practiceMarker('glasgow-cirv');
    await marker.waitFor({ timeout: 15_000 });
    expect(await marker.getAttribute('aria-label')).toMatch(/^Practice: .*\(UKM, started 2008\)$/);
    await marker.click();
    await view.ready('practice');
    expect(view.page.url()).toMatch(/\/practices\/glasgow-cirv$/);
    await view.close();
  });

  it('plays the years on the map, and reads a trend year by year with the arrow keys', async () => {
    const { view: explore } = await newPage(ExplorePage);
    const { page } = await explore.openMap('/?year=2010');
    expect(await explore.shownYear()).toBe('2010');
    await explore.togglePlay();
    await page.waitForFunction(
      () => Number(document.querySelector('.map-area')?.getAttribute('data-year')) >= 2012,
      null,
      { timeout: 10_000 },
    );
    await explore.togglePlay();
    expect(await explore.isPlaying()).toBe('false');

    const trends = new TrendsPage(page, site.app.url);
    await trends.openTrends('indicator=ICCS0401&geo=NL');
    await trends.pressOnChart('ArrowLeft');
    expect(await trends.readout()).toMatch(/^\d{4}: NL [\d.,]+.*EU27_2020/);
    expect(await page.getAttribute('svg.line-chart line.crosshair', 'visibility')).toBe('visible');
    await trends.close();
  });

  it('follows the asOf link to a pinned vintage, says so, and leads back to the latest data', async () => {
    const { view } = await newPage();
    const { page } = await view.open('/compare?year=2019', 'compare');
    await page.click('a:has-text("Link to this data version (asOf)")');
    await page.waitForURL(/asOf=/);
    await view.ready('compare');
    await page.waitForSelector('svg.bar-chart');
    expect(await page.locator('#vintage').textContent()).toMatch(
      /^You are viewing the data as published at \d{4}-\d{2}-\d{2}T/,
    );
    expect(await page.locator('svg.bar-chart g.bar rect').count()).toBeGreaterThan(20);
    await page.click('#vintage a');
    await page.waitForURL((url) => !url.search.includes('asOf'));
    expect(await page.locator('#vintage').isHidden()).toBe(true);
    await view.close();
  });

  it('downloads the CSV, SVG and PNG of a chart as non-empty files', async () => {
    const { view } = await newPage(ExplorePage);
    await view.openMap('/?year=2019');
    for (const [label, check] of [
      [
        'Download CSV',
        (text: string) =>
          expect(text).toMatch(/^\ufeff?Country,"Value \(per 100,000 inhabitants\)",Flags,Rank,Denominator/),
      ],
      ['Download SVG', (text: string) => expect(text).toContain('<svg')],
      ['Download PNG', (text: string) => expect(text.slice(1, 4)).toBe('PNG')],
    ] as const) {
      const download = await view.download(label);
      const file = await download.path();
      expect(statSync(file!).size).toBeGreaterThan(500);
      check(readFileSync(file!, label === 'Download PNG' ? 'latin1' : 'utf8'));
    }
    await view.close();
  });

  it('Explore works with the keyboard alone: indicator, year, map, and a visible focus', async () => {
    const { view } = await newPage(ExplorePage);
    const { page } = await view.openMap('/');
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await tabTo('select[name="indicator"]');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    const paint = await page.getAttribute('.map-area', 'data-paint');
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(/indicator=/);
    await page.waitForFunction(
      (before) => document.querySelector('.map-area')?.getAttribute('data-paint') !== before,
      paint,
    );
    await tabTo('input[type="range"]');
    const year = await page.getAttribute('.map-area', 'data-year');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(
      (before) => document.querySelector('.map-area')?.getAttribute('data-year') !== before,
      year,
    );
    await tabTo('svg.choropleth path.geo');
    const geo = await page.evaluate(() => document.activeElement?.getAttribute('data-geo'));
    expect(await page.locator('.tooltip').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/profile/${geo}`));
    await page.close();
  });
});
