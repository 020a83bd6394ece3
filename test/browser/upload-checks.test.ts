import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/http/actor';
import { sharedDataPath } from '../helpers/shared-data';
import { buildClient, launchBrowser, type RunningApp, type RunningBrowser, startApp, watchPage } from './harness';
import { UploadPage } from './pages/upload-page';
import { readFileSync } from 'node:fs';

const FR_CONTACT: Actor = {
  kind: 'user',
  id: 31,
  email: 'cp-fr@example.eu',
  role: 'contact_point',
  geos: ['FR'],
  via: 'token',
};

/** The profile: the World Bank homicide rate mapped onto ICCS0101, which the population file does not hold. */
const HOMICIDE_PROFILE = {
  name: 'fr-worldbank-homicide',
  geo: 'FR',
  shape: 'worldbank',
  geoCodes: 'iso3',
  otherGeos: 'skip',
  indicators: [{ code: 'VC.IHR.PSRC.P5', indicator: 'ICCS0101', comparability: 'World Bank intentional homicides' }],
};

let clientDir: string;
let app: RunningApp;
let browser: RunningBrowser;

beforeAll(async () => {
  clientDir = await buildClient();
  app = await startApp(clientDir, FR_CONTACT);
  const saved = await fetch(`${app.url}/api/import-profiles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(HOMICIDE_PROFILE),
  });
  expect(saved.status).toBe(201);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (clientDir) rmSync(clientDir, { recursive: true, force: true });
});

async function uploadView(): Promise<{ view: UploadPage; problems: string[] }> {
  const page = await browser.context.newPage();
  const problems = watchPage(page);
  return { view: await new UploadPage(page, app.url).openUpload(), problems };
}

describe('the upload page hides nothing, in Chromium', () => {
  it('a file that loads no cell: no green tick, the rows left out and why, Commit disabled with the reason', async () => {
    const { view, problems } = await uploadView();
    const { page } = view;
    await view.chooseCountry('FR');
    await page.getByLabel('Import profile').selectOption('fr-worldbank-homicide');
    const file = readFileSync(sharedDataPath('worldbank-population/API_SP.POP.TOTL_DS2_en_csv_v2_4473555.csv'), 'utf8');
    await view.upload('API_SP.POP.TOTL_DS2_en_csv_v2_4473555.csv', file);

    const verdict = view.reportStatus();
    expect(await verdict.getAttribute('class')).toBe('error');
    expect(await verdict.textContent()).not.toContain('✓');
    expect(await verdict.textContent()).toContain('266 rows read, 0 valid cells');
    const leftOut = await page.locator('section.left-out li').allTextContents();
    expect(leftOut).toEqual([
      '1 row with a national code the import profile does not map',
      "265 rows for another geo (another country's rows)",
    ]);
    expect(await view.commitButton().isDisabled()).toBe(true);
    const reasonId = await view.commitButton().getAttribute('aria-describedby');
    expect(await page.locator(`#${reasonId}`).textContent()).toBe(
      "Commit is disabled: the file loads no cell. 266 rows read; left out: 1 row with a national code the import profile does not map; 265 rows for another geo (another country's rows).",
    );
    expect(await view.seriousViolations()).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a change beyond threshold against published data: Commit waits for the box naming the cells, then publishes', async () => {
    const { view, problems } = await uploadView();
    const { page } = view;
    await view.chooseCountry('FR');
    // crim_off_cat publishes FR's 975 homicides for 2008; 2,100 is +115 %, beyond ICCS0101's 100 %.
    await view.upload('fr-homicides.csv', 'geo,indicator,period,value,flags,note\nFR,ICCS0101,2008,2100,,\n');
    expect(await view.reportStatus().textContent()).toContain('The file is valid');
    expect(await page.locator('section.left-out').textContent()).toContain('No row was left out');
    const button = view.commitButton();
    expect(await button.isDisabled()).toBe(true);
    const reasonId = await button.getAttribute('aria-describedby');
    expect(await page.locator(`#${reasonId}`).textContent()).toBe(
      'Commit is disabled until you confirm the change beyond threshold above.',
    );
    const confirmRow = await page.locator('fieldset.confirmation tbody tr').first().locator('td').allTextContents();
    expect(confirmRow).toEqual(['FR', '2008', '975', '2,100', '+115.4 %', '100 %']);
    const box = page.getByLabel(/I have checked this cell and confirm the change: ICCS0101 FR 2008\./);
    expect(await view.seriousViolations()).toEqual([]);
    await box.check();
    expect(await button.isDisabled()).toBe(false);
    expect(await button.getAttribute('aria-describedby')).toBeNull();
    await view.commit();
    await page.waitForSelector('p.notice:has-text("Committed submission")');
    const published = await page.evaluate(async () =>
      (await fetch('/api/observations?indicator=ICCS0101&geo=FR&from=2008&to=2008')).json(),
    );
    expect((published as { data: { value: number }[] }).data[0]!.value).toBe(2100);
    const audit = await app.db.db
      .selectFrom('audit_log')
      .select(['actor', 'detail'])
      .where('action', '=', 'submission.confirm-changes')
      .execute();
    expect(audit).toEqual([
      {
        actor: 'cp-fr@example.eu',
        detail: JSON.stringify({ count: 1, cells: [{ cell: 'ICCS0101/FR/2008', published: 975, value: 2100 }] }),
      },
    ]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
