import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/database';
import { SYSTEM_ACTOR } from '../../server/http/actor';
import { runReminders } from '../../server/rounds/reminders';
import { createRound } from '../../server/rounds/round.service';
import { addUser } from '../accounts/fixture';
import { addPeople, signInAs, useAccountsSite, viewReady } from './accounts-fixture';
import { screenshot, seriousViolations } from './harness';

const dayFrom = (from: Date, offset: number) =>
  new Date(from.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

/** The people, a German contact point, and a round of 2021 figures that locked ten days ago. */
async function prepare(db: Db) {
  const people = await addPeople(db);
  await addUser(db, 'cp-de@example.eu', 'contact_point', ['DE']);
  const created = new Date(Date.now() - 70 * 86_400_000);
  await createRound(
    db,
    {
      name: 'Core indicators 2021',
      indicators: ['ICCS0101'],
      periods: ['2021'],
      geos: ['NL', 'DE'],
      opensOn: dayFrom(created, 0),
      dueOn: dayFrom(created, 30),
      locksOn: dayFrom(created, 60),
      cleanValidation: false,
      twoLevelApproval: false,
      guidance: '',
    },
    { actor: SYSTEM_ACTOR, ip: 'test', now: created },
  );
  return people;
}

const site = useAccountsSite(prepare);

async function upload(page: Page, name: string, content: string, commit = true): Promise<void> {
  await page.goto(`${site.app.url}/upload?geo=NL`);
  await viewReady(page, 'upload');
  await page.setInputFiles('.drop-zone input[type="file"]', {
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(content),
  });
  await page.waitForSelector('caption:has-text("Column mapping preview")');
  await page.click('button:has-text("Upload and validate")');
  if (!commit) return;
  await page.waitForSelector('[id^="report-heading"]', { timeout: 15_000 });
  await page.click('button:has-text("Commit")');
}

describe('collection rounds, in Chromium', () => {
  it('a round is opened, NL delivers and completes, the map fills in, late DE is reminded, and locked data stays locked', async () => {
    // The secretariat opens a round for the 2024 homicide count of NL and DE (Eurostat has 2023 already).
    const staff = await site.freshPage();
    await signInAs(staff.page, site.app.url, 'secretariat@example.eu', 'users');
    // Where it manages users, it names the NL contact point national representative (two-level approval).
    const seat = staff.page.locator('table.representatives tbody tr[data-seat="NL|cp-nl@example.eu"]');
    expect(await seat.locator('td').nth(1).textContent()).toBe('No');
    await seat.getByRole('button', { name: 'Name representative: cp-nl@example.eu for NL' }).click();
    await expect.poll(() => seat.locator('td').nth(1).textContent()).toBe('Yes');
    expect(await staff.page.locator('main [role="status"]').last().textContent()).toContain(
      'cp-nl@example.eu now represents NL',
    );
    const named = await site.app.db.db.selectFrom('national_representatives').selectAll().execute();
    expect(named.map((r) => [r.geo, r.email, r.granted_by])).toEqual([
      ['NL', 'cp-nl@example.eu', 'secretariat@example.eu'],
    ]);
    expect(await seriousViolations(staff.page)).toEqual([]);
    await staff.page.click('nav a[data-view="rounds"]');
    await viewReady(staff.page, 'rounds');
    await staff.page.getByLabel('Name').fill('Core indicators 2024');
    await staff.page.getByLabel('Periods').fill('2024');
    await staff.page.getByLabel('Countries').fill('NL, DE');
    await staff.page.getByRole('button', { name: 'Open the round' }).click();
    await staff.page.waitForSelector('main h1:has-text("Core indicators 2024")');
    const roundUrl = staff.page.url();
    expect(roundUrl).toMatch(/\/rounds\/\d+$/);
    expect(await staff.page.locator('main dl.round-rates').textContent()).toContain('0.0% (0 of 2 countries complete)');
    expect(await seriousViolations(staff.page)).toEqual([]);
    expect(staff.problems).toEqual([]);

    // The NL contact point sees what it owes, delivers it through an upload, and completes its part.
    const contact = await site.freshPage();
    await signInAs(contact.page, site.app.url, 'cp-nl@example.eu', 'my-country');
    const part = contact.page.locator('section.round-part', { hasText: 'Core indicators 2024' });
    await expect.poll(() => part.locator('tbody tr').first().textContent()).toContain('Missing');
    await upload(contact.page, 'nl-2024.csv', 'geo,indicator,period,value,flags,note\nNL,ICCS0101,2024,150,,\n');
    await contact.page.locator('main .notice[role="status"]', { hasText: 'Committed submission' }).waitFor();
    expect(await contact.page.locator('main .rounds-note').textContent()).toContain(
      '1 falls in a collection round and 0 fall outside every round',
    );
    await contact.page.click('nav a[data-view="my-country"]');
    await viewReady(contact.page, 'my-country');
    await expect.poll(() => part.locator('tbody tr').first().textContent()).toContain('Delivered');
    await part.getByRole('button', { name: /^Mark complete/ }).click();
    await expect.poll(() => part.textContent()).toContain('part: Complete (by cp-nl@example.eu)');
    expect(await seriousViolations(contact.page)).toEqual([]);
    await screenshot(contact.page, 'rounds-my-country');

    // Locked data stays locked: the 2021 round locked ten days ago, so the upload is refused before staging.
    await upload(contact.page, 'nl-2021.csv', 'geo,indicator,period,value,flags,note\nNL,ICCS0101,2021,127,,\n', false);
    await expect
      .poll(() => contact.page.locator('main [role="alert"]').textContent())
      .toMatch(/Round "Core indicators 2021" locked its cells on \d{4}-\d{2}-\d{2}/);
    expect(contact.problems.filter((p) => !p.includes('409'))).toEqual([]);

    // The completeness map fills in.
    await staff.page.goto(roundUrl);
    await viewReady(staff.page, 'rounds');
    await expect
      .poll(() => staff.page.locator('main dl.round-rates').textContent())
      .toContain('50.0% (1 of 2 countries complete)');
    expect(await staff.page.locator('svg.completeness-map path[data-geo="NL"]').getAttribute('class')).toBe(
      'geo complete',
    );
    expect(await staff.page.locator('svg.completeness-map path[data-geo="DE"]').getAttribute('aria-label')).toBe(
      'Germany: 0 % of expected cells, not complete',
    );
    expect(await staff.page.locator('main tbody tr', { hasText: 'Netherlands' }).textContent()).toContain('Complete');
    expect(await seriousViolations(staff.page)).toEqual([]);
    await screenshot(staff.page, 'rounds-completeness');

    // A day after the due date, DE (still not complete) gets an overdue reminder; NL does not.
    const round = await site.app.db.db
      .selectFrom('collection_rounds')
      .select(['id', 'due_on'])
      .where('name', '=', 'Core indicators 2024')
      .executeTakeFirstOrThrow();
    await runReminders(site.app.db.db, null, new Date(new Date(`${round.due_on}T12:00:00Z`).getTime() + 86_400_000));
    const late = await site.freshPage();
    await signInAs(late.page, site.app.url, 'cp-de@example.eu', 'my-country');
    await expect
      .poll(() => late.page.locator('ul.notices').textContent())
      .toContain(`Round "Core indicators 2024" was due on ${round.due_on}`);
    const nlNotices = await site.app.db.db
      .selectFrom('round_notices')
      .select('kind')
      .where('round_id', '=', round.id)
      .where('geo', '=', 'NL')
      .execute();
    expect(nlNotices.map((n) => n.kind)).toEqual(['opened']);
    expect(await seriousViolations(late.page)).toEqual([]);

    // The secretariat grants DE a lock exception on the round's page; it is listed there.
    const again = await site.freshPage();
    await signInAs(again.page, site.app.url, 'secretariat@example.eu', 'users');
    await again.page.goto(roundUrl);
    await viewReady(again.page, 'rounds');
    const form = again.page.locator('form[aria-labelledby="lock-exception-heading"]');
    await form.getByLabel('Country').selectOption('DE');
    await form.getByLabel(/^Until/).fill(round.due_on);
    await form.getByLabel('Reason').fill('The federal police publish their count late this year.');
    await form.getByRole('button', { name: 'Grant the exception' }).click();
    await expect
      .poll(() => again.page.locator('main section[aria-label="Lock exceptions"]').textContent())
      .toContain(
        `DE until ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(`${round.due_on}T23:59:59Z`))} UTC: The federal police publish their count late this year.`,
      );
    // ... and returns NL's part with comments: it is open again, and NL's contact points get the comments.
    const nlRow = again.page.locator('main tbody tr', { hasText: 'Netherlands' });
    await nlRow.locator('summary').click();
    await nlRow.getByLabel(/^Why/).fill('Please add the attempted homicides too.');
    await nlRow.getByRole('button', { name: 'Return with comments' }).click();
    await expect
      .poll(() => again.page.locator('main tbody tr', { hasText: 'Netherlands' }).textContent())
      .toContain('Not complete');
    expect(await seriousViolations(again.page)).toEqual([]);
    expect(again.problems).toEqual([]);
    const returned = await site.app.db.db
      .selectFrom('round_notices')
      .select('message')
      .where('round_id', '=', round.id)
      .where('kind', '=', 'returned')
      .execute();
    expect(returned.map((n) => n.message)).toEqual([
      expect.stringContaining('Please add the attempted homicides too.'),
    ]);
    for (const { page } of [staff, contact, late, again]) await page.close();
  }, 120_000);
});
