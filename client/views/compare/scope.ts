import type { CompareResponse, CompareRow } from '../../../server/shared/api/analytics';
import { REFERENCE_GROUP } from '../../../server/shared/reference-group';
import type { BarRow } from '../../charts/bar-chart';
import type { ViewState } from '../../state/url-state';
import { t } from '../../i18n/i18n';
import { drilledCountry, levelFacets, type MapLevel, mapLevel } from '../explore/regions-state';

/**
 * What Compare ranks: the reference group's member countries (level 0), or the NUTS 1–3 regions of a
 * country or of every member of the reference group. Kept in the URL as Explore keeps its map's
 * (f.level=3&f.within=DE), so one link form means "these regions" in both views.
 */
export interface CompareScope {
  level: MapLevel;
  /** The country whose regions are ranked; null for the regions of every member of the reference group. */
  within: string | null;
}

export function compareScope(state: ViewState): CompareScope {
  const level = mapLevel(state);
  return { level, within: level === 0 ? null : drilledCountry(state) };
}

export function scopeFacets(scope: CompareScope): Record<string, string> {
  return levelFacets(scope.level, scope.within);
}

/** The group /api/compare is asked for: a country for its regions, else the reference group. */
export function scopeGroup(scope: CompareScope): string {
  return scope.within ?? REFERENCE_GROUP;
}

export const isRegional = (scope: CompareScope): boolean => scope.level > 0;

/**
 * Above this many rows the ranked chart shows the highest and lowest EDGE regions (and any highlighted
 * one) rather than every bar: 402 German NUTS 3 bars at 20 px are a 8,000 px chart nobody reads, while
 * the ends of the ranking are what a comparison is read for. The table keeps every row, sortable.
 */
export const MOST_BARS = 40;
export const EDGE = 15;

/** The bars the chart draws, and how many rows with a value it leaves to the table. */
export interface ChartSubset {
  bars: BarRow[];
  /** Rows with a value (all of them are ranked in the table). */
  ranked: number;
  /** Rows without a value for the year: said under the chart, listed in the table. */
  withoutData: number;
  /** Extra-regio rows: ranked in the table, never drawn as a bar (they belong to no territory). */
  extraRegio: number;
  /** True when the chart shows only the ends of the ranking. */
  partial: boolean;
}

/** An extra-regio code (DEZ, DEZZ, DEZZZ): figures of no territory, e.g. offences on ships or abroad. */
export function isExtraRegio(geo: string): boolean {
  return /^[A-Z]{2}Z{1,3}$/.test(geo);
}

/** Longest region name a bar carries in full: with its rank and code it keeps within the chart's label column. */
export const LONGEST_NAME = 14;

/** "Bremerhaven, Kreisfreie…": the table has the full name; a bar chart whose names do not fit shows codes alone. */
export function shortName(name: string): string {
  return name.length <= LONGEST_NAME ? name : `${name.slice(0, LONGEST_NAME - 1).trimEnd()}…`;
}

/**
 * The bars to draw, names shortened: all of them up to MOST_BARS; beyond, the EDGE highest and EDGE
 * lowest with a value, plus highlighted rows, each labelled with its rank so the gap in the ranking shows.
 */
export function chartSubset(rows: BarRow[], ranks: Map<string, number | null>): ChartSubset {
  const territorial = rows.filter((r) => !isExtraRegio(r.geo));
  const extraRegio = rows.length - territorial.length;
  const valued = territorial.filter((r) => r.value !== null);
  const withoutData = territorial.length - valued.length;
  const named = (r: BarRow) => ({ ...r, label: shortName(r.label) });
  if (territorial.length <= MOST_BARS)
    return { bars: territorial.map(named), ranked: valued.length, withoutData, extraRegio, partial: false };
  const ordered = [...valued].sort((a, b) => (ranks.get(a.geo) ?? Infinity) - (ranks.get(b.geo) ?? Infinity));
  const ends = new Set([...ordered.slice(0, EDGE), ...ordered.slice(-EDGE)].map((r) => r.geo));
  const bars = territorial
    .filter((r) => ends.has(r.geo) || (r.highlighted && r.value !== null))
    .map((r) => ({
      ...named(r),
      label: t('compare.ranked-label', { rank: ranks.get(r.geo) ?? 0, name: shortName(r.label) }),
    }));
  return { bars, ranked: valued.length, withoutData, extraRegio, partial: true };
}

/** Ranks by geo, for chartSubset. */
export function ranksOf(answer: CompareResponse): Map<string, number | null> {
  return new Map(answer.rows.map((r: CompareRow) => [r.geo, r.rank]));
}

/** Whether any shown rate is a source's published rate rather than count ÷ population. */
export function publishedRates(answer: CompareResponse): boolean {
  return answer.measure === 'rate' && answer.rows.some((r) => r.rateSource && r.value !== null);
}
