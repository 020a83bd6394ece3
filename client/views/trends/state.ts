import type { TrendResponse } from '../../../server/shared/api/analytics';
import { analyticsApi } from '../../api/client';
import { type Measure, measureUnit } from '../../charts/format';
import type { PracticeMarker, TrendSeries } from '../../charts/line-chart';
import type { ViewState } from '../../state/url-state';
import { practiceMarkers } from '../practice-links';
import { effectiveMeasure, yearOf, type Catalogue } from '../view-parts';
import { aggregateSeriesFrom } from './eu-series';
import { indexSeries, seriesFromTrends } from './series';
import { REFERENCE_GROUP } from '../../../server/shared/reference-group';
import { geoName, t } from '../../i18n/i18n';
import { formatList } from '../../../server/shared/i18n/format';
import { regionNames } from '../../components/region-catalogue';
import { sourceNames } from '../../components/source-names';
import type { Locale } from '../../../server/shared/i18n/locales';

export const AGGREGATE = REFERENCE_GROUP;
export const DEFAULT_GEOS = ['DE', 'FR', 'IT', 'NL', 'PL'];

/** What the Trends view shows: the loaded answers and the series derived from them (no DOM). */
export interface TrendsModel {
  indicatorName: string;
  measure: Measure;
  subject: string;
  unit: string;
  trends: TrendResponse[];
  markers: PracticeMarker[];
  /** The sources of regional lines' figures (TrendsAnswers.sources). */
  sources: string | null;
  /** The series as drawn: indexed in relative mode; the EU aggregate last. */
  series: TrendSeries[];
  /** Geos left out of relative mode (no value in the base year). */
  left: string[];
  years: number[];
}

export interface TrendsAnswers {
  trends: TrendResponse[];
  markers: PracticeMarker[];
  eu: TrendSeries;
  /** The names of the NUTS regions among the geos (the catalogue names the countries). */
  regionNames: Map<string, string>;
  /** With regional lines, every source the lines' figures come from; null when the indicator's source says it. */
  sources: string | null;
}

/** The geos that are not countries or aggregates: NUTS regions, whose names the catalogue does not hold. */
export function regionCodes(geos: string[], catalogue: Catalogue): string[] {
  return geos.filter((g) => !catalogue.geoByCode.has(g));
}

/** Loads the geos' trends, practice markers and the EU aggregate for every year the geos span. */
export async function loadTrends(state: ViewState, catalogue: Catalogue): Promise<TrendsAnswers> {
  const measure = effectiveMeasure(catalogue.indicatorByCode.get(state.indicator), state.measure);
  const geos = state.geos.length ? state.geos : DEFAULT_GEOS;
  const [trends, markers, names] = await Promise.all([
    Promise.all(geos.map((geo) => analyticsApi.trends({ indicator: state.indicator, geo, measure, asOf: state.asOf }))),
    practiceMarkers(state.indicator, geos).catch(() => []),
    regionNames(regionCodes(geos, catalogue)),
  ]);
  const years = [...new Set(trends.flatMap((t) => t.points.map((p) => yearOf(p.period))))].sort((a, b) => a - b);
  const answers = await Promise.all(
    years.map((year) =>
      analyticsApi
        .compare({ indicator: state.indicator, period: String(year), measure, group: AGGREGATE, asOf: state.asOf })
        .catch(() => null),
    ),
  );
  const eu = aggregateSeriesFrom(answers, years, AGGREGATE, t('trends.eu-aggregate'));
  const sources = names.size ? await sourceNames(trends.flatMap((trend) => trend.points.map((p) => p.source))) : null;
  return { trends, markers, eu, regionNames: names, sources };
}

/** What to draw from the loaded answers and the view state. */
export function trendsModel(state: ViewState, catalogue: Catalogue, answers: TrendsAnswers): TrendsModel {
  const indicator = catalogue.indicatorByCode.get(state.indicator);
  const measure = effectiveMeasure(indicator, state.measure);
  const names = new Map([
    ...catalogue.geos.map((g): [string, string] => [g.code, geoName(g.code, g.name)]),
    ...answers.regionNames,
  ]);
  // The EU's line is labelled "EU" at its end, not with the group's code.
  const all = [...seriesFromTrends(answers.trends, names, AGGREGATE), { ...answers.eu, shortLabel: t('compare.eu') }];
  const years = [...new Set(all.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const { indexed, left } = state.base ? indexSeries(all, state.base) : { indexed: all, left: [] };
  const indicatorName = indicator?.name ?? state.indicator;
  return {
    indicatorName,
    measure,
    subject: measure === 'rate' ? t('trends.subject-rate', { indicator: indicatorName }) : indicatorName,
    unit: state.base ? t('trends.unit-index', { base: state.base }) : measureUnit(measure),
    trends: answers.trends,
    markers: answers.markers,
    sources: answers.sources,
    series: indexed,
    left,
    years,
  };
}

/** A value a log scale cannot draw (zero or below), with whose and which year it is. */
export interface UndrawableValue {
  label: string;
  year: number;
  value: number;
}

/** The values of zero (or below) a log scale leaves out: said beside the chart, never silently dropped. */
export function logScaleOmissions(series: TrendSeries[], scale: 'linear' | 'log'): UndrawableValue[] {
  if (scale !== 'log') return [];
  return series.flatMap((s) =>
    s.points
      .filter((p) => p.value !== null && Number.isFinite(p.value) && p.value <= 0)
      .map((p) => ({ label: s.label, year: p.year, value: p.value! })),
  );
}

/** "3 values of 0 are not shown on the log scale: Malta 2015, …", or '' when none is left out. */
export function logScaleNote(omitted: UndrawableValue[], locale: Locale): string {
  if (!omitted.length) return '';
  const which = formatList(
    omitted.map((o) => `${o.label} ${o.year}`),
    locale,
  );
  return t('numbers.log-zeros', { count: omitted.length, which });
}
