import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../server/http/actor';
import type { Db } from '../../server/db/database';
import { PracticeInput } from '../../server/practices/practice.schema';
import { createPractice, inTransaction, transitionPractice } from '../../server/practices/practice.service';
import { addUser, PASSWORD } from '../accounts/fixture';
import { practiceInput } from '../practices/practice-fixture';
import { buildClient, launchBrowser, type RunningApp, type RunningBrowser, startApp, watchPage } from './harness';

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

/** What a browser test file works with: the dashboard on a seeded app, Chromium, and what `prepare` made. */
export interface AccountsSite<T> {
  readonly app: RunningApp;
  readonly browser: RunningBrowser;
  readonly prepared: T;
  /** A fresh page in a fresh cookie jar (each test signs in as someone else), its problems watched. */
  freshPage(): Promise<{ page: Page; problems: string[] }>;
}

/**
 * Builds the dashboard, starts the app on a seeded database, runs `prepare` on it and launches
 * Chromium before the file's tests; closes and removes all of it after them.
 */
export function useAccountsSite<T>(prepare: (db: Db) => Promise<T>): AccountsSite<T> {
  let clientDir: string | undefined;
  const state = {} as { app: RunningApp; browser: RunningBrowser; prepared: T };
  beforeAll(async () => {
    clientDir = await buildClient();
    state.app = await startApp(clientDir);
    state.prepared = await prepare(state.app.db.db);
    state.browser = await launchBrowser();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.app?.close();
    if (clientDir) rmSync(clientDir, { recursive: true, force: true });
  });
  return {
    get app() {
      return state.app;
    },
    get browser() {
      return state.browser;
    },
    get prepared() {
      return state.prepared;
    },
    freshPage: async () => {
      await state.browser.context.clearCookies();
      const page = await state.browser.context.newPage();
      page.setDefaultTimeout(12_000);
      return { page, problems: watchPage(page) };
    },
  };
}
