import type { Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../server/http/actor';
import type { Db } from '../../server/db/database';
import { PracticeInput } from '../../server/shared/api/practice-record';
import { createPractice, inTransaction, transitionPractice } from '../../server/practices/practice.service';
import { addUser, PASSWORD } from '../accounts/fixture';
import { practiceInput } from '../practices/practice-fixture';
import { type DashboardSite, useDashboardSite } from './harness';
import { DashboardPage } from './pages/dashboard-page';
import { SignInPage } from './pages/sign-in-page';

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
  await new DashboardPage(page, '').ready(view);
}

/** Fills and sends the sign-in form; resolves when the answer (a new view or a message) is shown. */
export async function submitSignIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await new SignInPage(page, baseUrl).submit(email, password);
}

/** Signs in through the dashboard and waits for the role's start view. */
export async function signInAs(page: Page, baseUrl: string, email: string, startView: string): Promise<void> {
  await new SignInPage(page, baseUrl).signInAs(email, PASSWORD, startView);
}

/** The page's width fits the viewport (no sideways scrolling of the whole page). */
export async function fitsWidth(page: Page): Promise<boolean> {
  return new DashboardPage(page, '').fitsWidth();
}

/** The accounts journeys' site: the dashboard on a seeded app where people sign in for real. */
export type AccountsSite<T> = DashboardSite<T>;

/** Builds the dashboard and starts the app with `prepare` run on its database (see useDashboardSite). */
export function useAccountsSite<T>(prepare: (db: Db) => Promise<T>): AccountsSite<T> {
  return useDashboardSite(prepare);
}
