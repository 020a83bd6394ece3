import { describe, expect, it } from 'vitest';
import { addPeople, fitsWidth, signInAs, useAccountsSite, viewReady } from './accounts-fixture';
import { screenshot, seriousViolations } from './harness';

const site = useAccountsSite(addPeople);

const history = async (path: string) =>
  (await (await fetch(`${site.app.url}/api/labels/${path}/history`)).json()) as {
    revisions: { revision: number; text: string; reviewer: string | null; comment: string | null }[];
  };

describe('the label review view, in Chromium', () => {
  it('shows a Dutch contact point the Dutch labels left to review; approving and correcting each add a revision', async () => {
    const { page, problems } = await site.freshPage();
    await signInAs(page, site.app.url, 'cp-nl@example.eu', 'my-country');
    expect(await page.locator('nav li[data-account-view="labels"]').isVisible()).toBe(true);
    await page.click('nav a[data-view="labels"]');
    await viewReady(page, 'labels');
    expect(new URL(page.url()).pathname).toBe('/labels');
    // The Netherlands speaks Dutch only: one language to choose from.
    expect(await page.locator('main fieldset').first().locator('input[type="radio"]').count()).toBe(1);
    const rows = page.locator('main table tbody tr');
    await rows.first().waitFor();
    expect(await page.locator('main table caption').textContent()).toMatch(/^\d+ labels in Dutch$/);
    expect(await page.locator('main p').filter({ hasText: 'not yet reviewed' }).textContent()).toMatch(
      /^Dutch: \d+ not yet reviewed, 0 official but not yet confirmed, \d+ without a translation, 0 reviewed\.$/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);

    const burglary = rows.filter({ has: page.locator('code', { hasText: /^ICCS0501$/ }) }).first();
    expect(await burglary.locator('td').nth(2).getAttribute('lang')).toBe('nl');
    await burglary.getByRole('button', { name: 'Approve the label of ICCS0501' }).click();
    await expect.poll(() => page.locator('main [role="status"]').first().textContent()).toContain('ICCS0501');
    const approved = await history('indicator/ICCS0501/nl');
    expect(approved.revisions.map((r) => [r.revision, r.reviewer])).toEqual([
      [0, null],
      [1, 'cp-nl@example.eu'],
    ]);
    // Approved, it is no longer pending.
    await expect
      .poll(() =>
        rows
          .filter({ hasText: 'Indicator name' })
          .filter({ has: page.locator('code', { hasText: /^ICCS0501$/ }) })
          .count(),
      )
      .toBe(0);

    const theft = rows.filter({ has: page.locator('code', { hasText: /^ICCS0502$/ }) }).first();
    await theft.locator('summary').click();
    await theft.getByLabel('Corrected text for ICCS0502').fill('Diefstal (gecorrigeerd)');
    await theft.getByLabel('Comment').fill('Test of the correction form');
    await theft.getByRole('button', { name: 'Save correction' }).click();
    await expect
      .poll(async () => (await history('indicator/ICCS0502/nl')).revisions.at(-1)?.text)
      .toBe('Diefstal (gecorrigeerd)');
    const corrected = await history('indicator/ICCS0502/nl');
    expect(corrected.revisions[0]!.text).not.toBe('Diefstal (gecorrigeerd)');
    expect(corrected.revisions.at(-1)).toMatchObject({
      reviewer: 'cp-nl@example.eu',
      comment: 'Test of the correction form',
    });
    await screenshot(page, 'labels-review');
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('offers the secretariat every language, in French too, and passes axe', async () => {
    const { page, problems } = await site.freshPage();
    await signInAs(page, site.app.url, 'secretariat@example.eu', 'users');
    await page.goto(`${site.app.url}/labels?lang=fr`);
    await viewReady(page, 'labels');
    await page.locator('main table tbody tr').first().waitFor();
    expect(await page.locator('main h1').textContent()).toBe('Révision des libellés');
    expect(await page.locator('main fieldset').first().locator('label').allTextContents()).toEqual([
      'néerlandais',
      'français',
      'allemand',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('tells a curator that the view is for contact points and the secretariat', async () => {
    const { page } = await site.freshPage();
    await signInAs(page, site.app.url, 'curator@example.eu', 'review');
    expect(await page.locator('nav li[data-account-view="labels"]').isHidden()).toBe(true);
    await page.goto(`${site.app.url}/labels`);
    await viewReady(page, 'labels');
    expect(await page.locator('main table').count()).toBe(0);
    await page.close();
  }, 60_000);
});
