import { catalogueApi } from '../../api/client';
import type { Measure } from '../../charts/format';
import type { ViewState } from '../../state/url-state';
import { type Catalogue, effectiveMeasure, type MeasuredObservation, yearOf } from '../view-parts';
import type { RankedCell } from './state';

/** The levels the Explore map shows: 0 is the countries, 1–3 the NUTS regions (issue 19). */
export const MAP_LEVELS = [0, 1, 2, 3] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];

/** The map's level, kept in the URL's facets (level=2), so a regional map can be shared. */
export function mapLevel(state: ViewState): MapLevel {
  const level = Number(state.facets.level ?? 0);
  return (MAP_LEVELS as readonly number[]).includes(level) ? (level as MapLevel) : 0;
}

/** The country drilled into (facets within=DE), or null for all of Europe. */
export function drilledCountry(state: ViewState): string | null {
  const within = state.facets.within;
  return within && /^[A-Z]{2}$/.test(within) ? within : null;
}

/** The facets of a map level (and a country, when drilled); other facets are not Explore's. */
export function levelFacets(level: MapLevel, within: string | null): Record<string, string> {
  if (level === 0) return {};
  return within ? { level: String(level), within } : { level: String(level) };
}

export interface RegionData {
  key: string;
  observations: MeasuredObservation[];
  years: number[];
  dataVersion: string | null;
  measure: Measure;
}

export function regionKey(state: ViewState, catalogue: Catalogue): string {
  const measure = effectiveMeasure(catalogue.indicatorByCode.get(state.indicator), state.measure);
  return `${state.indicator}|${measure}|${mapLevel(state)}|${state.asOf ?? ''}`;
}

/** One indicator's observations for every region of a level, every year (a repaint needs no new request). */
export async function loadRegionData(state: ViewState, catalogue: Catalogue): Promise<RegionData> {
  const measure = effectiveMeasure(catalogue.indicatorByCode.get(state.indicator), state.measure);
  const answer = await catalogueApi.observations({
    indicator: [state.indicator],
    measure,
    asOf: state.asOf,
    level: mapLevel(state),
  });
  const observations = answer.data;
  const years = [...new Set(observations.filter((o) => o.value !== null).map((o) => yearOf(o.period)))].sort(
    (x, y) => x - y,
  );
  return { key: regionKey(state, catalogue), observations, years, dataVersion: answer.meta.dataVersion, measure };
}

/** The year shown: the one asked for when it has data, else the latest with data. */
export function regionYear(state: ViewState, data: RegionData | null): number | null {
  if (data && state.year && data.years.includes(state.year)) return state.year;
  return data?.years.at(-1) ?? null;
}

/**
 * The regions' cells for a year, ranked (1 = highest). `regions` are the drawn ones; regions that
 * are not drawn but have a value (extra-regio figures) join the table, never the map.
 */
export function rankRegions(
  regions: { code: string; name: string; country: string }[],
  observations: MeasuredObservation[],
  year: number,
  within: string | null,
): RankedCell[] {
  const prefix = String(year);
  const byGeo = new Map<string, MeasuredObservation>();
  for (const o of observations) {
    if (o.period.startsWith(prefix) && (!within || o.geo.startsWith(within))) byGeo.set(o.geo, o);
  }
  const drawn = new Set(regions.map((r) => r.code));
  const undrawn = [...byGeo.keys()].filter((geo) => !drawn.has(geo)).map((geo) => ({ code: geo, name: geo }));
  const cells: RankedCell[] = [...regions, ...undrawn].map((r) => {
    const observation = byGeo.get(r.code) ?? null;
    const value =
      observation && observation.value !== null && Number.isFinite(observation.value) ? observation.value : null;
    return { geo: r.code, name: r.name, observation, value, flags: observation?.flags ?? '', rank: null, of: 0 };
  });
  const withValue = cells
    .filter((c) => c.value !== null)
    .sort((a, b) => b.value! - a.value! || a.geo.localeCompare(b.geo));
  withValue.forEach((c, i) => {
    c.rank = i + 1;
  });
  for (const c of cells) c.of = withValue.length;
  return cells;
}

/** Whether the rates shown are a source's published ones (then the view says whose). */
export function publishedRateSource(cells: RankedCell[]): string | null {
  for (const c of cells) if (c.observation?.rateSource) return c.observation.rateSource;
  return null;
}
