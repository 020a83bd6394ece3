import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { firstMapTime, median } from './web-measure';

/** The embed page's performance mark (client/embed.ts). */
const EMBED_PAINTED = 'observatory:embed-painted';
const EMBED_PATH = '/embed/?year=2019';

/**
 * The embed route counts as a view (issue 20): its initial JS and CSS (gzip) and the time from
 * navigation to its chart painted, over cold loads. Floor: the same static page with no script as
 * the home view's, passed in from the same run.
 */
export async function measureEmbed(
  context: BrowserContext,
  url: string,
  runs: number,
  floor: number,
): Promise<string[]> {
  const times: number[] = [];
  let jsGz = 0;
  let cssGz = 0;
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const bodies: Promise<{ kind: string; gz: number }>[] = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type === 'script' || type === 'stylesheet')
        bodies.push(response.body().then((b) => ({ kind: type, gz: gzipSync(b, { level: 9 }).length })));
    });
    await page.goto(`${url}${EMBED_PATH}`);
    times.push(await firstMapTime(page, EMBED_PAINTED));
    const loaded = await Promise.all(bodies);
    jsGz = loaded.filter((l) => l.kind === 'script').reduce((s, l) => s + l.gz, 0);
    cssGz = loaded.filter((l) => l.kind === 'stylesheet').reduce((s, l) => s + l.gz, 0);
    await page.close();
  }
  const first = median(times);
  const jsKb = jsGz / 1024;
  return [
    `embed (${EMBED_PATH}): initial JS ${jsKb.toFixed(1)} KB gz, CSS ${(cssGz / 1024).toFixed(1)} KB gz; first chart median ${first.toFixed(0)} ms over ${runs} cold loads; floor (a page with no script) ${floor.toFixed(0)} ms, ratio ${(first / Math.max(floor, 1)).toFixed(1)}`,
    `targets: embed initial JS <= 150 KB gz ${jsKb <= 150 ? 'met' : 'MISSED'}, first chart <= 1500 ms ${first <= 1500 ? 'met' : 'MISSED'}`,
  ];
}
