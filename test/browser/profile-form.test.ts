import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/http/actor';
import {
  buildClient,
  launchBrowser,
  type RunningApp,
  type RunningBrowser,
  seriousViolations,
  startApp,
  watchPage,
} from './harness';
import { UploadPage } from './pages/upload-page';

const FR_CONTACT: Actor = {
  kind: 'user',
  id: 31,
  email: 'cp-fr@example.eu',
  role: 'contact_point',
  geos: ['FR'],
  via: 'token',
};

/**
 * A département-level table as the French contact point had it (issue 19): two-digit years, a decimal
 * comma and "." for thousands, ";" between fields, several offences of which one is mapped.
 */
const FRENCH_TABLE = [
  'classe;annee;faits;taux',
  'Homicides;21;1.203;1,8',
  'Vols avec armes;21;2.418;3,6',
  'Homicides;22;1.155;1,7',
].join('\n');

let clientDir: string;
let app: RunningApp;
let browser: RunningBrowser;

beforeAll(async () => {
  clientDir = await buildClient();
  app = await startApp(clientDir, FR_CONTACT);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (clientDir) rmSync(clientDir, { recursive: true, force: true });
});

describe('the import profile form, in Chromium', () => {
  it('makes a profile with two-digit years and separators, the preview following each option', async () => {
    const page = await browser.context.newPage();
    const problems = watchPage(page);
    const view = await new UploadPage(page, app.url).openUpload('/upload?geo=FR');
    await view.openProfileForm();
    await view.profileControl('Profile name').fill('fr-ssmsi-departements');
    await view.profileControl('Delimiter').selectOption(';');
    await view.profileControl('Column holding the indicator').fill('classe');
    await view.profileControl('Column holding the period').fill('annee');
    await view.profileControl('Column holding the value').fill('faits');
    await view.addMapping('Homicides', 'ICCS0101', 'Homicides as the ministry records them, attempts excluded.');
    await view.giveSample('departements.csv', FRENCH_TABLE);

    // As the form stood before issue 19: four-digit years, separators detected. Both homicide rows are refused.
    await view.previewSays('3 rows read from the sample: 0 cells would load, 2 have an error, 1 row or cell left out.');
    const before = await view.previewLines();
    expect(before.map((l) => l.slice(0, 4))).toEqual([
      ['2', 'FR', 'ICCS0101', '21'],
      ['3', '', '', ''],
      ['4', 'FR', 'ICCS0101', '22'],
    ]);
    expect(before[0]![5]).toMatch(/^Error: .*21/);
    expect(before[1]![5]).toBe(
      'Unmapped code: Left out: the code “Vols avec armes” has no indicator mapping. Map it to an indicator if it should be loaded.',
    );

    await view.profileControl('Years').selectOption('yy');
    await view.profileControl('Decimal separator').selectOption(',');
    await view.profileControl('Thousands separator').selectOption('.');
    await view.previewSays('3 rows read from the sample: 2 cells would load, 0 have an error, 1 row or cell left out.');
    const after = await view.previewLines();
    expect(after.map((l) => l.slice(0, 5))).toEqual([
      ['2', 'FR', 'ICCS0101', '2021', '1,203'],
      ['3', '', '', '', ''],
      ['4', 'FR', 'ICCS0101', '2022', '1,155'],
    ]);
    expect(after[0]![5]).toBe('Loaded');
    expect(await page.locator('table.profile-preview-table caption').textContent()).toContain('as read (long)');

    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });

    await view.saveProfile();
    const saved = await page.evaluate(async () => (await fetch('/api/import-profiles/fr-ssmsi-departements')).json());
    expect(saved).toMatchObject({
      geo: 'FR',
      delimiter: ';',
      yearFormat: 'yy',
      numberFormat: { decimal: ',', thousands: '.' },
      columns: { indicator: 'classe', period: 'annee', value: 'faits' },
    });
    expect(await view.chosenImportProfile()).toBe('fr-ssmsi-departements');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('starts from a shipped profile: its options fill the form, to be saved under a new name', async () => {
    const page = await browser.context.newPage();
    const view = await new UploadPage(page, app.url).openUpload('/upload?geo=FR');
    await view.openProfileForm();
    await view.profileControl('Start from').selectOption('de-bka-pks-faelle');
    expect(await view.profileControl('Profile name').inputValue()).toBe('');
    expect(await view.profileControl('Encoding').inputValue()).toBe('windows-1252');
    expect(await view.profileControl('Thousands separator').inputValue()).toBe(',');
    expect(await view.profileControl('National code', 5).inputValue()).toBe('730000');
    await page.close();
  });
});
