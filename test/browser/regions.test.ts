import { describe, expect, it } from 'vitest';
import { useDashboardSite } from './harness';
import { RegionMapPage } from './pages/region-map-page';

/** The Explore map at NUTS levels 1–3 and its drill-down into a country (issue 19), in Chromium with axe. */
const site = useDashboardSite();

async function regionMap() {
  const { page, problems } = await site.newPage();
  return { map: new RegionMapPage(page, site.app.url), problems };
}

describe('the regional map', () => {
  for (const level of [1, 2, 3]) {
    it(`NUTS ${level}: draws Europe's regions, hatches those without data, passes axe`, async () => {
      const { map, problems } = await regionMap();
      await map.openLevel(level, 'indicator=ICCS0401&measure=rate&year=2019');
      const drawn = await map.regionsDrawn();
      expect(drawn).toBeGreaterThan(level === 1 ? 90 : level === 2 ? 250 : 1000);
      // France, the UK and North Macedonia are not in crim_gen_reg: their regions are hatched, not blank.
      const hatched = await map.regionsWithoutData();
      expect(hatched).toBeGreaterThan(0);
      expect(hatched).toBeLessThan(drawn);
      expect((await map.notices()).join(' ')).toContain('Eurostat’s published rates');
      expect(await map.seriousViolations()).toEqual([]);
      await map.screenshot(`explore-nuts-${level}`);
      expect(problems).toEqual([]);
      await map.close();
    });
  }

  it('repaints a year change to the same map a fresh load of that year draws', async () => {
    const { map, problems } = await regionMap();
    await map.openLevel(3, 'indicator=ICCS0401&measure=rate&year=2019');
    await map.page
      .locator('input[type="range"]')
      .fill(String(Number(await map.page.getAttribute('input[type="range"]', 'max')) - 3));
    await map.page.waitForSelector('.map-area[data-year="2018"]');
    const fills = () =>
      map.page.$$eval('svg.choropleth path.geo', (paths) =>
        paths.map((p) => `${p.getAttribute('data-geo')} ${p.getAttribute('fill')} ${p.getAttribute('aria-label')}`),
      );
    const legend = () => map.page.locator('svg.choropleth g.legend').innerHTML();
    const repainted = { fills: await fills(), legend: await legend() };
    await map.openLevel(3, 'indicator=ICCS0401&measure=rate&year=2018');
    expect(await fills()).toEqual(repainted.fills);
    expect(await legend()).toEqual(repainted.legend);
    expect(problems).toEqual([]);
    await map.close();
  });

  it('says a regional count map shows counts', async () => {
    const { map } = await regionMap();
    await map.openLevel(2, 'indicator=ICCS0401&measure=count&year=2019');
    expect((await map.notices()).join(' ')).toContain('Counts, not rates');
    await map.close();
  });

  it('drills from Europe into a country, and back; the table lists its regions at every step', async () => {
    const { map, problems } = await regionMap();
    await map.openMap('/?indicator=ICCS0401&year=2019');
    await map.chooseLevel('NUTS 2');
    await map.waitForLevel(2);
    await map.clickRegion('DE21');
    await map.page.waitForFunction(() => location.search.includes('f.within=DE'));
    await map.waitForLevel(2);
    const codes = await map.drawnCodes();
    expect(codes.every((c) => c.startsWith('DE'))).toBe(true);
    expect(codes).toHaveLength(38);
    await map.page.click('[role="tab"]:has-text("Table")');
    await map.page.waitForSelector('table caption');
    const rows = await map.page.locator('table tbody tr').allInnerTexts();
    expect(rows.some((r) => r.includes('Oberbayern (DE21)'))).toBe(true);
    expect(rows.some((r) => r.includes('DEZZ'))).toBe(true); // extra-regio: in the table, never drawn
    expect(codes).not.toContain('DEZZ');
    expect(await map.seriousViolations()).toEqual([]);
    await map.screenshot('explore-nuts-2-DE');
    await map.page.click('[role="tab"]:has-text("Chart")');
    // Within a country, a region opens its trend: Eurostat's published rates, one point a year.
    await map.clickRegion('DE21');
    await map.ready('trends');
    await map.page.waitForSelector('svg.line-chart g.series path.point', { timeout: 20_000 });
    expect(await map.page.locator('svg.line-chart g.series path.point').count()).toBeGreaterThanOrEqual(8);
    expect(await map.seriousViolations()).toEqual([]);
    await map.page.goBack();
    await map.waitForLevel(2);
    await map.page.click('a:has-text("Back to all of Europe")');
    await map.page.waitForFunction(() => !location.search.includes('f.within'));
    await map.waitForLevel(2);
    expect(await map.regionsDrawn()).toBeGreaterThan(250);
    expect(problems).toEqual([]);
    await map.close();
  });

  it("lists a country's regions in its profile, linked to the drilled map", async () => {
    const { page, problems } = await site.newPage();
    await page.goto(`${site.app.url}/profile/AT?indicator=ICCS0401&measure=rate`);
    await page.waitForSelector('section[aria-labelledby="profile-regions"] table tbody tr', { timeout: 20_000 });
    const rows = await page.locator('section[aria-labelledby="profile-regions"] table tbody tr').allInnerTexts();
    expect(rows.some((r) => r.includes('Wien (AT13)'))).toBe(true);
    await page.click('section[aria-labelledby="profile-regions"] a:has-text("Show on the map")');
    await page.waitForSelector('.map-area[data-level="2"] svg.choropleth', { timeout: 20_000 });
    expect(await page.locator('svg.choropleth path.geo').count()).toBe(9);
    expect(problems).toEqual([]);
    await page.close();
  });
});
