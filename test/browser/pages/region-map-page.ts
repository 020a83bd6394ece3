import { ExplorePage } from './explore-page';

/** Explore at a NUTS level: the regions' choropleth, its level picker, notices and drill-down. */
export class RegionMapPage extends ExplorePage {
  /** Opens Explore at a NUTS level (and a country, when drilled) and waits for the regional map. */
  async openLevel(level: number, query = '', within?: string): Promise<this> {
    const drill = within ? `&f.within=${within}` : '';
    await this.open(`/?f.level=${level}${drill}${query ? `&${query}` : ''}`, 'explore');
    await this.waitForLevel(level);
    return this;
  }

  async waitForLevel(level: number): Promise<void> {
    await this.page.waitForSelector(`.map-area[data-level="${level}"] svg.choropleth`, { timeout: 20_000 });
  }

  /** Chooses a level with the level picker (0 = countries). */
  async chooseLevel(label: string): Promise<void> {
    await this.page.getByRole('radio', { name: label, exact: true }).check();
  }

  regionsDrawn(): Promise<number> {
    return this.page.locator('svg.choropleth path.geo').count();
  }

  regionsWithoutData(): Promise<number> {
    return this.page.locator('svg.choropleth path.geo.no-data').count();
  }

  notices(): Promise<string[]> {
    return this.page.locator('.notices p').allInnerTexts();
  }

  async clickRegion(geo: string): Promise<void> {
    await this.page.click(`svg.choropleth path[data-geo="${geo}"]`);
  }

  /** The codes of the regions drawn. */
  drawnCodes(): Promise<string[]> {
    return this.page.$$eval('svg.choropleth path.geo', (paths) => paths.map((p) => p.getAttribute('data-geo') ?? ''));
  }
}
