import { readFileSync, rmSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildClient, launchBrowser, type RunningApp, type RunningBrowser, screenshot, seriousViolations, startApp, watchPage } from './harness';

let clientDir: string;
let app: RunningApp;
let browser: RunningBrowser;

beforeAll(async () => {
  clientDir = await buildClient();
  app = await startApp(clientDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (clientDir) rmSync(clientDir, { recursive: true, force: true });
});

async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.context.newPage();
  const problems = watchPage(page);
  await page.goto(`${app.url}${path}`);
  return { page, problems };
}

async function viewReady(page: Page, view: string): Promise<void> {
  await page.waitForSelector(`main[data-view="${view}"]:not([aria-busy])`, { timeout: 15_000 });
}

interface ViewCase {
  name: string;
  path: string;
  view: string;
  /** A selector that only matches once real seeded data is shown, and how many matches at least. */
  data: string;
  atLeast: number;
}

const VIEWS: ViewCase[] = [
  { name: 'explore', path: '/', view: 'explore', data: 'svg.choropleth path.geo:not(.no-data)', atLeast: 25 },
  { name: 'trends', path: '/trends?indicator=ICCS0401&geo=NL,DE,FR', view: 'trends', data: 'svg.line-chart g.series path.point', atLeast: 30 },
  { name: 'compare', path: '/compare?year=2019', view: 'compare', data: 'svg.bar-chart g.bar rect', atLeast: 20 },
  { name: 'profile', path: '/profile/NL', view: 'profile', data: 'main table tbody tr', atLeast: 10 },
  { name: 'alerts', path: '/alerts', view: 'alerts', data: '.alert-list > li', atLeast: 1 },
  { name: 'practices', path: '/practices', view: 'practices', data: 'main .card', atLeast: 10 },
  { name: 'practice', path: '/practices?q=burglary', view: 'practices', data: 'main .card', atLeast: 1 },
  { name: 'upload', path: '/upload', view: 'upload', data: '.drop-zone input[type="file"]', atLeast: 1 },
];

describe('every view, in Chromium, on the seeded database', () => {
  for (const c of VIEWS) {
    it(`${c.name}: shows real data, has no serious or critical axe violations, and is saved as a screenshot`, async () => {
      const { page, problems } = await open(c.path);
      await viewReady(page, c.view);
      await page.waitForFunction(({ selector, n }) => document.querySelectorAll(selector).length >= n, { selector: c.data, n: c.atLeast }, { timeout: 15_000 });
      if (c.name === 'practice') {
        await page.click('main .card a');
        await viewReady(page, 'practice');
        await page.waitForSelector('main table caption', { timeout: 15_000 });
        expect(await page.locator('main h3', { hasText: 'Evaluations' }).count()).toBe(1);
        expect(await page.locator('main .checklist li').count()).toBe(4);
        expect(await page.locator('main .badge').count()).toBeGreaterThan(0);
      }
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, c.name);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it('the map is usable at 360 px: no horizontal scrolling of the page', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${app.url}/`);
    await viewReady(page, 'explore');
    await page.waitForSelector('svg.choropleth');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'explore-360px');
    await page.close();
  });
});

describe('interaction', () => {
  it('clicking a country on the map opens its profile', async () => {
    const { page } = await open('/?year=2019');
    await viewReady(page, 'explore');
    await page.click('svg.choropleth path[data-geo="DE"]');
    await page.waitForURL(/\/profile\/DE(\?|$)/);
    await viewReady(page, 'profile');
    await expect(page.locator('main h2').textContent()).resolves.toContain('Germany');
    await page.close();
  });

  it('the URL state survives a reload, and back and forward restore earlier states', async () => {
    const { page } = await open('/trends?indicator=ICCS0401&geo=NL,DE&measure=count&scale=log&tab=table');
    await viewReady(page, 'trends');
    await page.reload();
    await viewReady(page, 'trends');
    await page.waitForSelector('svg.line-chart', { state: 'attached' });
    expect(await page.locator('select[name="indicator"]').inputValue()).toBe('ICCS0401');
    expect(await page.locator('[role="tab"][aria-selected="true"]').textContent()).toBe('Table');
    expect(await page.locator('input[type="radio"][value="log"]').isChecked()).toBe(true);
    expect(await page.locator('input[type="radio"][value="count"]').isChecked()).toBe(true);
    expect(await page.locator('.chip').allTextContents()).toEqual(['NL ✕', 'DE ✕']);

    await page.locator('input[type="radio"][value="linear"]').check();
    await page.waitForURL((url) => !url.search.includes('scale=log'));
    await page.goBack();
    await page.waitForURL(/scale=log/);
    await page.waitForFunction(() => (document.querySelector('input[type="radio"][value="log"]') as HTMLInputElement | null)?.checked === true);
    await page.goForward();
    await page.waitForFunction(() => (document.querySelector('input[type="radio"][value="linear"]') as HTMLInputElement | null)?.checked === true);
    await page.close();
  });

  it('marks a practice\'s start year on its country\'s trend line, linked to the practice', async () => {
    const { page } = await open('/trends?indicator=ICCS020111&geo=UKM&measure=count');
    await viewReady(page, 'trends');
    const marker = page.locator('svg.line-chart a.practice-marker[href="/practices/glasgow-cirv"]');
    await marker.waitFor({ timeout: 15_000 });
    expect(await marker.getAttribute('aria-label')).toMatch(/^Practice: .*\(UKM, started 2008\)$/);
    await marker.click();
    await viewReady(page, 'practice');
    expect(page.url()).toMatch(/\/practices\/glasgow-cirv$/);
    await page.close();
  });

  it('plays the years on the map, and reads a trend year by year with the arrow keys', async () => {
    const { page } = await open('/?year=2010');
    await viewReady(page, 'explore');
    await page.waitForSelector('svg.choropleth');
    expect(await page.getAttribute('.map-area', 'data-year')).toBe('2010');
    await page.click('button.play');
    await page.waitForFunction(() => Number(document.querySelector('.map-area')?.getAttribute('data-year')) >= 2012, null, { timeout: 10_000 });
    await page.click('button.play');
    expect(await page.getAttribute('button.play', 'aria-pressed')).toBe('false');

    await page.goto(`${app.url}/trends?indicator=ICCS0401&geo=NL`);
    await viewReady(page, 'trends');
    await page.focus('.chart-area[tabindex="0"]');
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('.readout').textContent()).toMatch(/^\d{4}: NL [\d.,]+.*EU27_2020/);
    expect(await page.getAttribute('svg.line-chart line.crosshair', 'visibility')).toBe('visible');
    await page.close();
  });

  it('follows the asOf link to a pinned vintage, says so, and leads back to the latest data', async () => {
    const { page } = await open('/compare?year=2019');
    await viewReady(page, 'compare');
    await page.click('a:has-text("Link to this data version (asOf)")');
    await page.waitForURL(/asOf=/);
    await viewReady(page, 'compare');
    await page.waitForSelector('svg.bar-chart');
    expect(await page.locator('#vintage').textContent()).toMatch(/^You are viewing the data as published at \d{4}-\d{2}-\d{2}T/);
    expect(await page.locator('svg.bar-chart g.bar rect').count()).toBeGreaterThan(20);
    await page.click('#vintage a');
    await page.waitForURL((url) => !url.search.includes('asOf'));
    expect(await page.locator('#vintage').isHidden()).toBe(true);
    await page.close();
  });

  it('downloads the CSV, SVG and PNG of a chart as non-empty files', async () => {
    const { page } = await open('/?year=2019');
    await viewReady(page, 'explore');
    await page.waitForSelector('svg.choropleth');
    for (const [label, check] of [
      ['Download CSV', (text: string) => expect(text).toMatch(/^\ufeff?Country,"Value \(per 100,000 inhabitants\)",Flags,Rank,Denominator/)],
      ['Download SVG', (text: string) => expect(text).toContain('<svg')],
      ['Download PNG', (text: string) => expect(text.slice(1, 4)).toBe('PNG')],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`button:has-text("${label}")`)]);
      const file = await download.path();
      expect(statSync(file!).size).toBeGreaterThan(500);
      check(readFileSync(file!, label === 'Download PNG' ? 'latin1' : 'utf8'));
    }
    await page.close();
  });

  it('Explore works with the keyboard alone: indicator, year, map, and a visible focus', async () => {
    const { page } = await open('/');
    await viewReady(page, 'explore');
    await page.waitForSelector('svg.choropleth');
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
    await page.waitForFunction((before) => document.querySelector('.map-area')?.getAttribute('data-paint') !== before, paint);
    await tabTo('input[type="range"]');
    const year = await page.getAttribute('.map-area', 'data-year');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((before) => document.querySelector('.map-area')?.getAttribute('data-year') !== before, year);
    await tabTo('svg.choropleth path.geo');
    const geo = await page.evaluate(() => document.activeElement?.getAttribute('data-geo'));
    expect(await page.locator('.tooltip').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/profile/${geo}`));
    await page.close();
  });
});
