import type { Locator, Page } from 'playwright-core';
import { type AxeViolation, screenshot, seriousViolations } from '../harness';

/**
 * Any view of the dashboard, as a journey sees it: open a path, wait until a view has painted, the
 * navigation and account header, accessibility checks and screenshots. Views with their own
 * controls extend it.
 */
export class DashboardPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Opens `path` (e.g. `/trends?geo=NL`) and waits until `view` has painted. */
  async open(path: string, view: string): Promise<this> {
    await this.page.goto(`${this.baseUrl}${path}`);
    await this.ready(view);
    return this;
  }

  /** Waits until `view` is shown and no longer busy loading. */
  async ready(view: string): Promise<void> {
    await this.page.waitForSelector(`main[data-view="${view}"]:not([aria-busy])`, { timeout: 15_000 });
  }

  /** The navigation entry of an account view (my-country, upload, review, approvals, users, audit). */
  navEntry(view: string): Locator {
    return this.page.locator(`nav li[data-account-view="${view}"]`);
  }

  /** The signed-in email in the header (absent when signed out). */
  signedInEmail(): Locator {
    return this.page.locator('#account .email');
  }

  /** The header's "Sign in" link (shown when signed out). */
  signInLink(): Locator {
    return this.page.locator('#account a', { hasText: 'Sign in' });
  }

  /** The view's introduction, which explains a refusal to the public or to another role. */
  intro(): Locator {
    return this.page.locator('main .intro');
  }

  /** axe-core's serious and critical violations on the page as it is now. */
  seriousViolations(): Promise<AxeViolation[]> {
    return seriousViolations(this.page);
  }

  screenshot(name: string): Promise<void> {
    return screenshot(this.page, name);
  }

  /** The page's width fits the viewport (no sideways scrolling of the whole page). */
  fitsWidth(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
