import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../server/accounts/actor';
import type { Db } from '../../server/db/database';
import { PracticeInput } from '../../server/practices/practice.schema';
import { createPractice, inTransaction, transitionPractice } from '../../server/practices/practice.service';
import { addUser, PASSWORD } from '../accounts/fixture';
import { practiceInput } from '../practices/practice-fixture';

export { PASSWORD };

/** The people of the browser tests, created with the accounts service (passwords set, no links). */
export async function addPeople(db: Db) {
  return {
    contact: await addUser(db, 'cp-nl@example.eu', 'contact_point', ['NL']),
    curator: await addUser(db, 'curator@example.eu', 'curator'),
    secretariat: await addUser(db, 'secretariat@example.eu', 'secretariat'),
    disabled: await addUser(db, 'gone@example.eu', 'contact_point', ['DE']),
  };
}

/** A practice proposed and submitted for review, as a contact point would through the workbench. */
export async function submittedPractice(db: Db, title: string): Promise<string> {
  const input = PracticeInput.parse(practiceInput({ title }));
  return inTransaction(db, async (tx) => {
    const slug = await createPractice(tx, SYSTEM_ACTOR, input);
    await transitionPractice(tx, SYSTEM_ACTOR, slug, 'submit');
    return slug;
  });
}

export async function viewReady(page: Page, view: string): Promise<void> {
  await page.waitForSelector(`main[data-view="${view}"]:not([aria-busy])`, { timeout: 15_000 });
}

/** Fills and sends the sign-in form; resolves when the answer (a new view or a message) is shown. */
export async function submitSignIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  if (!page.url().endsWith('/sign-in')) await page.goto(`${baseUrl}/sign-in`);
  await viewReady(page, 'sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in through the dashboard and waits for the role's start view. */
export async function signInAs(page: Page, baseUrl: string, email: string, startView: string): Promise<void> {
  await submitSignIn(page, baseUrl, email, PASSWORD);
  await viewReady(page, startView);
  await expect.poll(() => page.locator('#account .email').textContent()).toBe(email);
}

/** The page's width fits the viewport (no sideways scrolling of the whole page). */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}
