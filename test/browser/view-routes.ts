import type { Page } from 'playwright-core';
import type { ViewName } from '../../client/state/url-state';

/**
 * One route into every view of the URL state (client/state/url-state.ts, VIEWS), shared by the browser
 * tests that walk every view (layout, languages, views). view-routes.test.ts fails when a view of VIEWS
 * has no route here. A view may have more than one route (another state of it, e.g. a region level):
 * add an entry with its own `name`.
 */
export interface ViewRoute {
  view: ViewName;
  /** Names the route in test titles and screenshots; the view's name unless a view has several routes. */
  name: string;
  path: string;
  /** Signed in as the secretariat (the account views), else signed out. */
  secretariat?: boolean;
  /** A selector that only matches once real seeded data is shown, so the view shows more than its frame. */
  data?: string;
  /** How many matches of `data` at least (1 unless said). */
  atLeast?: number;
  /** A chart view: at 1366×900 the whole chart is above the fold, or only its top (a long ranking). */
  fold?: 'whole' | 'top';
}

type Entry = Omit<ViewRoute, 'name'> & { name?: string };

const ENTRIES: Entry[] = [
  { view: 'explore', path: '/', data: 'svg.choropleth path.geo:not(.no-data)', atLeast: 25, fold: 'whole' },
  {
    view: 'trends',
    path: '/trends?indicator=ICCS0401&geo=NL,DE,FR',
    data: 'svg.line-chart g.series path.point',
    atLeast: 30,
    fold: 'whole',
  },
  { view: 'compare', path: '/compare?year=2019', data: 'svg.bar-chart g.bar rect', atLeast: 20, fold: 'top' },
  { view: 'profile', path: '/profile/NL', data: 'main table tbody tr', atLeast: 10 },
  { view: 'alerts', path: '/alerts', data: '.alert-list > li' },
  { view: 'practices', path: '/practices', data: 'main .card', atLeast: 10 },
  { view: 'practice', path: '/practices/glasgow-cirv', data: 'main .checklist li', atLeast: 4 },
  { view: 'empact', path: '/empact' },
  { view: 'rounds', path: '/rounds' },
  { view: 'evidence', path: '/evidence', data: 'main dl.evidence-levels p.hint a', atLeast: 3 },
  { view: 'countries', path: '/countries', data: 'main ul.country-list a', atLeast: 27 },
  { view: 'embed', path: '/embed/trends?indicator=ICCS0401&geo=NL,DE', data: 'svg.line-chart g.series', atLeast: 2 },
  { view: 'sign-in', path: '/sign-in' },
  { view: 'reset-password', path: '/reset-password' },
  { view: 'my-country', path: '/my-country?geo=NL', secretariat: true },
  { view: 'upload', path: '/upload?geo=NL', secretariat: true },
  { view: 'review', path: '/review', secretariat: true },
  { view: 'approvals', path: '/approvals', secretariat: true },
  { view: 'users', path: '/users', secretariat: true },
  { view: 'audit', path: '/audit', secretariat: true },
  { view: 'labels', path: '/labels', secretariat: true, data: 'main table tbody tr' },
];

export const VIEW_ROUTES: readonly ViewRoute[] = ENTRIES.map((entry) => ({ ...entry, name: entry.name ?? entry.view }));

/** Waits until the route's view shows its real data (at least `atLeast` matches of `data`). */
export async function waitForViewData(page: Page, route: ViewRoute): Promise<void> {
  if (!route.data) return;
  await page.waitForFunction(
    ({ selector, n }) => document.querySelectorAll(selector).length >= n,
    { selector: route.data, n: route.atLeast ?? 1 },
    { timeout: 15_000 },
  );
}
