import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { addPeople, signInAs, submittedPractice, useAccountsSite, viewReady } from './accounts-fixture';
import { screenshot, seriousViolations } from './harness';
import { UploadPage } from './pages/upload-page';

/** This file's app runs with approval on (each test file has its own process, so others are unaffected). */
const previousApproval = process.env.APPROVAL_REQUIRED;
process.env.APPROVAL_REQUIRED = 'true';

const site = useAccountsSite(addPeople);

afterAll(() => {
  if (previousApproval === undefined) delete process.env.APPROVAL_REQUIRED;
  else process.env.APPROVAL_REQUIRED = previousApproval;
});

/** Uploads and commits through the dashboard; with approval on, the commit waits for the secretariat. */
async function commitForApproval(page: Page, name: string, content: string): Promise<void> {
  const upload = await new UploadPage(page, site.app.url).openUpload('/upload?geo=NL');
  await upload.upload(name, content);
  await upload.commit();
  await expect.poll(() => upload.committedNotice().textContent()).toContain("awaits the secretariat's approval");
}

describe('approval and return, in Chromium (APPROVAL_REQUIRED=true)', () => {
  it('commits from the dashboard wait for approval: the secretariat approves one and rejects one; the contact point reads the message', async () => {
    const contact = await site.freshPage();
    await signInAs(contact.page, site.app.url, 'cp-nl@example.eu', 'my-country');
    await commitForApproval(
      contact.page,
      'nl-approve-me.csv',
      'geo,indicator,period,value,flags,note\nNL,ICCS0101,2023,123,p,\n',
    );
    await commitForApproval(
      contact.page,
      'nl-reject-me.csv',
      'geo,indicator,period,value,flags,note\nNL,ICCS0101,2024,456,p,\n',
    );
    await contact.page.click('nav a[data-view="my-country"]');
    await viewReady(contact.page, 'my-country');
    const waiting = contact.page.locator('table.submissions tbody tr', { hasText: 'nl-reject-me.csv' });
    await expect.poll(() => waiting.textContent()).toContain("Awaiting the secretariat's approval");
    expect(await waiting.getByRole('button').count()).toBe(0);
    expect(contact.problems).toEqual([]);
    await contact.page.close();

    const staff = await site.freshPage();
    const page = staff.page;
    await signInAs(page, site.app.url, 'secretariat@example.eu', 'users');
    await page.click('nav a[data-view="approvals"]');
    await viewReady(page, 'approvals');
    const row = (file: string) => page.locator('main tbody tr', { hasText: file });
    await row('nl-reject-me.csv').waitFor();
    expect(await page.locator('main').textContent()).not.toContain('Approval is off');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'approvals');

    await row('nl-approve-me.csv')
      .getByRole('button', { name: /^Approve submission/ })
      .click();
    await expect.poll(() => row('nl-approve-me.csv').count()).toBe(0);
    const rejecting = row('nl-reject-me.csv');
    await rejecting.locator('summary').click();
    await rejecting.getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => page.locator('main [role="alert"]').textContent()).toContain('at least 5 characters');
    await rejecting
      .getByLabel(/Message to the contact point/)
      .fill('The 2024 figure is a forecast: send it once the police have published it.');
    await rejecting.getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => row('nl-reject-me.csv').count()).toBe(0);
    await page.getByLabel('Rejected').check();
    await expect
      .poll(() => row('nl-reject-me.csv').textContent())
      .toContain('send it once the police have published it');
    const published = await page.evaluate(() =>
      fetch('/api/observations?indicator=ICCS0101&geo=NL&measure=count').then((r) => r.json()),
    );
    const byPeriod = new Map((published.data as { period: string; value: number }[]).map((o) => [o.period, o.value]));
    expect(byPeriod.get('2023')).toBe(123);
    expect(byPeriod.has('2024')).toBe(false);
    expect(staff.problems).toEqual([]);
    await page.close();

    const again = await site.freshPage();
    await signInAs(again.page, site.app.url, 'cp-nl@example.eu', 'my-country');
    const rejected = again.page.locator('table.submissions tbody tr', { hasText: 'nl-reject-me.csv' });
    await expect.poll(() => rejected.textContent()).toContain('Rejected by the secretariat');
    expect(await rejected.locator('.message').textContent()).toBe(
      'Message from the secretariat: The 2024 figure is a forecast: send it once the police have published it.',
    );
    expect(
      await again.page.locator('table.submissions tbody tr', { hasText: 'nl-approve-me.csv' }).textContent(),
    ).toContain('Committed: published');
    await again.page.close();
  }, 90_000);

  it('a curator returns a practice with comments, checked before sending', async () => {
    const slug = await submittedPractice(site.app.db.db, 'Youth mentoring against knife crime');
    const { page, problems } = await site.freshPage();
    await signInAs(page, site.app.url, 'curator@example.eu', 'review');
    const card = page.locator(`main li.card[data-slug="${slug}"]`);
    await card.locator('summary', { hasText: 'Return with comments' }).click();
    await card.getByRole('button', { name: 'Return with comments' }).click();
    await expect.poll(() => page.locator('main [role="alert"]').textContent()).toContain('at least 10 characters');
    await card
      .getByLabel(/Comments for the proposer/)
      .fill('Add the evaluation report and the number of young people reached.');
    await card.getByRole('button', { name: 'Return with comments' }).click();
    await expect.poll(() => page.locator(`main li.card[data-slug="${slug}"]`).count()).toBe(0);
    expect(await page.locator('main .notice[role="status"]').textContent()).toContain('is returned to its proposer');
    const state = await site.app.db.db
      .selectFrom('practices')
      .select('state')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    expect(state.state).toBe('returned');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
