import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import type { Actor } from '../../server/http/actor';
import {
  launchBrowser,
  type RunningApp,
  type RunningBrowser,
  screenshot,
  seriousViolations,
  startApp,
  watchPage,
} from '../browser/harness';
import { readLatestCrimeCounts } from '../analytics/eurostat-files';
import { actionBody, kpiBody, oapBody } from './fixture';
import request from 'supertest';
import { testApp } from '../helpers/context';

const SECRETARIAT: Actor = {
  kind: 'user',
  id: 0,
  email: 'secretariat@eucpn.eu',
  role: 'secretariat',
  geos: [],
  via: 'session',
};

let server: RunningApp;
let browser: RunningBrowser;
let priorityId: number;

async function send(method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const answer = await res.json();
  expect(res.status, `${method} ${path}: ${JSON.stringify(answer)}`).toBe(200);
  return answer;
}

async function pdfText(path: string): Promise<{ pages: number; text: string; disposition: string | null }> {
  const res = await fetch(`${server.url}${path}`);
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const pdf = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  return { pages: totalPages, text: text.replace(/\s+/g, ' '), disposition: res.headers.get('content-disposition') };
}

beforeAll(async () => {
  server = await startApp('/nonexistent', SECRETARIAT);
  const cycles = await send('GET', '/api/empact/cycles');
  priorityId = cycles.cycles[1].priorities.find((p: { code: string }) => p.code === 'drug_trafficking').id;
  const oap = (await send('POST', '/api/empact/oaps', oapBody(priorityId))).id;
  const action = (await send('POST', `/api/empact/oaps/${oap}/actions`, actionBody('OA 3.1', 7))).id;
  const kpi = (await send('POST', '/api/empact/kpis', kpiBody(action))).id;
  await send('POST', `/api/empact/kpis/${kpi}/reports`, {
    period: '2026',
    value: 62,
    narrative: 'Survey of contact points',
  });
  await send('POST', `/api/empact/oaps/${oap}/actions`, {
    ...actionBody('OA 3.2', 9, 'restricted'),
    title: 'Confidential joint action day',
  });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the factsheet', () => {
  it('prints the published EMPACT 2023 results as HTML that passes axe, under its own strict policy', async () => {
    const page = await browser.context.newPage();
    const problems = watchPage(page);
    const res = await page.goto(`${server.url}/api/empact/factsheet?cycle=2022-2025&year=2023`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("default-src 'none'");
    const text = await page.locator('main').textContent();
    expect(text).toContain('13,871 persons');
    expect(text).toContain('over €797 million');
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'empact-factsheet-2023');
    await page.close();
  });

  it("is written in the reader's language, with its numbers, and passes axe in German", async () => {
    const french = await (await fetch(`${server.url}/api/empact/factsheet?cycle=2022-2025&year=2023&lang=fr`)).text();
    expect(french).toContain('<html lang="fr">');
    expect(french).toContain('<h2 id="results">Résultats publiés</h2>');
    expect(french).toContain(`${new Intl.NumberFormat('fr').format(13871)} persons`);
    expect(french).toContain('plus de 797 millions d&#39;euros');
    expect(french).not.toContain('Published results');
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/api/empact/factsheet?cycle=2026-2029&priority=${priorityId}&lang=de`);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    const kpis = await page.locator('section[aria-labelledby="kpis"]').textContent();
    expect(kpis).toContain('Fortschritt der KPIs');
    expect(kpis).toContain('Ausgangswert');
    expect(kpis).toMatch(/Auf Kurs|Gefährdet|Nicht auf Kurs|Nicht gemeldet/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('is a PDF download with pages whose text holds the published figures', async () => {
    const pdf = await pdfText('/api/empact/factsheet.pdf?cycle=2022-2025&year=2023');
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    expect(pdf.disposition).toBe('attachment; filename=empact-factsheet-2022-2025-2023.pdf');
    expect(pdf.text).toContain('13,871');
    expect(pdf.text).toContain('€797 million');
    expect(pdf.text).toContain('EMPACT 2022–2025');
  }, 60_000);

  it("shows a priority's public KPI progress and actions, never a restricted one, and passes axe", async () => {
    const pdf = await pdfText(`/api/empact/factsheet.pdf?cycle=2026-2029&priority=${priorityId}`);
    expect(pdf.text).toContain('Municipalities applying the administrative approach');
    expect(pdf.text).toContain('OA 3.1');
    expect(pdf.text).toMatch(/62 \(2026\)/);
    expect(pdf.text).toContain('Drug offences (ICCS0601)');
    expect(pdf.text).not.toContain('Confidential joint action day');
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/api/empact/factsheet?cycle=2026-2029&priority=${priorityId}&geo=NL`);
    expect(await page.locator('h1').textContent()).toBe('EMPACT 2026–2029 · Drug trafficking · Netherlands');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'empact-factsheet-priority');
    await page.close();
  }, 60_000);

  it("prints a country's latest figure of the priority's indicator, as Eurostat published it", async () => {
    // The 2022 TSV, revised and extended (2023) by Eurostat's 2025 edition, as the seed loads them.
    const counts = readLatestCrimeCounts();
    const year = Math.max(
      ...[...counts.keys()].filter((k) => k.startsWith('ICCS0601|NL|')).map((k) => Number(k.split('|')[2])),
    );
    const last = { year: String(year), value: String(counts.get(`ICCS0601|NL|${year}`)!.value) };
    const page = await browser.context.newPage();
    // Blank fields of the dashboard's plain GET form mean "not chosen".
    await page.goto(`${server.url}/api/empact/factsheet?cycle=2026-2029&priority=${priorityId}&year=&geo=nl`);
    const cell = page.locator('tr', { hasText: 'Drug offences (ICCS0601)' }).locator('td').last();
    expect(await cell.textContent()).toBe(
      `${new Intl.NumberFormat('en-GB').format(Number(last.value))} (${last.year})`,
    );
    await page.close();
  });

  it('answers a clear 503 for the PDF when Chromium is not installed, while the HTML stays available', async () => {
    const app = testApp(server.db.db, {
      config: { CHROMIUM_PATH: '/nonexistent/chromium' },
      resolveActor: () => SECRETARIAT,
    });
    const pdf = await request(app).get('/api/empact/factsheet.pdf?cycle=2022-2025');
    expect(pdf.status).toBe(503);
    expect(pdf.body.error.code).toBe('pdf-unavailable');
    expect(pdf.body.error.message).toContain('Chromium, which is not installed at /nonexistent/chromium');
    expect((await request(app).get('/api/empact/factsheet?cycle=2022-2025')).status).toBe(200);
  });
});
