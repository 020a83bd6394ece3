import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { addPeople, signInAs, useAccountsSite, viewReady } from '../browser/accounts-fixture';
import { screenshot, seriousViolations } from '../browser/harness';

const site = useAccountsSite(addPeople);

/** Opens a folded entry form by its title, fills it and sends it; resolves once the view has repainted. */
async function send(
  page: Page,
  title: string,
  fill: (form: Locator) => Promise<void>,
  submit: string,
): Promise<Locator> {
  // The announcer repeats a title on every save: clear it, so that expectSaved waits for this one.
  await page.evaluate(() => {
    document.getElementById('announcer')!.textContent = '';
  });
  const form = page.locator('details.entry', { has: page.locator('summary', { hasText: title }) }).first();
  await form.locator('summary').click();
  await fill(form);
  await form.getByRole('button', { name: submit }).click();
  return form;
}

async function expectSaved(page: Page, title: string): Promise<void> {
  await expect.poll(() => page.locator('#announcer').textContent(), { timeout: 10_000 }).toBe(`${title}: saved.`);
}

async function addAction(page: Page, number: string, chsg: string, title: string): Promise<void> {
  await send(
    page,
    'Add an operational action to OAP Drugs 2026-2027',
    async (form) => {
      await form.getByLabel('Number', { exact: true }).fill(number);
      await form.getByLabel('Title', { exact: true }).fill(title);
      await form.getByLabel('CHSG', { exact: true }).selectOption(chsg);
      await form.getByLabel('Leader', { exact: true }).fill(chsg === '7' ? 'EUCPN' : 'NL');
      await form.getByLabel(/Participants/).fill('BE, DE, FR');
      await form.getByLabel('Start', { exact: true }).fill('2026-01-01');
      await form.getByLabel('End', { exact: true }).fill('2027-12-31');
      await form.getByLabel('Expected output', { exact: true }).fill('A toolkit used by at least five member states');
      await form.getByLabel('Status', { exact: true }).selectOption('ongoing');
      await form.getByLabel('Classification', { exact: true }).selectOption('public');
    },
    'Add the action',
  );
  await expectSaved(page, 'Add an operational action to OAP Drugs 2026-2027');
}

async function fillKpi(form: Locator, target: string): Promise<void> {
  await form.getByLabel('Belongs to', { exact: true }).selectOption({ label: 'OA 3.1' });
  await form
    .getByLabel('Definition', { exact: true })
    .fill('Municipalities applying the administrative approach to drug-related crime');
  await form.getByLabel('Unit', { exact: true }).fill('municipalities');
  await form.getByLabel('Baseline value', { exact: true }).fill('40');
  await form.getByLabel('Baseline date', { exact: true }).fill('2025-12-31');
  await form.getByLabel('Target value', { exact: true }).fill(target);
  await form.getByLabel('Target date', { exact: true }).fill('2029-12-31');
  await form.getByLabel('Data source', { exact: true }).fill('EUCPN survey of contact points');
  await form.getByLabel('Classification', { exact: true }).selectOption('public');
}

describe('the EMPACT story, in Chromium', () => {
  it('the secretariat enters the 2026-2029 cycle, an OAP with actions under CHSG 7 and 9, a KPI and its report, freezes a mid-term assessment and prints a factsheet', async () => {
    const { page, problems } = await site.freshPage();
    await signInAs(page, site.app.url, 'secretariat@example.eu', 'users');
    await page.click('nav a[data-view="empact"]');
    await viewReady(page, 'empact');
    await page.getByLabel('Cycle', { exact: true }).selectOption('2026-2029');
    await viewReady(page, 'empact');
    await expect.poll(() => page.locator('#priorities-heading').textContent()).toBe('Priorities 2026-2029');

    await send(
      page,
      'Add a CHSG',
      async (form) => {
        await form.getByLabel('Number', { exact: true }).fill('1');
        await form.getByLabel('Goal', { exact: true }).fill('Criminal intelligence picture');
        await form.getByLabel('Source', { exact: true }).fill('EMPACT terms of reference');
      },
      'Add the CHSG',
    );
    await expectSaved(page, 'Add a CHSG');
    await expect.poll(() => page.locator('main table', { hasText: 'Criminal intelligence picture' }).count()).toBe(1);

    await page.getByRole('link', { name: 'Drug trafficking' }).click();
    await viewReady(page, 'empact');
    await send(
      page,
      'Create an operational action plan',
      async (form) => {
        await form.getByLabel('Title', { exact: true }).fill('OAP Drugs 2026-2027');
        await form.getByLabel('Driver', { exact: true }).fill('NL');
        await form.getByLabel(/Co-drivers/).fill('BE, EUROPOL');
        await form.getByLabel('Status', { exact: true }).selectOption('adopted');
        await form.getByLabel('Classification', { exact: true }).selectOption('public');
      },
      'Create the plan',
    );
    await expectSaved(page, 'Create an operational action plan');
    await addAction(page, 'OA 3.1', '7', 'Awareness campaign on synthetic drugs for young people');
    await addAction(page, 'OA 3.2', '9', 'Administrative barriers against drug-related premises');

    await send(
      page,
      "Change an action's status in OAP Drugs 2026-2027",
      async (form) => {
        await form.getByLabel('Action', { exact: true }).selectOption({ label: 'OA 3.2 (ongoing)' });
        await form.getByLabel('New status', { exact: true }).selectOption('delayed');
      },
      'Change the status',
    );
    await expectSaved(page, "Change an action's status in OAP Drugs 2026-2027");
    await expect.poll(() => page.locator('main tr', { hasText: 'OA 3.2' }).first().textContent()).toContain('delayed');

    const refused = await send(page, 'Add a KPI to OAP Drugs 2026-2027', (form) => fillKpi(form, ''), 'Add the KPI');
    await expect.poll(() => refused.locator('[role="alert"]').textContent()).toContain('the target value is missing');
    await page.evaluate(() => {
      document.getElementById('announcer')!.textContent = '';
    });
    await refused.getByLabel('Target value', { exact: true }).fill('120');
    await refused.getByRole('button', { name: 'Add the KPI' }).click();
    await expectSaved(page, 'Add a KPI to OAP Drugs 2026-2027');

    await send(
      page,
      'Report on a KPI',
      async (form) => {
        await form.getByLabel('Period', { exact: true }).fill('2026');
        await form.getByLabel('Value', { exact: true }).fill('62');
        await form.getByLabel(/Narrative/).fill('First survey of the contact points');
      },
      'Send the report',
    );
    await expectSaved(page, 'Report on a KPI');
    const kpiRow = page.locator('main tr', { hasText: 'Municipalities applying' });
    await expect.poll(() => kpiRow.textContent()).toContain('62 (2026)');
    expect(await kpiRow.textContent()).toContain('On track');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'empact-priority');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'PDF download' }).click();
    const pdfFile = await (await download).path();
    const pdf = await getDocumentProxy(new Uint8Array(readFileSync(pdfFile)));
    const { totalPages, text } = await extractText(pdf, { mergePages: true });
    expect(totalPages).toBeGreaterThanOrEqual(1);
    expect(text.replace(/\s+/g, ' ')).toContain('Municipalities applying the administrative approach');

    const practices = await (await page.request.get(`${site.app.url}/api/practices`)).json();
    const practice = practices.data[0] as { slug: string; title: string };
    await send(
      page,
      'Link practices to an action',
      async (form) => {
        await form
          .getByLabel('Action', { exact: true })
          .selectOption({ label: 'OA 3.1 Awareness campaign on synthetic drugs for young people' });
        await form.getByLabel('Practices', { exact: true }).fill(practice.slug);
      },
      'Link the practices',
    );
    await expectSaved(page, 'Link practices to an action');
    await page.getByRole('link', { name: `${practice.title} (uses)` }).click();
    await viewReady(page, 'practice');
    const supported = page.locator('section', {
      has: page.getByRole('heading', { name: 'EMPACT operational actions' }),
    });
    await expect
      .poll(() => supported.textContent())
      .toContain('OA 3.1 Awareness campaign on synthetic drugs for young people');
    expect(await supported.textContent()).toContain('uses this practice; Drug trafficking (2026-2029), CHSG 7');

    await page.click('nav a[data-view="empact"]');
    await viewReady(page, 'empact');
    await page.getByLabel('Cycle', { exact: true }).selectOption('2026-2029');
    await expect.poll(() => page.locator('#priorities-heading').textContent()).toBe('Priorities 2026-2029');
    await send(
      page,
      'Start an assessment',
      async (form) => {
        await form.getByLabel('Kind', { exact: true }).selectOption('mid_term');
        await form.getByLabel('As of', { exact: true }).fill('2027-06-30');
        await form.getByLabel('Title', { exact: true }).fill('Mid-term assessment 2026-2029');
        await form.getByLabel('Narrative', { exact: true }).fill('Plans adopted; the first reports are in.');
      },
      'Start the assessment',
    );
    await expectSaved(page, 'Start an assessment');
    await page.getByRole('button', { name: 'Freeze "Mid-term assessment 2026-2029"' }).click();
    const assessment = page.locator('main tr', { hasText: 'Mid-term assessment 2026-2029' });
    await expect.poll(() => assessment.textContent()).toContain('frozen');
    await page.getByRole('link', { name: 'Compare "Mid-term assessment 2026-2029" with today' }).click();
    await expect.poll(() => page.locator('main .diff').textContent()).toContain('Nothing has changed since.');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'empact-cycle');
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
