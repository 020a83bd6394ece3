import type { Locator } from 'playwright-core';
import { DashboardPage } from './dashboard-page';

/** Compare (`/compare`): what is ranked (countries or NUTS regions, of which country), the ranked chart and its table. */
export class ComparePage extends DashboardPage {
  async openCompare(query: string): Promise<this> {
    await this.open(`/compare?${query}`, 'compare');
    await this.page.waitForSelector('svg.bar-chart', { timeout: 20_000 });
    return this;
  }

  /** Chooses Countries, NUTS 1, NUTS 2 or NUTS 3 and waits for the chart of that level. */
  async chooseLevel(label: string, level: number): Promise<void> {
    await this.page.getByRole('radio', { name: label, exact: true }).check();
    await this.page.waitForSelector(`.chart-area[data-level="${level}"] svg.bar-chart`, {
      state: 'attached',
      timeout: 20_000,
    });
  }

  /** Chooses whose regions are ranked (a country's code, or '' for every EU member) and waits for its chart. */
  async chooseGroup(code: string, title: string): Promise<void> {
    await this.page.getByLabel('Regions of').selectOption(code);
    await this.page.locator('h3.chart-title', { hasText: title }).waitFor({ timeout: 20_000 });
  }

  chartTitle(): Promise<string> {
    return this.page.locator('h3.chart-title').innerText();
  }

  /** The bars drawn, as "data-geo: label value" lines. */
  bars(): Promise<string[]> {
    return this.page.$$eval('.chart-panel svg.bar-chart g.bar', (bars) =>
      bars.map(
        (b) => `${b.getAttribute('data-geo')}: ${[...b.querySelectorAll('text')].map((t) => t.textContent).join(' ')}`,
      ),
    );
  }

  notices(): Promise<string[]> {
    return this.page.locator('.chart-area ~ p').allInnerTexts();
  }

  async showTable(): Promise<Locator> {
    await this.page.click('[role="tab"]:has-text("Table")');
    await this.page.waitForSelector('[role="tabpanel"] table tbody tr');
    return this.page.locator('[role="tabpanel"]:not([hidden]) table');
  }
}
