import type { Locator } from 'playwright-core';
import { DashboardPage } from './dashboard-page';

export interface ImportProfileForm {
  name: string;
  delimiter: string;
  indicatorColumn: string;
  periodColumn: string;
  valueColumn: string;
  /** One national code mapped to an observatory indicator, with its comparability note. */
  mapping: { code: string; indicator: string; comparability: string };
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

  /**
   * The upload's status message ("Submission 12: validated …"): the first status that names a submission
   * (the profile form's preview has a live region of its own, empty until a sample is chosen).
   */
  firstStatus(): Locator {
    return this.page.locator('main [role="status"]', { hasText: /Submission \d+/ }).first();
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

  /** Opens the import profile form (a closed <details> until then). */
  async openProfileForm(): Promise<void> {
    await this.page.click('summary:has-text("Create an import profile")');
  }

  /** The profile form's control with this label (labels are exact: "Indicator" is not "…the indicator"). */
  profileControl(label: string, index = 0): Locator {
    return this.page.locator('form.profile-form').getByLabel(label, { exact: true }).nth(index);
  }

  /** Adds an indicator mapping row and fills it. */
  async addMapping(code: string, indicator: string, comparability: string): Promise<void> {
    const form = this.page.locator('form.profile-form');
    await form.getByRole('button', { name: 'Add a mapping' }).click();
    const n = (await form.locator('fieldset.profile-row:has(legend:text-matches("^Mapping"))').count()) - 1;
    await this.profileControl('National code', n).fill(code);
    await this.profileControl('Observatory indicator', n).fill(indicator);
    await this.profileControl('Comparability note', n).fill(comparability);
  }

  /** Gives the profile form a sample file; its preview reads the file's head. */
  async giveSample(name: string, content: string | Buffer): Promise<void> {
    const buffer = typeof content === 'string' ? Buffer.from(content) : content;
    await this.profileControl('Sample file').setInputFiles({ name, mimeType: 'text/csv', buffer });
  }

  /** The preview's counts sentence (a polite live region). */
  previewCounts(): Locator {
    return this.page.locator('.profile-preview-counts');
  }

  /** The preview table's rows, each as its cells' texts (row, geo, indicator, period, value, read as). */
  async previewLines(): Promise<string[][]> {
    const rows = this.page.locator('table.profile-preview-table tbody tr');
    const lines: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++) lines.push(await rows.nth(i).locator('th, td').allTextContents());
    return lines;
  }

  /** Waits until the preview's counts read `text` (the preview is debounced and asks the server). */
  async previewSays(text: string): Promise<void> {
    try {
      await this.previewCounts().filter({ hasText: text }).waitFor({ timeout: 15_000 });
    } catch {
      const shown = await this.page.locator('.profile-preview-panel').textContent();
      throw new Error(`The preview never said "${text}". It shows:\n${shown}`);
    }
  }

  /** Creates and saves an import profile through the view's form; waits until it is saved. */
  async createImportProfile(form: ImportProfileForm): Promise<void> {
    await this.openProfileForm();
    await this.profileControl('Profile name').fill(form.name);
    await this.profileControl('Delimiter').selectOption(form.delimiter);
    await this.profileControl('Column holding the indicator').fill(form.indicatorColumn);
    await this.profileControl('Column holding the period').fill(form.periodColumn);
    await this.profileControl('Column holding the value').fill(form.valueColumn);
    await this.addMapping(form.mapping.code, form.mapping.indicator, form.mapping.comparability);
    await this.saveProfile();
  }

  async saveProfile(): Promise<void> {
    await this.page.click('button:has-text("Save the profile")');
    await this.page.waitForSelector('p.notice:has-text("Saved the profile")');
  }

  chosenImportProfile(): Promise<string> {
    return this.page.getByLabel('Import profile').inputValue();
  }
}
