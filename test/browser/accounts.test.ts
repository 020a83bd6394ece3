import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { endUserSessions } from '../../server/accounts/user.repository';
import { updateUser } from '../../server/accounts/user.service';
import { SYSTEM_ACTOR } from '../../server/http/actor';
import { readSharedData } from '../helpers/shared-data';
import {
  addPeople,
  fitsWidth,
  PASSWORD,
  signInAs,
  submitSignIn,
  submittedPractice,
  useAccountsSite,
  viewReady,
} from './accounts-fixture';
import { screenshot, seriousViolations } from './harness';
import { UploadPage } from './pages/upload-page';

const site = useAccountsSite(async (db) => {
  const people = await addPeople(db);
  await updateUser(db, people.disabled.id, { active: false }, { actor: SYSTEM_ACTOR, ip: 'test' });
  return people;
});

/** The real NL homicide count for 2022 from Eurostat's crim_off_cat file, corrected by one. */
function nlCorrection(): string {
  const line = readSharedData('eurostat-crim_off_cat/estat_crim_off_cat.tsv')
    .split('\n')
    .find((l) => l.startsWith('A,ICCS0101,NR,NL\t'))!;
  const value2022 = Number.parseFloat(line.split('\t')[15]!);
  return `geo,indicator,period,value,flags,note\nNL,ICCS0101,2022,${value2022 + 1},,correction from the national police\n`;
}

/** Uploads a file in the upload view the page shows; answers the view's first status message. */
async function uploadThroughDashboard(page: Page, name: string, content: string): Promise<string> {
  const upload = new UploadPage(page, site.app.url);
  await upload.upload(name, content);
  return (await upload.firstStatus().textContent()) ?? '';
}

describe('accounts in the dashboard, in Chromium', () => {
  it('the public sees no account navigation, and account views ask them to sign in', async () => {
    const { page, problems } = await site.freshPage();
    await page.goto(`${site.app.url}/`);
    await viewReady(page, 'explore');
    await expect.poll(() => page.locator('#account a', { hasText: 'Sign in' }).isVisible()).toBe(true);
    for (const view of ['my-country', 'upload', 'review', 'approvals', 'users', 'audit']) {
      expect(await page.locator(`nav li[data-account-view="${view}"]`).isHidden(), view).toBe(true);
    }
    await page.goto(`${site.app.url}/users`);
    await viewReady(page, 'users');
    expect(await page.locator('main .intro').textContent()).toContain(
      'This view is for the secretariat. Sign in to use it.',
    );
    expect(await page.locator('main table').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it('a wrong password, a disabled account and a locked account each get a clear message', async () => {
    const { page, problems } = await site.freshPage();
    // By keyboard alone: Tab to the email field, type, Tab to the password, Enter sends the form.
    await page.goto(`${site.app.url}/sign-in`);
    await viewReady(page, 'sign-in');
    for (
      let i = 0;
      i < 30 && !(await page.evaluate(() => document.activeElement?.getAttribute('name') === 'email'));
      i++
    )
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await page.keyboard.type('cp-nl@example.eu');
    await page.keyboard.press('Tab');
    await page.keyboard.type('not the right passphrase');
    await page.keyboard.press('Enter');
    const alert = page.locator('main [role="alert"]');
    await expect.poll(() => alert.textContent()).toContain('The email address or password is wrong.');
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-error');

    await submitSignIn(page, site.app.url, 'gone@example.eu', PASSWORD);
    await expect.poll(() => alert.textContent()).toContain('A disabled account is refused the same way');

    for (let attempt = 0; attempt < 5; attempt++) {
      await submitSignIn(page, site.app.url, 'curator@example.eu', `wrong passphrase ${attempt}`);
      await expect.poll(() => alert.textContent()).toMatch(/wrong|locked/);
    }
    await submitSignIn(page, site.app.url, 'curator@example.eu', PASSWORD);
    await expect.poll(() => alert.textContent()).toMatch(/this account is locked until .* Try again in 15 minutes\./);
    expect(await page.locator('#account .email').count()).toBe(0);
    expect(problems).toEqual([]);
    await site.app.db.db
      .updateTable('users')
      .set({ locked_until: null, failed_logins: 0 })
      .where('id', '=', site.prepared.curator.id)
      .execute();
    await page.close();
  });

  it('a contact point signs in, sees My country, uploads with the cookie and CSRF token, withdraws, commits, and signs out', async () => {
    const { page, problems } = await site.freshPage();
    await page.goto(`${site.app.url}/sign-in`);
    await viewReady(page, 'sign-in');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in');
    await signInAs(page, site.app.url, 'cp-nl@example.eu', 'my-country');
    expect(await page.locator('#account .role').textContent()).toBe(' · contact point · NL');
    expect(await page.locator('nav li[data-account-view="my-country"]').isVisible()).toBe(true);
    expect(await page.locator('nav li[data-account-view="users"]').isHidden()).toBe(true);
    await page.waitForSelector('main section.geo-area h3:has-text("(NL)")');
    await page.goto(`${site.app.url}/users`);
    await viewReady(page, 'users');
    expect(await page.locator('main .intro').textContent()).toContain('whose role cannot use it');
    await page.goto(`${site.app.url}/my-country`);
    await viewReady(page, 'my-country');
    await page.waitForSelector('main section.geo-area h3:has-text("(NL)")');
    // The seed's own NL submissions are listed, committed.
    const rows = page.locator('table.submissions tbody tr');
    await rows.first().waitFor();
    const seeded = await rows.count();
    expect(seeded).toBeGreaterThanOrEqual(1);
    expect(await rows.first().textContent()).toContain('Committed: published');

    // Upload from the NL area: the upload view offers only the contact point's country.
    await page.click('main a:has-text("Upload figures for NL")');
    await viewReady(page, 'upload');
    expect(await new UploadPage(page, site.app.url).countries()).toEqual(['Netherlands (NL)']);
    expect(await uploadThroughDashboard(page, 'nl-first.csv', nlCorrection())).toMatch(
      /Submission \d+: Validated: ready to commit/,
    );

    await page.click('nav a[data-view="my-country"]');
    await viewReady(page, 'my-country');
    const firstRow = page.locator('table.submissions tbody tr').first();
    await expect.poll(() => firstRow.textContent()).toContain('Validated: ready to commit or withdraw');
    expect(await firstRow.locator('td').first().textContent()).toBe('nl-first.csv');
    await firstRow.getByRole('button', { name: /Withdraw submission/ }).click();
    await expect.poll(() => page.locator('main .geo-area [role="status"]').textContent()).toMatch(/is withdrawn/);
    await expect.poll(() => page.locator('table.submissions tbody tr').first().textContent()).toContain('Withdrawn');

    await page.click('main a:has-text("Upload figures for NL")');
    await viewReady(page, 'upload');
    // A figure near the published one (126): a count a hundred times smaller is refused as another unit.
    await uploadThroughDashboard(page, 'nl-second.csv', `${nlCorrection()}NL,ICCS0101,2021,127,,\n`);
    await new UploadPage(page, site.app.url).commit();
    await expect
      .poll(() => new UploadPage(page, site.app.url).committedNotice().textContent())
      .toMatch(/new revisions? published/);

    await page.click('nav a[data-view="my-country"]');
    await viewReady(page, 'my-country');
    await expect
      .poll(() => page.locator('table.submissions tbody tr').first().textContent())
      .toContain('Committed: published');
    expect(await page.locator('table.submissions tbody tr').count()).toBe(seeded + 2);

    // A validated submission is reopened from My country, its report and changes read there, and
    // committed without uploading the file again (issue 20).
    await page.click('main a:has-text("Upload figures for NL")');
    await viewReady(page, 'upload');
    await uploadThroughDashboard(page, 'nl-third.csv', `${nlCorrection()}NL,ICCS0101,2020,122,,\n`);
    await page.click('nav a[data-view="my-country"]');
    await viewReady(page, 'my-country');
    const third = page.locator('table.submissions tbody tr').first();
    await expect.poll(() => third.textContent()).toContain('nl-third.csv');
    await third.locator('summary', { hasText: 'Report and changes' }).click();
    await expect
      .poll(() => third.locator('section p[role="status"]').first().textContent())
      .toContain('The file is valid');
    expect(await third.locator('li.card', { hasText: /^Changed cells/ }).textContent()).toMatch(/Changed cells: [12]/);
    expect(await seriousViolations(page)).toEqual([]);
    await third.getByRole('button', { name: /Commit submission \d+/ }).click();
    await expect
      .poll(() => page.locator('main .geo-area [role="status"]').first().textContent())
      .toMatch(/new revisions? published/);
    await expect
      .poll(() => page.locator('table.submissions tbody tr').first().textContent())
      .toContain('Committed: published');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button:has-text("Download the pre-filled template for NL")'),
    ]);
    expect(download.suggestedFilename()).toBe('observatory-template-NL.csv');

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'my-country');
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await fitsWidth(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'my-country-360');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Their own password, from the account page the header's email opens; the server starts a new
    // session with a new CSRF token, which the following writes (a template, sign out) must carry.
    await page.click('#account a.email');
    await viewReady(page, 'sign-in');
    expect(await page.locator('main h1').textContent()).toBe('Your account');
    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill('another long passphrase');
    await page.getByLabel('New password again').fill('another long passphrase');
    await page.click('button:has-text("Change the password")');
    await expect
      .poll(() => page.locator('main .notice[role="status"]').textContent())
      .toContain('Your password is changed.');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'account');

    await page.click('#account button:has-text("Sign out")');
    await viewReady(page, 'sign-in');
    await expect.poll(() => page.locator('#account a', { hasText: 'Sign in' }).isVisible()).toBe(true);
    expect(await page.locator('nav li[data-account-view="my-country"]').isHidden()).toBe(true);
    const after = await page.evaluate(() => fetch('/api/session').then((r) => r.json()));
    expect(after.user).toBeNull();
    await submitSignIn(page, site.app.url, 'cp-nl@example.eu', 'another long passphrase');
    await viewReady(page, 'my-country');
    await expect.poll(() => page.locator('#account .email').textContent()).toBe('cp-nl@example.eu');
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it('a curator sees the review queue, starts a review and publishes a submitted practice; an ended session is explained', async () => {
    const slug = await submittedPractice(site.app.db.db, 'Shopkeeper cocooning against repeat burglary');
    const other = await submittedPractice(site.app.db.db, 'Street lighting audit for night-time safety');
    const { page, problems } = await site.freshPage();
    await signInAs(page, site.app.url, 'curator@example.eu', 'review');
    expect(await page.locator('nav li[data-account-view="review"]').isVisible()).toBe(true);
    expect(await page.locator('nav li[data-account-view="users"]').isHidden()).toBe(true);
    const card = page.locator(`main li.card[data-slug="${slug}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain('Submitted for review');
    await card.locator('summary', { hasText: 'Read the record' }).click();
    await expect
      .poll(() => card.locator('details.record').textContent())
      .toContain('Example, E. (2021). An evaluation of cocooning.');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'review-queue');

    await card.getByRole('button', { name: /^Start review/ }).click();
    await expect.poll(() => card.textContent()).toContain('In review');
    await card.getByRole('button', { name: /^Publish/ }).click();
    await expect.poll(() => page.locator(`main li.card[data-slug="${slug}"]`).count()).toBe(0);
    expect(await page.locator('main [role="status"]').first().textContent()).toContain('is published');
    const published = await page.evaluate((s) => fetch(`/api/practices/${s}`).then((r) => r.status), slug);
    expect(published).toBe(200);

    // The server ends the session (e.g. the account was disabled): the next action says so.
    await endUserSessions(site.app.db.db, site.prepared.curator.id);
    await page
      .locator(`main li.card[data-slug="${other}"]`)
      .getByRole('button', { name: /^Start review/ })
      .click();
    await expect
      .poll(() => page.locator('main [role="alert"]').textContent())
      .toContain('You are not signed in, or your session has ended');
    await expect.poll(() => page.locator('#account a', { hasText: 'Sign in' }).isVisible()).toBe(true);
    expect(await page.locator('nav li[data-account-view="review"]').isHidden()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it('the secretariat manages users (one-time link, never a password) and revokes an API token; the link sets a password', async () => {
    const { page, problems } = await site.freshPage();
    await signInAs(page, site.app.url, 'secretariat@example.eu', 'users');
    for (const view of ['my-country', 'upload', 'review', 'approvals', 'users', 'audit']) {
      expect(await page.locator(`nav li[data-account-view="${view}"]`).isVisible(), view).toBe(true);
    }
    await page.waitForSelector('table.users tbody tr[data-email="cp-nl@example.eu"]');

    await page.getByLabel('Email address').fill('be-contact@example.eu');
    await page.getByLabel('Role', { exact: true }).selectOption('contact_point');
    await page.getByLabel('Countries', { exact: true }).fill('be');
    await page.click('button:has-text("Create the user")');
    const link = await page.getByLabel('One-time link for be-contact@example.eu').inputValue();
    expect(link).toMatch(/\/reset-password#token=/);
    const newRow = page.locator('table.users tbody tr[data-email="be-contact@example.eu"]');
    await newRow.waitFor();
    expect(await newRow.textContent()).toContain('Active, no password set yet');
    expect(await newRow.locator('td').nth(1).textContent()).toBe('BE');
    expect(await page.content()).not.toMatch(/password_hash|scrypt/);

    await newRow.locator('summary').click();
    await newRow.getByLabel('Countries of be-contact@example.eu').fill('BE, LU');
    await newRow.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.locator('table.users tbody tr[data-email="be-contact@example.eu"] td').nth(1).textContent())
      .toBe('BE, LU');

    await page.getByLabel('Token name').fill('nightly upload');
    await page.click('button:has-text("Issue a token")');
    const token = await page.getByLabel('API token "nightly upload"').inputValue();
    expect(token).toMatch(/^cpo_/);
    expect(await page.locator('.shown-once .notice').last().textContent()).toContain('shown only this once');
    const tokenRow = page.locator('table.tokens tbody tr', { hasText: 'nightly upload' });
    await expect.poll(() => tokenRow.textContent()).toContain('Active');
    expect(await tokenRow.textContent()).not.toContain(token);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'users');

    const asToken = (t: string) =>
      page.evaluate(
        (bearer) =>
          fetch('/api/tokens', { headers: { authorization: `Bearer ${bearer}` }, credentials: 'omit' }).then(
            (r) => r.status,
          ),
        t,
      );
    expect(await asToken(token)).toBe(200);
    await tokenRow.getByRole('button', { name: 'Revoke the token nightly upload' }).click();
    await expect
      .poll(() => page.locator('table.tokens tbody tr', { hasText: 'nightly upload' }).textContent())
      .toContain('Revoked');
    expect(await asToken(token)).toBe(401);

    await page.locator('table.users tbody tr[data-email="gone@example.eu"]').waitFor();
    expect(await page.locator('table.users tbody tr[data-email="gone@example.eu"]').textContent()).toContain(
      'Disabled',
    );
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await fitsWidth(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'users-360');
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.goto(`${site.app.url}/approvals`);
    await viewReady(page, 'approvals');
    await expect.poll(() => page.locator('main').textContent()).toContain('Approval is off in this deployment');
    expect(await seriousViolations(page)).toEqual([]);

    // The new user opens the link (in a signed-out browser) and sets a password.
    await site.browser.context.clearCookies();
    await page.goto(`${site.app.url}${new URL(link).pathname}${new URL(link).hash}`);
    await viewReady(page, 'reset-password');
    await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
    await page.getByLabel('New password again').fill('a brand new passphrase');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'reset-password');
    await page.click('button:has-text("Set the password")');
    await expect
      .poll(() => page.locator('main .notice[role="status"]').textContent())
      .toContain('The password for be-contact@example.eu is set.');
    await submitSignIn(page, site.app.url, 'be-contact@example.eu', 'a brand new passphrase');
    await viewReady(page, 'my-country');
    await expect
      .poll(() => page.locator('main section.geo-area h3').allTextContents())
      .toEqual(['Belgium (BE)', 'Luxembourg (LU)']);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);
});
