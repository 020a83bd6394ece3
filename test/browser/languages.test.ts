import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../server/shared/i18n/locales';
import { addPeople, signInAs } from './accounts-fixture';
import { seriousViolations, useDashboardSite } from './harness';
import { DashboardPage } from './pages/dashboard-page';
import { untranslated, visibleText, watchApiStrings } from './languages-text';
import { type ViewRoute, VIEW_ROUTES, waitForViewData } from './view-routes';

/**
 * Languages in Chromium (docs/i18n.md): a pseudo-localised run over every view finds no text that
 * bypassed the catalogues; German fits a 360 px screen; the public views pass axe in every language;
 * <html lang>, the language switch and the API's language follow the URL's `lang`.
 */
const site = useDashboardSite(addPeople);

const withQuery = (path: string, query: string) => `${path}${path.includes('?') ? '&' : '?'}${query}`;

async function openView(
  route: ViewRoute,
  query: string,
): Promise<{ page: Page; apiStrings: Set<string>; problems: string[] }> {
  const { page, problems } = await site.freshPage();
  if (route.secretariat) await signInAs(page, site.app.url, 'secretariat@example.eu', 'users');
  const apiStrings = watchApiStrings(page);
  await new DashboardPage(page, site.app.url).open(withQuery(route.path, query), route.view);
  await waitForViewData(page, route);
  // Answers still arriving (a session, a second list) settle before the text is read.
  await page.waitForLoadState('networkidle');
  return { page, apiStrings, problems };
}

describe('languages in Chromium', () => {
  describe('pseudo-localisation: every visible text is a catalogue message, a number, a code or data', () => {
    for (const route of VIEW_ROUTES) {
      it(`${route.name} (${route.path})`, async () => {
        const { page, apiStrings, problems } = await openView(route, 'pseudo&lang=en');
        const nodes = await visibleText(page);
        expect(nodes.some((n) => n.text.includes('[!! '))).toBe(true);
        expect(untranslated(nodes, apiStrings)).toEqual([]);
        expect(await page.title()).toMatch(/^\[!! /);
        expect(problems).toEqual([]);
        await page.close();
      });
    }
  });

  describe('German at 360 px: no sideways scrolling', () => {
    for (const route of VIEW_ROUTES) {
      it(`${route.name}`, async () => {
        const { page } = await openView(route, 'lang=de');
        await page.setViewportSize({ width: 360, height: 740 });
        await page.waitForTimeout(100);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${route.name} is ${width} px wide in German`).toBeLessThanOrEqual(360);
        await page.close();
      });
    }
  });

  describe('the public views in each language: <html lang>, the switch, and axe', () => {
    const publicRoutes = VIEW_ROUTES.filter((r) => !r.secretariat && r.view !== 'reset-password');
    for (const locale of LOCALES) {
      it(`${locale}`, { timeout: 240_000 }, async () => {
        for (const route of publicRoutes) {
          const { page, problems } = await openView(route, `lang=${locale}`);
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
          // The embed page has no language switch: a chart in someone else's page follows its URL's lang.
          if (route.view !== 'embed')
            expect(await page.locator('#languages a[aria-current="true"]').getAttribute('lang')).toBe(locale);
          expect(await seriousViolations(page), `${route.name} in ${locale}`).toEqual([]);
          expect(problems).toEqual([]);
          await page.close();
        }
      });
    }
  });

  it('the switch re-renders the view in the chosen language without a reload, and links keep it', async () => {
    const { page, problems } = await site.freshPage();
    await page.goto(`${site.app.url}/compare?year=2019&lang=en`);
    await new DashboardPage(page, site.app.url).ready('compare');
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/')) asked.push(request.headers()['accept-language'] ?? '');
    });
    await page.click('#languages a[lang="fr"]');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Comparer');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('fr');
    expect(new URL(page.url()).searchParams.get('year')).toBe('2019');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.title()).toBe('Comparer · Observatoire de la prévention de la criminalité');
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((language) => language === 'fr')).toBe(true);
    // French numbers: a decimal comma in the ranked values.
    const values = await page.locator('svg.bar-chart g.bar text').allTextContents();
    expect(values.filter((v) => /\d,\d\d/.test(v)).length).toBeGreaterThan(10);
    expect(values.some((v) => /\d\.\d\d/.test(v))).toBe(false);
    expect(await page.locator('nav a[data-view="trends"]').getAttribute('href')).toContain('lang=fr');
    await page.click('nav a[data-view="trends"]');
    await new DashboardPage(page, site.app.url).ready('trends');
    expect(await page.locator('main h1').textContent()).toBe('Tendances');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('fr');
    await page.goBack();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Comparer');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a first visit follows the browser’s languages', async () => {
    const { page } = await site.freshPage();
    // What a German browser reports (the persistent test profile is English).
    await page.addInitScript(() => Object.defineProperty(navigator, 'languages', { get: () => ['de-DE', 'de', 'en'] }));
    await page.goto(`${site.app.url}/trends`);
    await new DashboardPage(page, site.app.url).ready('trends');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await page.locator('main .intro').textContent()).toContain('Zeitverlauf');
    expect(await page.locator('#languages a[aria-current="true"]').textContent()).toBe('Deutsch');
    // Not chosen, so not written into the address: a shared link opens in the reader's own language.
    expect(new URL(page.url()).searchParams.has('lang')).toBe(false);
    await page.close();
  });
});
