import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../server/http/actor';
import { appendAudit } from '../../server/audit/audit.repository';
import type { Db } from '../../server/db/database';
import { addPeople, fitsWidth, signInAs, submitSignIn, useAccountsSite, viewReady } from './accounts-fixture';
import { screenshot, seriousViolations } from './harness';

/** Enough older entries for more than one page, written straight into the log as the command line would. */
async function addProfileUpdates(db: Db, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await appendAudit(db, {
      actor: SYSTEM_ACTOR,
      ip: '127.0.0.1',
      action: 'profile.update',
      target: `profile/test-${i}`,
      detail: { geos: ['NL', 'BE'] },
      at: new Date(Date.UTC(2026, 0, 1 + (i % 28))),
    });
  }
}

const site = useAccountsSite(async (db) => {
  await addPeople(db);
  await addProfileUpdates(db, 60);
});

const rows = (page: Page) => page.locator('table.audit tbody tr');
const paging = (page: Page) => page.locator('main .pager [role="status"]');
/** The column of every row shown (0 is the time, the row header). */
const column = (page: Page, index: number) =>
  page
    .locator('table.audit tbody tr')
    .evaluateAll((trs, i) => trs.map((tr) => tr.children[i]?.textContent ?? ''), index);

describe('the audit log in the dashboard, in Chromium', () => {
  it('is refused to the public and to a contact point, who do not see it in the navigation', async () => {
    const { page, problems } = await site.freshPage();
    await page.goto(`${site.app.url}/audit`);
    await viewReady(page, 'audit');
    expect(await page.locator('main .intro').textContent()).toBe(
      'This view is for the secretariat. Sign in to use it.',
    );
    expect(await page.locator('nav li[data-account-view="audit"]').isHidden()).toBe(true);

    await signInAs(page, site.app.url, 'cp-nl@example.eu', 'my-country');
    expect(await page.locator('nav li[data-account-view="audit"]').isHidden()).toBe(true);
    await page.goto(`${site.app.url}/audit?f.outcome=denied`);
    await viewReady(page, 'audit');
    expect(await page.locator('main h1').textContent()).toBe('Audit log');
    expect(await page.locator('main .intro').textContent()).toBe(
      'This view is for the secretariat. You are signed in as cp-nl@example.eu, whose role cannot use it.',
    );
    expect(await page.locator('main table, main form').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('the secretariat reads the log from the navigation, pages through it, filters it, and the URL keeps the filter', async () => {
    const { page, problems } = await site.freshPage();
    await submitSignIn(page, site.app.url, 'secretariat@example.eu', 'not the right passphrase');
    await expect
      .poll(() => page.locator('main [role="alert"]').textContent())
      .toContain('The email address or password is wrong.');
    await signInAs(page, site.app.url, 'secretariat@example.eu', 'users');
    expect(await page.locator('nav li[data-account-view="audit"]').isVisible()).toBe(true);
    await page.click('nav a[data-view="audit"]');
    await viewReady(page, 'audit');
    expect(new URL(page.url()).pathname).toBe('/audit');
    expect(await page.title()).toBe('Audit log · Crime Prevention Observatory');

    // Newest first: the sign-in that opened this session heads the list.
    const newest = rows(page).first();
    await newest.waitFor();
    expect(await newest.locator('td').nth(2).textContent()).toBe('session.login');
    expect(await newest.locator('td').first().textContent()).toBe('secretariat@example.eu');
    expect(await newest.locator('td').nth(1).textContent()).toBe('signed-in session');
    expect(await newest.locator('td.outcome').textContent()).toBe('OK');
    expect(await newest.locator('th[scope="row"] time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    const total = Number(
      /\((\d+) matching\)/.exec((await page.locator('table.audit caption').textContent()) ?? '')?.[1],
    );
    expect(total).toBeGreaterThan(60);
    expect(await rows(page).count()).toBe(50);
    expect(await paging(page).textContent()).toBe(`Showing 1–50 of ${total}`);
    expect(await page.getByRole('button', { name: 'Previous' }).isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'audit');
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await fitsWidth(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'audit-360');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Next by keyboard: the page and its announcement change, and the focus stays on the pager.
    await page.getByRole('button', { name: 'Next' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => paging(page).textContent()).toBe(`Showing 51–${Math.min(100, total)} of ${total}`);
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    expect(await page.evaluate(() => document.activeElement?.closest('.pager') !== null)).toBe(true);
    expect(await column(page, 4)).toContain('profile/test-0');
    await page.goBack();
    await expect.poll(() => paging(page).textContent()).toBe(`Showing 1–50 of ${total}`);

    // A family of actions, sent with Enter from the field.
    await page.getByLabel('Action').fill('session.*');
    await page.getByLabel('Action').press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('f.action')).toBe('session.*');
    await expect.poll(async () => (await column(page, 3)).every((action) => action.startsWith('session.'))).toBe(true);
    expect(await column(page, 3)).toEqual(
      expect.arrayContaining(['session.login', 'session.login-failed', 'session.login-attempt']),
    );

    // Only what was refused: the wrong password, with its reason in the detail.
    await page.getByLabel('Outcome').selectOption('denied');
    await page.getByRole('button', { name: 'Show entries' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('f.outcome')).toBe('denied');
    await expect.poll(async () => new Set(await column(page, 5))).toEqual(new Set(['Denied']));
    const failed = rows(page).filter({ hasText: 'session.login-failed' }).first();
    expect(await failed.locator('dl.detail').textContent()).toBe('emailsecretariat@example.eureasonwrong-password');
    expect(await failed.locator('td').first().textContent()).toBe('anonymous');
    const filtered = await rows(page).count();

    await page.reload();
    await viewReady(page, 'audit');
    await rows(page).first().waitFor();
    expect(await page.getByLabel('Action').inputValue()).toBe('session.*');
    expect(await page.getByLabel('Outcome').inputValue()).toBe('denied');
    expect(await rows(page).count()).toBe(filtered);
    expect(await paging(page).textContent()).toMatch(new RegExp(`^Showing 1(–${filtered})? of ${filtered}$`));

    // A range that ends before it starts is explained next to the form and never sent.
    const before = page.url();
    await page.getByLabel('From').fill('2026-11-30');
    await page.getByLabel('To', { exact: true }).fill('2026-11-01');
    await page.getByRole('button', { name: 'Show entries' }).click();
    await expect
      .poll(() => page.locator('form.audit-filter [role="alert"]').textContent())
      .toContain('"From" (2026-11-30) is after "To" (2026-11-01)');
    expect(await page.getByLabel('From').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('from');
    expect(page.url()).toBe(before);

    await page.getByRole('button', { name: 'Clear the filter' }).click();
    await expect.poll(() => paging(page).textContent()).toBe(`Showing 1–50 of ${total}`);
    expect(await page.locator('form.audit-filter [role="alert"]').count()).toBe(0);
    await page.getByLabel('Actor').fill('nobody@example.eu');
    await page.getByRole('button', { name: 'Show entries' }).click();
    await expect
      .poll(() => paging(page).textContent())
      .toBe('No entry matches this filter. Widen it, or clear it to see every entry.');
    expect(await page.locator('table.audit').count()).toBe(0);
    expect(new URL(page.url()).search).toBe('?f.actor=nobody%40example.eu');
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);
});
