import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDashboardSite } from './harness';
import { DashboardPage } from './pages/dashboard-page';

/**
 * Issue 20, charts that explain themselves (docs/charts.md): a visible title on every chart; PNG,
 * SVG and CSV downloads that say what they are; an embed snippet and the embed route, which any
 * site may frame while every other page refuses to be framed.
 */
const site = useDashboardSite();

async function open(path: string, view: string, selector: string): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await site.newPage();
  await new DashboardPage(page, site.app.url).open(path, view);
  await page.waitForSelector(selector, { timeout: 15_000 });
  return { page, problems };
}

async function download(page: Page, label: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`button:has-text("${label}")`)]);
  const saved = await (file as Download).path();
  return { name: file.suggestedFilename(), text: readFileSync(saved!, label.endsWith('PNG') ? 'latin1' : 'utf8') };
}

const TRENDS = '/trends?indicator=ICCS0101&geo=DE,NL,PL&lang=en';

describe('every chart has a title: indicator, measure, geo or group, period', () => {
  it('Trends, Compare and the map', async () => {
    const cases = [
      [
        TRENDS,
        'trends',
        'svg.line-chart g.series',
        /^Intentional homicide, per 100,000 inhabitants: .*Germany.*, 20\d\d–20\d\d$/,
      ],
      [
        '/compare?year=2019&lang=en',
        'compare',
        'svg.bar-chart g.bar rect',
        /, per 100,000 inhabitants: EU member states, 2019$/,
      ],
      [
        '/?year=2019&lang=en',
        'explore',
        'svg.choropleth path.geo',
        /, per 100,000 inhabitants: European countries, 2019$/,
      ],
    ] as const;
    for (const [path, view, selector, title] of cases) {
      const { page, problems } = await open(path, view, selector);
      expect(await page.locator('.chart-panel h3.chart-title').first().textContent(), view).toMatch(title);
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});

describe('downloads say what they are', () => {
  it('the trend SVG and PNG carry title, unit, source, licence, data version and the view address', async () => {
    const { page } = await open(TRENDS, 'trends', 'svg.line-chart g.series');
    const svg = await download(page, 'Download SVG');
    expect(svg.name).toMatch(/^trend-ICCS0101-rate-20\d\d-20\d\d\.svg$/);
    expect(svg.text).toContain('class="export-title"');
    expect(svg.text).toMatch(/>Intentional homicide, per 100,000 inhabitants: /);
    expect(svg.text).toContain('Unit: per 100,000 inhabitants');
    expect(svg.text).toMatch(/Source: [^<]*Eurostat/);
    expect(svg.text).toContain('Licence: CC BY 4.0');
    expect(svg.text).toMatch(/Data version: [^<]*20\d\d/);
    expect(svg.text).toContain(`${site.app.url}/trends?indicator=ICCS0101`);
    const png = await download(page, 'Download PNG');
    expect(png.name).toMatch(/\.png$/);
    expect(png.text.slice(1, 4)).toBe('PNG');
    // The framed image is taller than the chart alone (header and footer): read from the PNG's IHDR.
    const height = Buffer.from(png.text, 'latin1').readUInt32BE(20);
    expect(height).toBeGreaterThan(2 * 380);
    await page.close();
  });

  it('the indexed trend CSV says "2015 = 100" and every row its indicator, unit, source and data version', async () => {
    const { page } = await open(`${TRENDS}&base=2015`, 'trends', 'svg.line-chart g.series');
    const csv = await download(page, 'Download CSV');
    expect(csv.name).toMatch(/^trend-ICCS0101-rate-20\d\d-20\d\d-index-2015\.csv$/);
    const [header, first] = csv.text.replace(/^\ufeff/, '').split('\r\n');
    expect(header).toContain('Value (index, 2015 = 100)');
    expect(header).toMatch(/,Indicator,Unit,Source,Licence,Data version$/);
    expect(first).toMatch(/,Intentional homicide,"index, 2015 = 100","[^"]*Eurostat[^"]*",CC BY 4\.0,20\d\d-/);
    await page.close();
  });

  it('the map CSV carries indicator, unit, year, source and data version, and its file name the year', async () => {
    const { page } = await open('/?year=2019&lang=en', 'explore', 'svg.choropleth path.geo');
    const csv = await download(page, 'Download CSV');
    expect(csv.name).toMatch(/^map-ICCS0101-rate-2019\.csv$/);
    const [header, first] = csv.text.replace(/^\ufeff/, '').split('\r\n');
    expect(header).toMatch(/^Country,.*,Indicator,Unit,Period,Source,Licence,Data version$/);
    expect(first).toMatch(/,Intentional homicide,"per 100,000 inhabitants",2019,/);
    const svg = await download(page, 'Download SVG');
    expect(svg.name).toBe('map-ICCS0101-rate-2019.svg');
    expect(svg.text).toContain('EuroGeographics');
    await page.close();
  });
});

describe('the embed', () => {
  it('each chart offers an <iframe> snippet of the embed route with its URL state', async () => {
    const { page } = await open(TRENDS, 'trends', 'svg.line-chart g.series');
    await page.click('summary:has-text("Embed this chart")');
    const snippet = await page.inputValue('textarea.embed-code');
    expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/trends\?geo=DE,NL,PL/);
    expect(snippet).toContain('title="Intentional homicide');
    await page.close();
  });

  it('the embed route shows only the chart, its title, source and a link back, and passes axe', async () => {
    const { page, problems } = await site.newPage();
    await new DashboardPage(page, site.app.url).open('/embed/trends?indicator=ICCS0101&geo=DE,NL,PL&lang=en', 'embed');
    expect(await page.locator('svg.line-chart g.series').count()).toBe(4);
    expect(await page.locator('h1').textContent()).toMatch(/^Intentional homicide, per 100,000 inhabitants: /);
    expect(await page.locator('p.source').textContent()).toMatch(/Eurostat.*Licence: CC BY 4\.0/);
    const back = page.locator('a', { hasText: 'Open this chart in the Crime Prevention Observatory' });
    expect(await back.getAttribute('href')).toBe(`${site.app.url}/trends?geo=DE,NL,PL&lang=en`);
    expect(await page.locator('nav, header, footer').count()).toBe(0);
    expect(await new DashboardPage(page, site.app.url).seriousViolations()).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('another site may frame the embed route, and only it: the dashboard itself refuses', {
    timeout: 60_000,
  }, async () => {
    const { page } = await site.newPage();
    const embed = `${site.app.url}/embed/compare?year=2019`;
    // Another origin (a second port) on the same machine: a page of a report that frames the charts.
    const report = `<!doctype html><title>A report</title><iframe id="ok" src="${embed}" width="700" height="600"></iframe><iframe id="no" src="${site.app.url}/compare?year=2019"></iframe>`;
    const other = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(report));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/report.html`);
    const framed = page.frameLocator('#ok');
    await framed.locator('svg.bar-chart g.bar rect').first().waitFor({ timeout: 15_000 });
    expect(await framed.locator('svg.bar-chart g.bar rect').count()).toBeGreaterThan(20);
    await page.waitForTimeout(1000);
    // The dashboard's own page is refused (frame-ancestors 'none'): the frame holds Chromium's error page.
    expect(await page.frameLocator('#no').locator('main').count()).toBe(0);
    const headers = async (path: string) => (await fetch(`${site.app.url}${path}`)).headers;
    const embedHeaders = await headers('/embed/trends?geo=NL');
    expect(embedHeaders.get('content-security-policy')).toContain('frame-ancestors *');
    expect(embedHeaders.get('x-frame-options')).toBeNull();
    for (const path of ['/trends', '/', '/embed.html', '/api/indicators']) {
      const refused = await headers(path);
      expect(refused.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    }
    await page.close();
    other.closeAllConnections();
    await new Promise((resolve) => other.close(resolve));
  });
});
