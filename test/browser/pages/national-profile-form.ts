import type { Page } from 'playwright-core';

/**
 * The profile form's place and roll-up options (client/views/upload/profile-form/columns.ts for the geo
 * column and codes, reading.ts for the number format, correspondence.ts for the rest).
 */
export interface NationalProfileFields {
  geoColumn: string;
  geoHolds: 'eurostat' | 'name';
  correspondence: string;
  nameLevel: '' | '1' | '2' | '3';
  decimal: '.' | ',';
  thousands: '' | '.' | ',' | ' ';
  sumParts: boolean;
  nationalFrom: '' | '1' | '2' | '3';
}

const control = (page: Page, label: string) =>
  page.locator('form.profile-form').getByLabel(label, { exact: true }).first();

/** Fills the fields of the open profile form as a contact point would, by their labels. */
export async function fillNationalFields(page: Page, fields: NationalProfileFields): Promise<void> {
  await control(page, 'Column holding the geo').fill(fields.geoColumn);
  await control(page, 'Geo codes in the file').selectOption(fields.geoHolds);
  await control(page, 'Decimal separator').selectOption(fields.decimal);
  await control(page, 'Thousands separator').selectOption(fields.thousands);
  await page.waitForSelector(`option[value="${fields.correspondence}"]`, { state: 'attached' });
  await control(page, 'Correspondence table').selectOption(fields.correspondence);
  await control(page, 'Match names at').selectOption(fields.nameLevel);
  await control(page, 'Rows for the same cell are parts to add up (not duplicates)').setChecked(fields.sumParts);
  await control(page, 'Derive the national figure from regions of').selectOption(fields.nationalFrom);
}

/** The correspondence section of the profile form. */
export function correspondenceSection(page: Page) {
  return page.locator('fieldset.profile-section', {
    has: page.locator('legend', { hasText: 'Places, numbers and roll-up' }),
  });
}

/** Chooses the contact point's own correspondence CSV and waits for the server's verdict. */
export async function chooseOwnCorrespondence(page: Page, csv: string): Promise<string> {
  const section = correspondenceSection(page);
  await section.locator('input[type="file"]').setInputFiles({
    name: 'correspondence.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  const verdict = section.locator('.notice, [role="alert"]');
  await verdict.first().waitFor();
  return (await verdict.first().textContent()) ?? '';
}
