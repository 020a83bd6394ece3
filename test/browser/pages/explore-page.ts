import type { Download } from 'playwright-core';
import { DashboardPage } from './dashboard-page';

/** Explore (`/`): the choropleth of Europe with its year slider, play button and downloads. */
export class ExplorePage extends DashboardPage {
  /** Opens Explore at `path` (e.g. `/?year=2019`) and waits for the map. */
  async openMap(path = '/'): Promise<this> {
    await this.open(path, 'explore');
    await this.page.waitForSelector('svg.choropleth');
    return this;
  }

  /** The year the map shows. */
  shownYear(): Promise<string | null> {
    return this.page.getAttribute('.map-area', 'data-year');
  }

  /** Presses the play button (again to pause). */
  async togglePlay(): Promise<void> {
    await this.page.click('button.play');
  }

  isPlaying(): Promise<string | null> {
    return this.page.getAttribute('button.play', 'aria-pressed');
  }

  async clickCountry(geo: string): Promise<void> {
    await this.page.click(`svg.choropleth path[data-geo="${geo}"]`);
  }

  /** Clicks a download button ("Download CSV", "Download SVG", "Download PNG") and answers the download. */
  async download(label: string): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.click(`button:has-text("${label}")`),
    ]);
    return download;
  }
}
