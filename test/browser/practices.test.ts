import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDashboardSite } from './harness';
import { DashboardPage } from './pages/dashboard-page';

/** Issue 20, in Chromium: findable practices and ratings in plain language, checked with axe. */
const site = useDashboardSite();

async function open(
  path: string,
  viewName: string,
  width = 1280,
): Promise<{ view: DashboardPage; problems: string[] }> {
  const { page, problems } = await site.newPage();
  await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
  const view = new DashboardPage(page, site.app.url);
  await view.open(path, viewName);
  return { view, problems };
}

/** The accessible names of the page's landmarks (regions, navigation, search, complementary). */
function landmarkNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'nav, aside, section[aria-label], section[aria-labelledby], [role="region"], [role="search"], [role="navigation"]';
    return [...document.querySelectorAll(selector)].map((el) => {
      const by = el.getAttribute('aria-labelledby');
      const named = by ? document.getElementById(by)?.textContent : el.getAttribute('aria-label');
      return `${el.getAttribute('role') ?? el.tagName.toLowerCase()}:${(named ?? '').trim()}`;
    });
  });
}

describe('a practice page', () => {
  it('shows England and Wales counts with the reason, names instead of codes, unique landmarks, no axe violations', async () => {
    const { view, problems } = await open('/practices/alley-gating', 'practice');
    const { page } = view;
    await page.waitForSelector('main svg.line-chart', { timeout: 20_000 });
    const main = await page.locator('main').innerText();
    expect(main).not.toContain('No data yet');
    // The text a reader reads, the charts' short end labels (drawn by client/charts) aside.
    const prose = await page.evaluate(() => {
      const copy = document.querySelector('main')!.cloneNode(true) as HTMLElement;
      for (const svg of copy.querySelectorAll('svg')) svg.remove();
      return copy.textContent ?? '';
    });
    expect(prose).not.toContain('UKC-L');
    expect(main).toContain('England and Wales');
    expect(await page.locator('main .notice', { hasText: 'no population figure' }).count()).toBeGreaterThan(0);
    const names = await landmarkNames(page);
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect(await view.seriousViolations()).toEqual([]);
    await view.screenshot('practice-england-wales-counts');
    expect(problems).toEqual([]);
    await page.close();
  });

  it("says why CrimeSolutions rates Kirkholt higher, and when the practice's review was due", async () => {
    const { view } = await open('/practices/kirkholt-burglary-prevention?lang=fr', 'practice');
    const { page } = view;
    await page.waitForSelector('main .external-comparison');
    expect(await page.locator('main .external-comparison').innerText()).toContain('SMS 3');
    expect(await page.locator('main .review-note').innerText()).toContain('1995');
    expect(await view.seriousViolations()).toEqual([]);
    await page.close();
  });
});

describe('the Practices view', () => {
  it('puts the facets behind a Filters button on a 390 px phone, with the first practice on the first screen', async () => {
    const { view, problems } = await open('/practices', 'practices', 390);
    const { page } = view;
    const toggle = page.locator('main button.filters-toggle');
    await expect(toggle.isVisible()).resolves.toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await expect(page.locator('main .facets').isVisible()).resolves.toBe(false);
    const firstCard = await page.locator('main .card').first().boundingBox();
    expect(firstCard!.y).toBeLessThan(844);
    expect(await view.fitsWidth()).toBe(true);
    expect(await view.seriousViolations()).toEqual([]);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await expect(page.locator('main .facets').isVisible()).resolves.toBe(true);
    expect(await view.seriousViolations()).toEqual([]);
    await view.screenshot('practices-390px-filters-open');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the facets without a button on a wide screen, with an offence facet that filters', async () => {
    const { view } = await open('/practices', 'practices');
    const { page } = view;
    await expect(page.locator('main button.filters-toggle').isVisible()).resolves.toBe(false);
    const offences = page.locator('main fieldset', { hasText: 'Offence or indicator' });
    const box = offences.locator('label').first();
    const count = Number(/\((\d+)\)\s*$/.exec(await box.innerText())![1]);
    await box.locator('input').check();
    await page.waitForURL(/f\.indicator=/);
    await view.ready('practices');
    await page.waitForFunction((n) => document.querySelectorAll('main .card').length === n, count);
    expect(await view.seriousViolations()).toEqual([]);
    await page.close();
  });

  it('finds Neighbourhood Watch with "burglaries" and with "burglary netherlands"', async () => {
    for (const q of ['burglaries', 'burglary netherlands']) {
      const { view } = await open(`/practices?q=${encodeURIComponent(q)}`, 'practices');
      await expect(view.page.locator('main .card h3', { hasText: 'Neighbourhood Watch' }).count()).resolves.toBe(1);
      await view.page.close();
    }
  });

  it('filtered to France, which has no practice, shows practices elsewhere that target the same problem', async () => {
    const { view } = await open('/practices?f.geo=FR', 'practices');
    const section = view.page.locator('main section.practices-elsewhere');
    await section.waitFor();
    expect(await section.locator('.card').count()).toBeGreaterThan(0);
    expect(await section.innerText()).toContain('France');
    expect(await view.seriousViolations()).toEqual([]);
    await view.page.close();
  });
});

describe("France's country profile", () => {
  it('points to practices elsewhere that target the offences France reports', async () => {
    const { view } = await open('/profile/FR?lang=de', 'profile');
    const section = view.page.locator('main section.practices-elsewhere');
    await section.waitFor();
    expect(await section.locator('.card').count()).toBeGreaterThan(0);
    expect(await section.locator('h3').innerText()).toBe('Praktiken anderswo, die dieses Problem angehen');
    expect(await view.seriousViolations()).toEqual([]);
    await view.page.close();
  });
});
