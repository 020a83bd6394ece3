import { catalogueApi } from '../api/client';
import type { Geo, Indicator, Observation } from '../api/types';
import { errorBox, h } from '../components/dom';
import { geoName as localGeoName, t } from '../i18n/i18n';
import type { ViewState } from '../state/url-state';
import type { MountedView, ViewContext } from './view-context';

/** An observation as /api/observations answers it (count or rate, with its denominator). */
export type MeasuredObservation = Observation;

export interface Catalogue {
  geos: Geo[];
  geoByCode: Map<string, Geo>;
  indicators: Indicator[];
  indicatorByCode: Map<string, Indicator>;
  themes: Awaited<ReturnType<typeof catalogueApi.indicators>>['themes'];
}

export async function loadCatalogue(): Promise<Catalogue> {
  const [geos, indicators] = await Promise.all([catalogueApi.geos(), catalogueApi.indicators()]);
  return {
    geos: geos.data,
    geoByCode: new Map(geos.data.map((g) => [g.code, g])),
    indicators: indicators.data,
    indicatorByCode: new Map(indicators.data.map((i) => [i.code, i])),
    themes: indicators.themes,
  };
}

export function yearOf(period: string): number {
  return Number(period.slice(0, 4));
}

/** A geo's name in the reader's language: a country through Intl (geo-names.ts), else the catalogue's name. */
export function geoName(catalogue: Catalogue, code: string): string {
  return localGeoName(code, catalogue.geoByCode.get(code)?.name ?? code);
}

/** Indicators that can be charted (those with a source: the ICCS counts and population). */
export function hasSource(indicator: Indicator): boolean {
  return indicator.source !== null && indicator.source !== '';
}

/** The measure actually available for an indicator: rates only for counts with a denominator. */
export function effectiveMeasure(
  indicator: Indicator | undefined,
  measure: ViewState['measure'],
): ViewState['measure'] {
  return measure === 'rate' && indicator?.rate_derivable ? 'rate' : 'count';
}

export function sourceText(indicator: Indicator | undefined): string {
  return indicator?.source ? indicator.source.replace(/\.$/, '') : t('views.observatory-submissions');
}

/** A view's heading, the page's one h1 (the site's name is not a heading), and its introduction. */
export function viewHeader(title: string, intro: string): HTMLElement {
  return h(
    'div',
    { class: 'view-header' },
    h('h1', { tabindex: -1, text: title }),
    h('p', { class: 'intro', text: intro }),
  );
}

export function asOfHref(context: ViewContext, dataVersion: string | null): string | null {
  return dataVersion ? context.hrefFor({ asOf: dataVersion }) : null;
}

/** Stops a view's work when the next navigation supersedes it. */
export function latest<T>() {
  let ticket = 0;
  return async (work: Promise<T>): Promise<T | null> => {
    const mine = ++ticket;
    const result = await work;
    return mine === ticket ? result : null;
  };
}

/** A default year: the latest one that at least half the reporting countries cover. */
export function defaultYear(observations: MeasuredObservation[]): number | null {
  const perYear = new Map<number, number>();
  for (const o of observations)
    if (o.value !== null) perYear.set(yearOf(o.period), (perYear.get(yearOf(o.period)) ?? 0) + 1);
  const most = Math.max(0, ...perYear.values());
  const good = [...perYear].filter(([, n]) => n >= most / 2).map(([y]) => y);
  return good.length ? Math.max(...good) : null;
}

/** The default year of an indicator's data (cached per indicator and vintage). */
const yearCache = new Map<string, Promise<number | null>>();
export function defaultYearOf(
  indicator: string,
  measure: ViewState['measure'],
  asOf: string | null,
): Promise<number | null> {
  const key = `${indicator}|${measure}|${asOf ?? ''}`;
  if (!yearCache.has(key))
    yearCache.set(
      key,
      catalogueApi.observations({ indicator: [indicator], measure, asOf }).then((a) => defaultYear(a.data)),
    );
  return yearCache.get(key)!;
}

/** The widest a map is drawn (styles/layout.css caps `.map-area svg` at the same 40rem). */
export const MAP_WIDTH = 640;

/**
 * A map drawn at the width it is shown, so its legend's 12 px text is 12 px on screen at every width
 * (a 560-wide map squeezed onto a phone had 7 px legend text); at most MAP_WIDTH, so at 1366×900
 * the map and its legend fit above the fold.
 */
export function mapWidth(area: HTMLElement): number {
  // Behind the Table tab the area has no width: the panel around it has, less its padding and border.
  let shown = area.clientWidth;
  for (let outer = area.parentElement; shown === 0 && outer; outer = outer.parentElement)
    shown = Math.max(0, outer.clientWidth - 24);
  return shown > 0 ? Math.min(MAP_WIDTH, Math.max(240, Math.floor(shown))) : MAP_WIDTH;
}

/** A chart width that fits the view on a phone and stays readable on a desktop. */
export function chartWidth(container: HTMLElement, preferred: number): number {
  const available = container.clientWidth - 24;
  return available > 0 ? Math.max(320, Math.min(preferred, available)) : preferred;
}

/**
 * A view that paints each state afresh: a failure shows the view's heading and what could not be
 * loaded, instead of leaving the last state on screen.
 */
export async function repaintingView(
  container: HTMLElement,
  initial: ViewState,
  /** The view's heading, and the message key of what failed ("The trend data could not be loaded: {message}"). */
  failure: { title: string; what: string },
  show: (state: ViewState) => Promise<void>,
): Promise<MountedView> {
  const safeShow = async (state: ViewState) => {
    try {
      await show(state);
    } catch (error) {
      container.replaceChildren(
        viewHeader(failure.title, ''),
        errorBox(t(failure.what, { message: error instanceof Error ? error.message : String(error) })),
      );
    }
  };
  await safeShow(initial);
  return {
    update: async (state) => {
      await safeShow(state);
      return true;
    },
  };
}
