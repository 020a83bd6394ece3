import type { Locator } from 'playwright-core';
import { DashboardPage } from './dashboard-page';

/** Trends (`/trends`): the line chart, its controls, the chosen countries and the keyboard crosshair. */
export class TrendsPage extends DashboardPage {
  openTrends(query: string): Promise<this> {
    return this.open(`/trends?${query}`, 'trends');
  }

  indicator(): Promise<string> {
    return this.page.locator('select[name="indicator"]').inputValue();
  }

  /** A radio button of the measure (`count`, `rate`) or scale (`linear`, `log`) controls. */
  option(value: string): Locator {
    return this.page.locator(`input[type="radio"][value="${value}"]`);
  }

  /** The chosen countries' chips ("NL ✕"). */
  chips(): Promise<string[]> {
    return this.page.locator('.chip').allTextContents();
  }

  selectedTab(): Promise<string | null> {
    return this.page.locator('[role="tab"][aria-selected="true"]').textContent();
  }

  /** Focuses the chart and presses a key (the arrow keys move the crosshair a year). */
  async pressOnChart(key: string): Promise<void> {
    await this.page.focus('.chart-area[tabindex="0"]');
    await this.page.keyboard.press(key);
  }

  /** The crosshair's readout ("2021: NL 12.3 …"). */
  readout(): Promise<string | null> {
    return this.page.locator('.readout').textContent();
  }

  practiceMarker(slug: string): Locator {
    return this.page.locator(`svg.line-chart a.practice-marker[href="/practices/${slug}"]`);
  }
}
