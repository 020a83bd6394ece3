import { expect } from 'vitest';
import { DashboardPage } from './dashboard-page';

/** The sign-in view (`/sign-in`): the form, and signing in as one of the test people. */
export class SignInPage extends DashboardPage {
  /** Fills and sends the form (opening it first if needed); resolves once it is sent. */
  async submit(email: string, password: string): Promise<void> {
    if (!this.page.url().endsWith('/sign-in')) await this.page.goto(`${this.baseUrl}/sign-in`);
    await this.ready('sign-in');
    await this.page.getByLabel('Email address').fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** Signs in and waits for the role's start view and the email in the header. */
  async signInAs(email: string, password: string, startView: string): Promise<void> {
    await this.submit(email, password);
    await this.ready(startView);
    await expect.poll(() => this.signedInEmail().textContent()).toBe(email);
  }
}
