import mapUrl from '../../map/europe-3035.json?url';
import { catalogueApi } from '../../api/client';
import { type CellContext, cellApi } from '../../api/cells';
import type { MapGeometry } from '../../charts/choropleth';
import { formatValue, type Measure } from '../../charts/format';
import type { ViewState } from '../../state/url-state';
import { currentLocale, geoName, t } from '../../i18n/i18n';
import { flagMeaning } from '../flag-text';
import { type Catalogue, defaultYear, effectiveMeasure, type MeasuredObservation, yearOf } from '../view-parts';

/** What the map shows: one indicator's observations in one measure, and the years that have values. */
export interface ExploreData {
  key: string;
  observations: MeasuredObservation[];
  years: number[];
  dataVersion: string | null;
  measure: Measure;
  /** Each country cell's note and version count, by cellKeyOf (issue 20, item 9). */
  contexts: Map<string, CellContext>;
}

export interface RankedCell {
  geo: string;
  name: string;
  observation: MeasuredObservation | null;
  value: number | null;
  flags: string;
  rank: number | null;
  of: number;
}

let geometry: Promise<MapGeometry> | null = null;

/** The derived GISCO geometry (EPSG:3035, km), fetched once. */
export function loadMap(): Promise<MapGeometry> {
  geometry ??= fetch(mapUrl).then((r) => {
    if (!r.ok) throw new Error(t('explore.geometry-failed', { status: r.status }));
    return r.json() as Promise<MapGeometry>;
  });
  return geometry;
}

/** The countries the map can colour, by code and name. */
export function countriesOf(catalogue: Catalogue): { code: string; name: string }[] {
  return catalogue.geos
    .filter((g) => g.kind === 'country')
    .map((g) => ({ code: g.code, name: geoName(g.code, g.name) }));
}

/** Which data a state needs: a new key means a new fetch. */
export function exploreKey(state: ViewState, catalogue: Catalogue): string {
  const measure = effectiveMeasure(catalogue.indicatorByCode.get(state.indicator), state.measure);
  return `${state.indicator}|${measure}|${state.asOf ?? ''}`;
}

export async function loadExploreData(state: ViewState, catalogue: Catalogue): Promise<ExploreData> {
  const measure = effectiveMeasure(catalogue.indicatorByCode.get(state.indicator), state.measure);
  const key = exploreKey(state, catalogue);
  // level 0: the countries and aggregates only, not the thousands of regional cells the regional map loads.
  const [answer, contexts] = await Promise.all([
    catalogueApi.observations({ indicator: [state.indicator], measure, asOf: state.asOf, level: 0 }),
    cellApi
      .context({ indicator: [state.indicator], geo: countriesOf(catalogue).map((c) => c.code), asOf: state.asOf })
      // The figures stand without their notes: a failed context read must not blank the map.
      .catch(() => new Map<string, CellContext>()),
  ]);
  const observations = answer.data;
  const years = [...new Set(observations.filter((o) => o.value !== null).map((o) => yearOf(o.period)))].sort(
    (x, y) => x - y,
  );
  return { key, observations, years, dataVersion: answer.meta.dataVersion, measure, contexts };
}

/** The year shown: the one asked for when it has data, else a year most countries cover. */
export function yearShown(state: ViewState, loaded: ExploreData | null): number | null {
  if (loaded && state.year && loaded.years.includes(state.year)) return state.year;
  return defaultYear(loaded?.observations ?? []) ?? loaded?.years.at(-1) ?? null;
}

/** The countries' cells for one year, ranked (1 = highest), countries without a value unranked. */
export function rankCells(
  countries: { code: string; name: string }[],
  observations: MeasuredObservation[],
  year: number,
): RankedCell[] {
  const byGeo = new Map(observations.filter((o) => o.period.startsWith(String(year))).map((o) => [o.geo, o]));
  const cells = countries.map((c) => {
    const observation = byGeo.get(c.code) ?? null;
    const value =
      observation && observation.value !== null && Number.isFinite(observation.value) ? observation.value : null;
    return {
      geo: c.code,
      name: c.name,
      observation,
      value,
      flags: observation?.flags ?? '',
      rank: null as number | null,
      of: 0,
    };
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

export function denominatorText(cell: RankedCell): string {
  const d = cell.observation?.denominator;
  if (!d) return '';
  const population = formatValue(d.value, 'count', currentLocale());
  return d.flags
    ? t('explore.population-flags', { population, period: d.period, flags: d.flags })
    : t('explore.population', { population, period: d.period });
}

export function flagText(flags: string): string {
  return [...flags].map((f) => `${f}: ${flagMeaning(f)}`).join('; ');
}
