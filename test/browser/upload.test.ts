import { readLatestCrimeCounts } from '../analytics/eurostat-files';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/http/actor';
import { readSharedData } from '../helpers/shared-data';
import { buildClient, launchBrowser, type RunningApp, type RunningBrowser, startApp, watchPage } from './harness';
import { UploadPage } from './pages/upload-page';

const NL_CONTACT: Actor = {
  kind: 'user',
  id: 21,
  email: 'cp-nl@example.eu',
  role: 'contact_point',
  geos: ['NL'],
  via: 'token',
};

/** The real published NL homicide counts for 2021 and 2022 from Eurostat's crim_off_cat file. */
/** NL's homicides as the seed publishes them: the 2022 TSV, revised by Eurostat's 2025 edition (2022: 142 → 143). */
function realNlHomicides(): { 2021: number; 2022: number } {
  const counts = readLatestCrimeCounts();
  return { 2021: counts.get('ICCS0101|NL|2021')!.value, 2022: counts.get('ICCS0101|NL|2022')!.value };
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

/** The upload view on one of the file's apps, in a new page whose problems are watched. */
async function uploadView(on: RunningApp): Promise<{ view: UploadPage; problems: string[] }> {
  const page = await browser.context.newPage();
  const problems = watchPage(page);
  return { view: await new UploadPage(page, on.url).openUpload(), problems };
}

describe('upload, in Chromium', () => {
  it('a contact point uploads a small real file, reads its report and diff, and commits it', async () => {
    const { view, problems } = await uploadView(contactApp);
    const { page } = view;
    const real = realNlHomicides();
    await view.chooseCountry('NL');

    const broken = `geo,indicator,period,value,flags,note\nNL,ICCS0101,2021,${real[2021]},,\nNL,ICCS9999,2021,5,,\nNL,ICCS0101,2020,abc,,\n`;
    await view.upload('nl-broken.csv', broken);
    expect(await page.locator('main p.error[role="status"]').textContent()).toContain('cannot be committed');
    expect(await view.commitButton().isDisabled()).toBe(true);
    const allRows = await view.reportRows().count();
    expect(allRows).toBeGreaterThanOrEqual(2);
    await view.showProblemsOfType('unknown-indicator');
    const filtered = view.reportRows();
    expect(await filtered.count()).toBe(1);
    expect(await filtered.first().locator('th').textContent()).toBe('3');
    expect(await view.seriousViolations()).toEqual([]);

    const correction = `geo,indicator,period,value,flags,note\nNL,ICCS0101,2021,${real[2021]},,\nNL,ICCS0101,2022,${real[2022] + 1},,correction from the national police\n`;
    await view.upload('nl-correction.csv', correction);
    expect(Number(await page.locator('progress').getAttribute('value'))).toBe(100);
    expect(await view.reportStatus().textContent()).toMatch(
      /The file is valid: 0 errors, 0 warnings; 2 rows read, 2 valid cells\. Read as canonical, .*comma-delimited/,
    );
    await expect(view.diffCards()).resolves.toEqual(
      expect.arrayContaining(['New cells: 0', 'Changed cells: 1', 'Unchanged cells: 1']),
    );
    const changed = await view.diffRow('Changed cells');
    expect(changed).toEqual(['NL', '2022', String(real[2022]), String(real[2022] + 1)]);
    await view.screenshot('upload-report');
    await view.commit();
    await page.waitForSelector('p.notice:has-text("Committed submission")');
    // Both cells become the contact point's own figures beside Eurostat's (the unchanged one too).
    expect(await page.locator('p.notice:has-text("Committed submission")').textContent()).toContain(
      '2 new revisions published',
    );

    const published = await page.evaluate(async () =>
      (await fetch('/api/observations?indicator=ICCS0101&geo=NL&from=2022&to=2022')).json(),
    );
    expect((published as { data: { value: number }[] }).data[0]!.value).toBe(real[2022] + 1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a contact point creates an import profile for a national export and uploads with it', async () => {
    const { view, problems } = await uploadView(contactApp);
    const real = realNlHomicides();
    await view.chooseCountry('NL');
    await view.createImportProfile({
      name: 'nl-politie-export',
      delimiter: ';',
      indicatorColumn: 'Misdrijf',
      periodColumn: 'Jaar',
      valueColumn: 'Aantal',
      codes: '1.1.1 Moord = ICCS0101 | Dutch police count; attempts are recorded separately',
    });
    expect(await view.chosenImportProfile()).toBe('nl-politie-export');

    await view.upload('nl-politie.csv', `Misdrijf;Jaar;Aantal\n1.1.1 Moord;2021;${real[2021]}\n`, 'drop');
    const roles = await view.columnRoles();
    expect(roles).toEqual(['indicator', 'period', 'value']);
    expect(await view.reportStatus().textContent()).toContain('The file is valid');
    await expect(view.diffCards()).resolves.toEqual(expect.arrayContaining(['Unchanged cells: 1']));
    expect(problems).toEqual([]);
    await view.close();
  });

  it('the public sees why it cannot upload: a clear sign-in message, not a failure', async () => {
    const { view } = await uploadView(publicApp);
    const { page } = view;
    expect(await page.locator('main p.notice').textContent()).toContain('Sign in as a national contact point');
    await view.giveFile('x.csv', 'geo,indicator,period,value\nNL,ICCS0101,2022,1\n');
    await view.send();
    await page.waitForSelector('main p.error[role="alert"]');
    expect(await page.locator('main p.error[role="alert"]').textContent()).toMatch(
      /refused: Sign in as a national contact point/,
    );
    await page.close();
  });
});
