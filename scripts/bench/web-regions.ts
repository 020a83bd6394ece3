import type { BrowserContext } from 'playwright-core';
import { fetchTime, firstMapTime, median, repaintTime } from './web-measure';

/** The regional map's performance mark (client/views/explore/regions-view.ts). */
const REGION_MAP_PAINTED = 'observatory:region-map-painted';
const NUTS3_PATH = '/?f.level=3&indicator=ICCS0401&measure=rate';

/**
 * The NUTS 3 map of Europe (~1,500 regions, issue 19): first paint from a cold load (geometry and all
 * years' regional figures fetched), and the repaint after a year change (no fetch). Floors: fetching
 * the geometry and the figures the first paint needs, measured in the same page.
 */
export async function measureRegionMap(context: BrowserContext, url: string, runs: number): Promise<string[]> {
  const firsts: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(`${url}${NUTS3_PATH}`);
    firsts.push(await firstMapTime(page, REGION_MAP_PAINTED));
    const geometry = await page.evaluate(
      () => performance.getEntriesByType('resource').find((r) => r.name.includes('nuts-3'))?.name ?? '',
    );
    floors.push(
      (await fetchTime(page, geometry)) +
        (await fetchTime(page, '/api/observations?indicator=ICCS0401&measure=rate&level=3')),
    );
    await page.close();
  }
  const page = await context.newPage();
  await page.goto(`${url}${NUTS3_PATH}`);
  await firstMapTime(page, REGION_MAP_PAINTED);
  const regions = await page.locator('svg.choropleth path.geo').count();
  const repaints: number[] = [];
  const max = Number(await page.getAttribute('input[type="range"]', 'max'));
  for (let i = 0; i < runs; i++) {
    const value = String(max - (i % 3) - 1);
    repaints.push(
      await repaintTime(page, { selector: 'input[type="range"]', value, event: 'input' }, REGION_MAP_PAINTED),
    );
  }
  await page.close();
  const first = median(firsts);
  const floor = median(floors);
  const repaint = median(repaints);
  return [
    `NUTS 3 map of Europe (${regions} regions drawn): first paint median ${first.toFixed(0)} ms over ${runs} cold loads; floor (fetching its geometry and figures) ${floor.toFixed(0)} ms, ratio ${(first / Math.max(floor, 1)).toFixed(1)}`,
    `NUTS 3 repaint after year change: median ${repaint.toFixed(1)} ms (no fetch)`,
    `targets: NUTS 3 first paint <= 1500 ms ${first <= 1500 ? 'met' : 'MISSED'}, repaint <= 100 ms ${repaint <= 100 ? 'met' : 'MISSED'}`,
  ];
}
