import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/http/actor';
import { readSharedData } from '../helpers/shared-data';
import { ITALY_FILES, ITALY_MAPPINGS, provinceSums } from '../national/italy-profile';
import { buildClient, launchBrowser, type RunningApp, type RunningBrowser, startApp, watchPage } from './harness';
import { chooseOwnCorrespondence, correspondenceSection, fillNationalFields } from './pages/national-profile-form';
import { UploadPage } from './pages/upload-page';

/**
 * Issue 19, item 9 in Chromium: an Italian contact point makes one profile in the upload view's form for
 * the Interior Ministry's provincial tables and loads 2018 and 2019 with it; the national figures the
 * observatory derives equal the sums of the provinces in the real files.
 */
const IT_CONTACT: Actor = {
  kind: 'user',
  id: 31,
  email: 'cp-it@example.eu',
  role: 'contact_point',
  geos: ['IT'],
  via: 'token',
};

let clientDir: string;
let app: RunningApp;
let browser: RunningBrowser;

beforeAll(async () => {
  clientDir = await buildClient();
  app = await startApp(clientDir, IT_CONTACT);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (clientDir) rmSync(clientDir, { recursive: true, force: true });
});

describe('the Italian ministry files, through a profile made in the form', () => {
  it('makes the profile, loads 2018 and 2019, and stores national sums equal to the provinces', async () => {
    const page = await browser.context.newPage();
    const problems = watchPage(page);
    const view = await new UploadPage(page, app.url).openUpload();
    await view.chooseCountry('IT');
    await page.click('summary:has-text("Create an import profile")');
    await view.profileControl('Profile name').fill('it-interno-delitti');
    await view.profileControl('Delimiter').selectOption(';');
    await view.profileControl('Encoding').selectOption('windows-1252');
    await view.profileControl('Column holding the indicator').fill('REATO | Reato');
    await view.profileControl('Column holding the period').fill('ANNO');
    await view.profileControl('Column holding the value').fill('TOT DELITTI COMMESSI | Totale Delitti commesi');
    await fillNationalFields(page, {
      geoColumn: 'Provincia',
      geoHolds: 'name',
      correspondence: 'it-provinces-nuts3',
      nameLevel: '3',
      decimal: ',',
      thousands: '.',
      sumParts: true,
      nationalFrom: '3',
    });
    const refused = await chooseOwnCorrespondence(page, 'Nizza,FRL03\n');
    expect(refused).toContain('1 problem');
    expect(await correspondenceSection(page).locator('li').textContent()).toContain(
      'a geo of FR, but this profile is for IT',
    );
    expect(await chooseOwnCorrespondence(page, 'Provincia di Forlì-Cesena,ITH58\n')).toContain('1 line');
    for (const m of ITALY_MAPPINGS)
      await view.addMapping(m.code, m.indicator, 'Delitti denunciati (Ministero dell’Interno)');
    expect(await view.seriousViolations()).toEqual([]);
    await page.click('button:has-text("Save the profile")');
    await page.waitForSelector('p.notice:has-text("Saved the profile")');
    // The notice comes before the view reloads the profile list and chooses the new one.
    await expect.poll(() => view.chosenImportProfile(), { timeout: 15_000 }).toBe('it-interno-delitti');

    for (const year of [2018, 2019] as const) {
      const bytes = Buffer.from(readSharedData(ITALY_FILES[year], 'latin1'), 'latin1');
      await page.setInputFiles('.drop-zone input[type="file"]', {
        name: `delitti-${year}.csv`,
        mimeType: 'text/csv',
        buffer: bytes,
      });
      await page.waitForSelector('caption:has-text("Column mapping preview")');
      await view.send();
      await page.waitForSelector('[id^="report-heading"]', { timeout: 60_000 });
      expect(await view.reportStatus().textContent()).toContain('The file is valid: 0 errors');
      const derived = page.locator('table:has(caption:has-text("National cells derived from regions")) tbody tr');
      expect(await derived.count()).toBe(5);
      expect(await derived.first().textContent()).toContain('106 of 107 NUTS 3 regions');
      expect(await view.seriousViolations()).toEqual([]);
      await view.commit();
      await view.committedNotice().waitFor();

      const sums = provinceSums(year);
      for (const indicator of new Set(ITALY_MAPPINGS.map((m) => m.indicator))) {
        const answer = (await page.evaluate(
          async (q) =>
            (await fetch(`/api/observations?indicator=${q.indicator}&geo=IT&from=${q.year}&to=${q.year}`)).json(),
          { indicator, year },
        )) as { data: { value: number; note: string | null }[] };
        const expected = [...sums.values()].reduce((n, p) => n + p.get(indicator)!, 0);
        expect(answer.data[0]?.value, `${indicator} ${year}`).toBe(expected);
      }
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
