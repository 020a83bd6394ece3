import type { Locator } from 'playwright-core';
import { DashboardPage } from './dashboard-page';

export interface ImportProfileForm {
  name: string;
  delimiter: string;
  indicatorColumn: string;
  periodColumn: string;
  valueColumn: string;
  /** `national code = INDICATOR | comparability note`, one a line. */
  codes: string;
}

/** The upload view (`/upload`): choose a country, send a file, read the report and diff, commit. */
export class UploadPage extends DashboardPage {
  /** Opens the upload view (`/upload`, or e.g. `/upload?geo=NL`). */
  openUpload(path = '/upload'): Promise<this> {
    return this.open(path, 'upload');
  }

  async chooseCountry(geo: string): Promise<void> {
    await this.page.getByLabel('Country').selectOption(geo);
  }

  /** The countries the view offers, as shown. */
  countries(): Promise<string[]> {
    return this.page.getByLabel('Country').locator('option').allTextContents();
  }

  /** Gives the view a file without uploading it: by the file chooser, or dropped as from the desktop. */
  async giveFile(name: string, content: string, how: 'choose' | 'drop' = 'choose'): Promise<void> {
    if (how === 'choose') {
      const file = { name, mimeType: 'text/csv', buffer: Buffer.from(content) };
      await this.page.setInputFiles('.drop-zone input[type="file"]', file);
      return;
    }
    await this.page.evaluate(
      ({ fileName, text }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], fileName, { type: 'text/csv' }));
        const drop = new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true });
        document.querySelector('.drop-zone')!.dispatchEvent(drop);
      },
      { fileName: name, text: content },
    );
  }

  /** Sends the file given with giveFile. */
  async send(): Promise<void> {
    await this.page.click('button:has-text("Upload and validate")');
  }

  /** Gives the file, waits for the column-mapping preview, uploads it and waits for the report. */
  async upload(name: string, content: string, how: 'choose' | 'drop' = 'choose'): Promise<void> {
    await this.giveFile(name, content, how);
    await this.page.waitForSelector('caption:has-text("Column mapping preview")');
    await this.send();
    await this.page.waitForSelector('[id^="report-heading"]', { timeout: 15_000 });
  }

  /** The first status message of the view (e.g. "Submission 12: validated …"). */
  firstStatus(): Locator {
    return this.page.locator('main [role="status"]').first();
  }

  /** The report's summary line ("The file is valid: …"). */
  reportStatus(): Locator {
    return this.page.locator('section[aria-labelledby^="report-heading"] p[role="status"]');
  }

  /** The rows of the validation report (one per problem shown). */
  reportRows(): Locator {
    return this.page.locator('section[aria-labelledby^="report-heading"] tbody tr');
  }

  async showProblemsOfType(code: string): Promise<void> {
    await this.page.getByLabel('Show problems of type').selectOption(code);
  }

  /** The diff's summary cards ("New cells: 0", "Changed cells: 1", …). */
  diffCards(): Promise<string[]> {
    return this.page.locator('main li.card').allTextContents();
  }

  /** The cells of one row of the diff table with that caption (e.g. "Changed cells"). */
  diffRow(caption: string, index = 0): Promise<string[]> {
    const rows = this.page.locator(`table:has(caption:has-text("${caption}")) tbody tr`);
    return rows.nth(index).locator('td').allTextContents();
  }

  /** The roles the column-mapping preview gives each column. */
  columnRoles(): Promise<string[]> {
    const header = this.page.locator('table:has(caption:has-text("Column mapping preview")) thead tr');
    return header.nth(1).locator('td').allTextContents();
  }

  commitButton(): Locator {
    return this.page.locator('button:has-text("Commit")');
  }

  async commit(): Promise<void> {
    await this.commitButton().click();
  }

  /** The notice a commit leaves ("Committed submission …"). */
  committedNotice(): Locator {
    return this.page.locator('main .notice[role="status"]', { hasText: 'Committed submission' });
  }

  /** Creates and saves an import profile through the view's form; waits until it is saved. */
  async createImportProfile(form: ImportProfileForm): Promise<void> {
    await this.page.click('summary:has-text("Create an import profile")');
    await this.page.getByLabel('Profile name').fill(form.name);
    await this.page.getByLabel('Delimiter').selectOption(form.delimiter);
    await this.page.getByLabel('Column holding the indicator').fill(form.indicatorColumn);
    await this.page.getByLabel('Column holding the period').fill(form.periodColumn);
    await this.page.getByLabel('Column holding the value').fill(form.valueColumn);
    await this.page.getByLabel('National codes').fill(form.codes);
    await this.page.click('button:has-text("Save the profile")');
    await this.page.waitForSelector('p.notice:has-text("Saved the profile")');
  }

  chosenImportProfile(): Promise<string> {
    return this.page.getByLabel('Import profile').inputValue();
  }
}
