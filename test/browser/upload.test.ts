import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Actor } from '../../server/http/actor';
import { readSharedData } from '../helpers/shared-data';
import { buildClient, launchBrowser, type RunningApp, type RunningBrowser, screenshot, seriousViolations, startApp, watchPage } from './harness';

const NL_CONTACT: Actor = { kind: 'user', id: 21, email: 'cp-nl@example.eu', role: 'contact_point', geos: ['NL'], via: 'token' };

/** The real published NL homicide counts for 2021 and 2022 from Eurostat's crim_off_cat file. */
function realNlHomicides(): { 2021: number; 2022: number } {
  const line = readSharedData('eurostat-crim_off_cat/estat_crim_off_cat.tsv').split('\n').find((l) => l.startsWith('A,ICCS0101,NR,NL\t'))!;
  const cells = line.split('\t').slice(1).map((c) => Number.parseFloat(c));
  return { 2021: cells[13]!, 2022: cells[14]! };
}

let clientDir: string;
let contactApp: RunningApp;
let publicApp: RunningApp;
let browser: RunningBrowser;

beforeAll(async () => {
  clientDir = await buildClient();
  [contactApp, publicApp] = await Promise.all([startApp(clientDir, NL_CONTACT), startApp(clientDir)]);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([contactApp?.close(), publicApp?.close()]);
  if (clientDir) rmSync(clientDir, { recursive: true, force: true });
});

/** Drops a file on the drop zone, as a drag and drop from the desktop does. */
async function dropFile(page: Page, name: string, content: string): Promise<void> {
  await page.evaluate(({ fileName, text }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], fileName, { type: 'text/csv' }));
    document.querySelector('.drop-zone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, { fileName: name, text: content });
}

async function uploadFile(page: Page, name: string, content: string, how: 'choose' | 'drop' = 'choose'): Promise<void> {
  if (how === 'drop') await dropFile(page, name, content);
  else await page.setInputFiles('.drop-zone input[type="file"]', { name, mimeType: 'text/csv', buffer: Buffer.from(content) });
  await page.waitForSelector('caption:has-text("Column mapping preview")');
  await page.click('button:has-text("Upload and validate")');
  await page.waitForSelector('#report-heading', { timeout: 15_000 });
}

describe('upload, in Chromium', () => {
  it('a contact point uploads a small real file, reads its report and diff, and commits it', async () => {
    const page = await browser.context.newPage();
    const problems = watchPage(page);
    const real = realNlHomicides();
    await page.goto(`${contactApp.url}/upload`);
    await page.waitForSelector('main[data-view="upload"]:not([aria-busy])');
    await page.getByLabel('Country').selectOption('NL');

    const broken = `geo,indicator,period,value,flags,note\nNL,ICCS0101,2021,${real[2021]},,\nNL,ICCS9999,2021,5,,\nNL,ICCS0101,2020,abc,,\n`;
    await uploadFile(page, 'nl-broken.csv', broken);
    expect(await page.locator('main p.error[role="status"]').textContent()).toContain('cannot be committed');
    expect(await page.locator('button:has-text("Commit")').isDisabled()).toBe(true);
    const allRows = await page.locator('section[aria-labelledby="report-heading"] tbody tr').count();
    expect(allRows).toBeGreaterThanOrEqual(2);
    await page.getByLabel('Show problems of type').selectOption('unknown-indicator');
    const filtered = page.locator('section[aria-labelledby="report-heading"] tbody tr');
    expect(await filtered.count()).toBe(1);
    expect(await filtered.first().locator('th').textContent()).toBe('3');
    expect(await seriousViolations(page)).toEqual([]);

    const correction = `geo,indicator,period,value,flags,note\nNL,ICCS0101,2021,${real[2021]},,\nNL,ICCS0101,2022,${real[2022] + 1},,correction from the national police\n`;
    await uploadFile(page, 'nl-correction.csv', correction);
    expect(Number(await page.locator('progress').getAttribute('value'))).toBe(100);
    expect(await page.locator('section[aria-labelledby="report-heading"] p[role="status"]').textContent()).toMatch(/The file is valid: 0 errors, 0 warnings; 2 rows read, 2 valid cells\. Read as canonical, .*comma-delimited/);
    await expect(page.locator('main li.card').allTextContents()).resolves.toEqual(expect.arrayContaining(['New cells: 0', 'Changed cells: 1', 'Unchanged cells: 1']));
    const changed = await page.locator('table:has(caption:has-text("Changed cells")) tbody tr').first().locator('td').allTextContents();
    expect(changed).toEqual(['NL', '2022', String(real[2022]), String(real[2022] + 1)]);
    await screenshot(page, 'upload-report');
    await page.click('button:has-text("Commit")');
    await page.waitForSelector('p.notice:has-text("Committed submission")');
    expect(await page.locator('p.notice:has-text("Committed submission")').textContent()).toContain('1 new revision published');

    const published = await page.evaluate(async () => (await fetch('/api/observations?indicator=ICCS0101&geo=NL&from=2022&to=2022')).json());
    expect((published as { data: { value: number }[] }).data[0]!.value).toBe(real[2022] + 1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a contact point creates an import profile for a national export and uploads with it', async () => {
    const page = await browser.context.newPage();
    const problems = watchPage(page);
    const real = realNlHomicides();
    await page.goto(`${contactApp.url}/upload`);
    await page.waitForSelector('main[data-view="upload"]:not([aria-busy])');
    await page.getByLabel('Country').selectOption('NL');
    await page.click('summary:has-text("Create an import profile")');
    await page.getByLabel('Profile name').fill('nl-politie-export');
    await page.getByLabel('Delimiter').selectOption(';');
    await page.getByLabel('Column holding the indicator').fill('Misdrijf');
    await page.getByLabel('Column holding the period').fill('Jaar');
    await page.getByLabel('Column holding the value').fill('Aantal');
    await page.getByLabel('National codes').fill('1.1.1 Moord = ICCS0101 | Dutch police count; attempts are recorded separately');
    await page.click('button:has-text("Save the profile")');
    await page.waitForSelector('p.notice:has-text("Saved the profile")');
    expect(await page.getByLabel('Import profile').inputValue()).toBe('nl-politie-export');

    await uploadFile(page, 'nl-politie.csv', `Misdrijf;Jaar;Aantal\n1.1.1 Moord;2021;${real[2021]}\n`, 'drop');
    const roles = await page.locator('table:has(caption:has-text("Column mapping preview")) thead tr').nth(1).locator('td').allTextContents();
    expect(roles).toEqual(['indicator', 'period', 'value']);
    expect(await page.locator('section[aria-labelledby="report-heading"] p[role="status"]').textContent()).toContain('The file is valid');
    await expect(page.locator('main li.card').allTextContents()).resolves.toEqual(expect.arrayContaining(['Unchanged cells: 1']));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the public sees why it cannot upload: a clear sign-in message, not a failure', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${publicApp.url}/upload`);
    await page.waitForSelector('main[data-view="upload"]:not([aria-busy])');
    expect(await page.locator('main p.notice').textContent()).toContain('Sign in as a national contact point');
    await page.setInputFiles('.drop-zone input[type="file"]', { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('geo,indicator,period,value\nNL,ICCS0101,2022,1\n') });
    await page.click('button:has-text("Upload and validate")');
    await page.waitForSelector('main p.error[role="alert"]');
    expect(await page.locator('main p.error[role="alert"]').textContent()).toMatch(/refused: Sign in as a national contact point/);
    await page.close();
  });
});
