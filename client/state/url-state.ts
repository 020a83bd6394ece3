/**
 * The dashboard's whole state lives in the URL, so any view can be shared, reloaded and
 * walked with back/forward. Pure functions: parse a location, format a state.
 */
import { isLocale, type Locale } from '../../server/shared/i18n/locales';

export const VIEWS = [
  'explore',
  'trends',
  'compare',
  'profile',
  'alerts',
  'practices',
  'practice',
  'upload',
  'sign-in',
  'reset-password',
  'my-country',
  'review',
  'approvals',
  'users',
  'audit',
  'empact',
  'rounds',
  'evidence',
  'countries',
  'embed',
  'labels',
] as const;
export type ViewName = (typeof VIEWS)[number];
export type MeasureName = 'count' | 'rate';

export interface ViewState {
  view: ViewName;
  /** Geo code (the country profile, view "profile"), practice id (practice), or the embedded view (embed). */
  id: string | null;
  indicator: string;
  geos: string[];
  year: number | null;
  from: number | null;
  to: number | null;
  measure: MeasureName;
  tab: 'chart' | 'table';
  scale: 'linear' | 'log';
  /** Relative mode: index = 100 at this year. */
  base: number | null;
  asOf: string | null;
  q: string;
  /**
   * A list's filters: practice facets, e.g. { theme: 'violent', rating: 'effective' }, or the
   * audit log's, e.g. { action: 'session.*', outcome: 'denied', from: '2026-11-01' }.
   */
  facets: Record<string, string>;
  /** The page of a paged list, from 1. */
  page: number;
  /**
   * The reader's chosen language (`lang=`), kept by every link so a shared link opens in it;
   * null when not chosen: the dashboard then follows the browser's languages (docs/i18n.md).
   */
  lang: Locale | null;
}

export const DEFAULT_INDICATOR = 'ICCS0101';

export const DEFAULT_STATE: ViewState = {
  view: 'explore',
  id: null,
  indicator: DEFAULT_INDICATOR,
  geos: [],
  year: null,
  from: null,
  to: null,
  measure: 'rate',
  tab: 'chart',
  scale: 'linear',
  base: null,
  asOf: null,
  q: '',
  facets: {},
  page: 1,
  lang: null,
};

const PATHS: Record<ViewName, string> = {
  explore: '/',
  trends: '/trends',
  compare: '/compare',
  profile: '/profile',
  alerts: '/alerts',
  practices: '/practices',
  practice: '/practices',
  upload: '/upload',
  'sign-in': '/sign-in',
  'reset-password': '/reset-password',
  'my-country': '/my-country',
  review: '/review',
  approvals: '/approvals',
  users: '/users',
  audit: '/audit',
  empact: '/empact',
  rounds: '/rounds',
  evidence: '/evidence',
  countries: '/countries',
  embed: '/embed',
  labels: '/labels',
};

/** The views whose chart can be embedded (`/embed/<view>?…`, issue 20): `id` names the view. */
export const EMBEDDABLE = ['explore', 'trends', 'compare'] as const;
export type EmbeddableView = (typeof EMBEDDABLE)[number];

const FACET_PREFIX = 'f.';

function yearParam(value: string | null): number | null {
  return value && /^\d{4}$/.test(value) ? Number(value) : null;
}

function pageParam(value: string | null): number {
  return value && /^[1-9]\d{0,5}$/.test(value) ? Number(value) : 1;
}

function viewFromPath(pathname: string): { view: ViewName; id: string | null } {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [head, id] = parts;
  if (!head) return { view: 'explore', id: null };
  if (head === 'profile' && id) return { view: 'profile', id: id.toUpperCase() };
  if (head === 'practices' && id) return { view: 'practice', id };
  if (head === 'empact' && id) return { view: 'empact', id };
  if (head === 'rounds' && id) return { view: 'rounds', id };
  if (head === 'embed') return { view: 'embed', id: EMBEDDABLE.find((v) => v === id) ?? 'explore' };
  const view = VIEWS.find((v) => v === head && v !== 'profile' && v !== 'practice' && v !== 'embed');
  return { view: view ?? 'explore', id: null };
}

export function parseState(url: URL): ViewState {
  const p = url.searchParams;
  const facets: Record<string, string> = {};
  for (const [key, value] of p)
    if (key.startsWith(FACET_PREFIX) && value) facets[key.slice(FACET_PREFIX.length)] = value;
  return {
    ...viewFromPath(url.pathname),
    indicator: /^[A-Z0-9_]{2,40}$/i.test(p.get('indicator') ?? '')
      ? p.get('indicator')!.toUpperCase()
      : DEFAULT_INDICATOR,
    geos: (p.get('geo') ?? '')
      .split(',')
      .map((g) => g.trim().toUpperCase())
      .filter((g) => /^[A-Z0-9_]{2,20}$/.test(g)),
    year: yearParam(p.get('year')),
    from: yearParam(p.get('from')),
    to: yearParam(p.get('to')),
    measure: p.get('measure') === 'count' ? 'count' : 'rate',
    tab: p.get('tab') === 'table' ? 'table' : 'chart',
    scale: p.get('scale') === 'log' ? 'log' : 'linear',
    base: yearParam(p.get('base')),
    asOf: p.get('asOf') || null,
    q: p.get('q') ?? '',
    facets,
    page: pageParam(p.get('page')),
    lang: isLocale(p.get('lang')) ? (p.get('lang') as Locale) : null,
  };
}

/** Path and query of a state; defaults are left out so URLs stay short. */
export function formatState(state: ViewState): string {
  const path =
    state.id &&
    (state.view === 'profile' ||
      state.view === 'practice' ||
      state.view === 'empact' ||
      state.view === 'rounds' ||
      state.view === 'embed')
      ? `${PATHS[state.view]}/${encodeURIComponent(state.id)}`
      : PATHS[state.view];
  const p = new URLSearchParams();
  const put = (key: string, value: string | number | null, fallback: string | number | null = null) => {
    if (value !== null && value !== '' && value !== fallback) p.set(key, String(value));
  };
  put('indicator', state.indicator, DEFAULT_INDICATOR);
  put('geo', state.geos.join(','));
  put('year', state.year);
  put('from', state.from);
  put('to', state.to);
  put('measure', state.measure, 'rate');
  put('tab', state.tab, 'chart');
  put('scale', state.scale, 'linear');
  put('base', state.base);
  put('asOf', state.asOf);
  put('q', state.q);
  for (const [key, value] of Object.entries(state.facets).sort()) put(FACET_PREFIX + key, value);
  put('page', state.page, 1);
  put('lang', state.lang);
  const query = p.toString().replace(/%2C/g, ',');
  return query ? `${path}?${query}` : path;
}

/**
 * What a link to another view carries over: the indicator, geos, measure, vintage and language,
 * not the view's own details.
 */
export function linkState(from: ViewState, to: Partial<ViewState>): ViewState {
  return {
    ...DEFAULT_STATE,
    indicator: from.indicator,
    geos: from.geos,
    measure: from.measure,
    asOf: from.asOf,
    year: from.year,
    lang: from.lang,
    ...to,
  };
}
