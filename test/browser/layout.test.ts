import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addPeople, signInAs } from './accounts-fixture';
import { screenshot, useDashboardSite } from './harness';
import {
  axeLayoutViolations,
  chartPlace,
  landmarkProblems,
  landmarks,
  levelOneHeadings,
  pageWidth,
  smallestLegendText,
} from './layout-checks';
import { DashboardPage } from './pages/dashboard-page';
import { UploadPage } from './pages/upload-page';
import { type ViewRoute, VIEW_ROUTES, waitForViewData } from './view-routes';
import { readSharedData } from '../helpers/shared-data';

/**
 * Layout and accessibility over every view of the URL state (docs/architecture.md): one h1; landmarks
 * with unique names (axe's landmark-unique and our own reading); no sideways scrolling at 360 px;
 * legend text of at least 12 px at every width; and in the chart views the chart first: above the fold
 * at 1366×900, with the controls beside it, and on a phone on the first screen with the controls
 * folded behind "Options". One page load per view per width; soft expectations, so a view's report
 * lists every defect it has, not only the first.
 */
const site = useDashboardSite(addPeople);

const WIDE = { width: 1366, height: 900 };
const PHONE = { width: 360, height: 740 };
/** The smallest legend text on screen, CSS px. */
const LEGEND_TEXT = 12;
/** At 1366×900 a chart starts in the top third of the screen, below the header, the h1 and its introduction. */
const CHART_TOP = 300;

async function openAt(page: Page, route: ViewRoute, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await new DashboardPage(page, site.app.url).open(route.path, route.view);
  await waitForViewData(page, route);
  // Answers still arriving (a session, a second list) settle before the layout is read.
  await page.waitForLoadState('networkidle');
}

/** One h1, landmarks that a screen reader can tell apart, and legend text a reader can read. */
async function expectHeadingsAndLandmarks(page: Page, at: string): Promise<void> {
  const headings = await levelOneHeadings(page);
  expect.soft(headings, `${at}: one h1`).toHaveLength(1);
  expect.soft(headings[0], `${at}: the h1 says something`).not.toBe('');
  expect.soft(await axeLayoutViolations(page), `${at}: axe`).toEqual([]);
  expect.soft(landmarkProblems(await landmarks(page)), `${at}: landmark names`).toEqual([]);
  const legend = await smallestLegendText(page);
  if (legend !== null) expect.soft(legend, `${at}: legend text, px`).toBeGreaterThanOrEqual(LEGEND_TEXT - 0.01);
}

/** The options of a chart view: a side column on a wide screen; folded behind "Options" on a phone. */
async function expectOptions(page: Page, phone: boolean, at: string): Promise<void> {
  const toggle = page.locator('main button.controls-toggle');
  const indicator = page.locator('main select[name="indicator"]');
  if (!phone) {
    expect.soft(await toggle.isVisible(), `${at}: no Options button`).toBe(false);
    expect.soft(await indicator.isVisible(), `${at}: the controls are shown`).toBe(true);
    return;
  }
  expect(await toggle.count(), `${at}: an Options button`).toBe(1);
  expect.soft(await toggle.getAttribute('aria-expanded'), `${at}: Options closed`).toBe('false');
  expect.soft(await toggle.textContent()).toBe('Options');
  expect.soft(await indicator.isVisible(), `${at}: the controls are folded`).toBe(false);
  await toggle.click();
  expect.soft(await toggle.getAttribute('aria-expanded')).toBe('true');
  expect.soft(await indicator.isVisible(), `${at}: Options shows the controls`).toBe(true);
  expect.soft(await pageWidth(page), `${at}: the open controls fit`).toBeLessThanOrEqual(PHONE.width);
}

async function expectChartFirst(page: Page, route: ViewRoute, phone: boolean, at: string): Promise<void> {
  const place = await chartPlace(page);
  expect(place, `${at}: a chart`).not.toBeNull();
  if (phone) {
    // On a phone the chart starts on the first screen, under the folded controls.
    expect.soft(place!.top, `${at}: chart top, px`).toBeLessThan(PHONE.height);
    return;
  }
  expect.soft(place!.top, `${at}: chart top, px`).toBeLessThanOrEqual(CHART_TOP);
  if (place!.legendBottom !== null)
    expect.soft(place!.legendBottom, `${at}: legend bottom, px`).toBeLessThanOrEqual(WIDE.height);
  if (route.fold === 'whole') expect.soft(place!.bottom, `${at}: chart bottom, px`).toBeLessThanOrEqual(WIDE.height);
}

describe('layout and accessibility of every view, at 1366×900 and at 360 px', () => {
  for (const route of VIEW_ROUTES) {
    it(`${route.name} (${route.path})`, async () => {
      const { page, problems } = await site.freshPage();
      if (route.secretariat) await signInAs(page, site.app.url, 'secretariat@example.eu', 'users');
      for (const [size, phone] of [
        [WIDE, false],
        [PHONE, true],
      ] as const) {
        const at = `${route.name} at ${size.width} px`;
        await openAt(page, route, size);
        if (phone) expect.soft(await pageWidth(page), `${at}: page width, px`).toBeLessThanOrEqual(PHONE.width);
        await expectHeadingsAndLandmarks(page, at);
        if (route.fold) {
          await expectChartFirst(page, route, phone, at);
          await expectOptions(page, phone, at);
        }
        if (route.fold) await screenshot(page, `layout-${route.name}-${size.width}`);
      }
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it('upload at 360 px: the mapping preview, a report with errors and a diff fit the screen', async () => {
    const { page, problems } = await site.freshPage();
    await signInAs(page, site.app.url, 'cp-nl@example.eu', 'my-country');
    await page.setViewportSize(PHONE);
    const view = await new UploadPage(page, site.app.url).openUpload('/upload?geo=NL');
    // The real published NL homicide counts (Eurostat crim_off_cat), 2021 and 2022.
    const cells = readSharedData('eurostat-crim_off_cat/estat_crim_off_cat.tsv')
      .split('\n')
      .find((line) => line.startsWith('A,ICCS0101,NR,NL\t'))!
      .split('\t')
      .slice(1)
      .map((cell) => Number.parseFloat(cell));
    const header = 'geo,indicator,period,value,flags,note';
    await view.upload(
      'nl-broken.csv',
      `${header}\nNL,ICCS0101,2021,${cells[13]},,\nNL,ICCS9999,2021,5,,\nNL,ICCS0101,2020,abc,,\n`,
    );
    expect.soft(await view.reportRows().count()).toBeGreaterThanOrEqual(2);
    expect.soft(await pageWidth(page), 'with a report of errors, px').toBeLessThanOrEqual(PHONE.width);
    await view.upload(
      'nl-correction.csv',
      `${header}\nNL,ICCS0101,2022,${cells[14]! + 1},,correction from the police\n`,
    );
    // What the diff counts depends on the cell's sources; here only that it is shown, and fits.
    expect.soft((await view.diffCards()).length).toBeGreaterThan(0);
    expect.soft(await pageWidth(page), 'with a diff, px').toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'layout-upload-report-360');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the API reference (/api/docs): one h1, named landmarks, and no sideways scrolling at 360 px', async () => {
    const { page } = await site.freshPage();
    for (const size of [WIDE, PHONE]) {
      await page.setViewportSize(size);
      await page.goto(`${site.app.url}/api/docs`);
      const at = `/api/docs at ${size.width} px`;
      expect.soft(await levelOneHeadings(page), at).toHaveLength(1);
      expect.soft(await axeLayoutViolations(page), `${at}: axe`).toEqual([]);
      expect.soft(landmarkProblems(await landmarks(page)), `${at}: landmark names`).toEqual([]);
      expect.soft(await pageWidth(page), `${at}: page width, px`).toBeLessThanOrEqual(size.width);
    }
    await page.close();
  });
});
