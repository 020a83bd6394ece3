/**
 * npm run bench:web — builds the dashboard, serves it on a seeded temporary database, and measures
 * in headless Chromium: the initial JS and CSS (gzip), the time from navigation to the first map
 * painted, and the repaint time after changing the indicator and the year. Floors measured in the
 * same run: loading a static page with no script, and fetching the data a repaint needs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { openSqlite } from '../../server/db/connect';
import { initialiseDatabase } from '../../server/app/startup';
import { createApp } from '../../server/app/compose';
import { fetchTime, firstMapTime, median, repaintTime } from './web-measure';
import { measureRegionMap } from './web-regions';
import { measureEmbed } from './web-embed';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

async function serve() {
  const work = mkdtempSync(path.join(tmpdir(), 'observatory-bench-web-'));
  const clientDir = path.join(work, 'client');
  await build({
    configFile: path.join(ROOT, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir: clientDir, emptyOutDir: true, sourcemap: false },
  });
  const open = openSqlite(path.join(work, 'bench.sqlite'));
  await initialiseDatabase(open.db);
  const app = createApp({ db: open.db, clientDir });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await open.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Loads the home view in a fresh page with the cache off; returns the gzip size of the JS and CSS it loaded and the first-map time. */
async function coldLoad(page: Page, url: string): Promise<{ jsGz: number; cssGz: number; firstMap: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const bodies: Promise<{ kind: string; gz: number }>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type === 'script' || type === 'stylesheet')
      bodies.push(response.body().then((b) => ({ kind: type, gz: gzipSync(b, { level: 9 }).length })));
  });
  await page.goto(`${url}/`);
  const firstMap = await firstMapTime(page);
  const loaded = await Promise.all(bodies);
  const sum = (kind: string) => loaded.filter((l) => l.kind === kind).reduce((s, l) => s + l.gz, 0);
  return { jsGz: sum('script'), cssGz: sum('stylesheet'), firstMap };
}

async function main(): Promise<void> {
  const server = await serve();
  const profile = mkdtempSync(path.join(tmpdir(), 'observatory-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  try {
    const loads = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await context.newPage();
      loads.push(await coldLoad(page, server.url));
      await page.close();
    }
    const floorPage = await context.newPage();
    const floors = [];
    for (let i = 0; i < RUNS; i++) {
      await floorPage.goto(`${server.url}/api/health`);
      floors.push(
        await floorPage.evaluate(
          () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
        ),
      );
    }
    await floorPage.close();

    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await firstMapTime(page);
    // Each repaint shows an indicator not seen before, so the dashboard cannot answer from memory.
    const catalogue = (await (await fetch(`${server.url}/api/indicators`)).json()) as {
      data: { code: string; source: string | null }[];
    };
    const initial = await page.inputValue('select[name="indicator"]');
    const candidates = catalogue.data
      .filter((i) => i.source && i.code !== initial && i.code !== 'POP_JAN')
      .map((i) => i.code);
    const held = (await (
      await fetch(`${server.url}/api/observations?indicator=${candidates.join(',')}&from=2019&to=2019`)
    ).json()) as { data: { indicator: string }[] };
    const withData = new Set(held.data.map((o) => o.indicator));
    const INDICATORS = candidates.filter((code) => withData.has(code));
    if (INDICATORS.length < RUNS + 1)
      throw new Error(`Need ${RUNS + 1} indicators with data for ${RUNS} runs; found ${INDICATORS.length}.`);
    const indicatorRepaints: number[] = [];
    const yearRepaints: number[] = [];
    const fetches: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      indicatorRepaints.push(
        await repaintTime(page, { selector: 'select[name="indicator"]', value: INDICATORS[i]!, event: 'change' }),
      );
      const max = await page.getAttribute('input[type="range"]', 'max');
      yearRepaints.push(
        await repaintTime(page, {
          selector: 'input[type="range"]',
          value: String(Number(max) - (i % 3) - 1),
          event: 'input',
        }),
      );
      fetches.push(
        await fetchTime(
          page,
          `/api/observations?indicator=${INDICATORS[INDICATORS.length - 1 - i]}&measure=rate&level=0`,
        ),
      );
    }
    await page.close();
    const regional = await measureRegionMap(context, server.url, RUNS);
    const embed = await measureEmbed(context, server.url, RUNS, median(floors));

    const jsKb = loads[0]!.jsGz / 1024;
    const cssKb = loads[0]!.cssGz / 1024;
    const firstMap = median(loads.map((l) => l.firstMap));
    const floorLoad = median(floors);
    const indicatorMs = median(indicatorRepaints);
    const yearMs = median(yearRepaints);
    const fetchMs = median(fetches);
    const repaint = Math.max(indicatorMs, yearMs);
    console.log(
      `initial JS ${jsKb.toFixed(1)} KB gz, CSS ${cssKb.toFixed(1)} KB gz (gzip -9 of every script and stylesheet the home view loads)`,
    );
    console.log(
      `first map: median ${firstMap.toFixed(0)} ms over ${RUNS} cold loads; floor (a page with no script) ${floorLoad.toFixed(0)} ms, ratio ${(firstMap / Math.max(floorLoad, 1)).toFixed(1)}`,
    );
    console.log(
      `repaint after indicator change: median ${indicatorMs.toFixed(1)} ms; floor (fetching its data) ${fetchMs.toFixed(1)} ms, ratio ${(indicatorMs / Math.max(fetchMs, 0.1)).toFixed(1)}`,
    );
    console.log(`repaint after year change: median ${yearMs.toFixed(1)} ms (no fetch)`);
    console.log(
      `targets: initial JS <= 150 KB gz ${jsKb <= 150 ? 'met' : 'MISSED'}, first map <= 1500 ms ${firstMap <= 1500 ? 'met' : 'MISSED'}, repaint <= 100 ms ${repaint <= 100 ? 'met' : 'MISSED'}`,
    );
    for (const line of regional) console.log(line);
    for (const line of embed) console.log(line);
    console.log(
      `web: initial JS ${jsKb.toFixed(1)} KB gz, first map ${firstMap.toFixed(0)} ms, repaint ${repaint.toFixed(0)} ms`,
    );
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
}

await main();
