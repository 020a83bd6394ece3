import type { Page } from 'playwright-core';

/** The profile form's places, numbers and roll-up fields (client/views/upload/profile-form/correspondence.ts). */
export interface NationalProfileFields {
  geoColumn: string;
  geoHolds: 'eurostat' | 'name';
  correspondence: string;
  nameLevel: '' | '1' | '2' | '3';
  numberFormat: string;
  sumParts: boolean;
  nationalFrom: '' | '1' | '2' | '3';
}

/** Fills the fields of the open profile form as a contact point would, by their labels. */
export async function fillNationalFields(page: Page, fields: NationalProfileFields): Promise<void> {
  await page.getByLabel('Column holding the place').fill(fields.geoColumn);
  await page.getByLabel('The place column holds').selectOption(fields.geoHolds);
  await page.waitForSelector(`option[value="${fields.correspondence}"]`, { state: 'attached' });
  await page.getByLabel('Correspondence table').selectOption(fields.correspondence);
  await page.getByLabel('Match names at').selectOption(fields.nameLevel);
  await page.getByLabel('Numbers are written as').selectOption(fields.numberFormat);
  await page.getByLabel('Rows for the same cell are parts to add up').setChecked(fields.sumParts);
  await page.getByLabel('Derive the national figure from regions of').selectOption(fields.nationalFrom);
}

/** Chooses the contact point's own correspondence CSV and waits for the server's verdict. */
export async function chooseOwnCorrespondence(page: Page, csv: string): Promise<string> {
  await page.setInputFiles('fieldset.profile-geo input[type="file"]', {
    name: 'correspondence.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  const verdict = page.locator('fieldset.profile-geo .notice, fieldset.profile-geo [role="alert"]');
  await verdict.first().waitFor();
  return (await verdict.first().textContent()) ?? '';
}
