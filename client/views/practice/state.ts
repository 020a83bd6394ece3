import type { TrendResponse } from '../../../server/shared/api/analytics';
import { analyticsApi, practiceApi } from '../../api/client';
import type { PracticeDetail } from '../../api/types';
import type { TrendSeries } from '../../charts/line-chart';
import type { ViewState } from '../../state/url-state';
import { seriesFromTrends } from '../trends/series';
import { type Catalogue, effectiveMeasure, geoName, loadCatalogue } from '../view-parts';
import { t } from '../../i18n/i18n';

/** EUCPN's four minimum criteria: the message of each. */
export const CRITERIA: Record<string, string> = {
  problem: 'practice.criterion-problem',
  mechanism: 'practice.criterion-mechanism',
  evidence: 'practice.criterion-evidence',
  replicability: 'practice.criterion-replicability',
};

/** The EMMIE dimensions: the message of each. */
export const EMMIE_NAMES: Record<string, string> = {
  effect: 'practice.emmie-effect',
  mechanism: 'practice.emmie-mechanism',
  moderators: 'practice.emmie-moderators',
  implementation: 'practice.emmie-implementation',
  economicCost: 'practice.emmie-economic-cost',
};

/** A practice page shows the published practice and the catalogue its codes are named from. */
export async function loadPractice(slug: string): Promise<{ catalogue: Catalogue; detail: PracticeDetail }> {
  const [catalogue, detail] = await Promise.all([loadCatalogue(), practiceApi.detail(slug)]);
  return { catalogue, detail };
}

/** The countries (at most four) and linked indicators with data (at most four) whose trends the page shows. */
export function linkedScope(detail: PracticeDetail, catalogue: Catalogue): { geos: string[]; indicators: string[] } {
  return {
    geos: detail.record.geos.filter((g) => catalogue.geoByCode.get(g)?.kind === 'country').slice(0, 4),
    indicators: detail.linkedIndicators.filter((code) => catalogue.indicatorByCode.get(code)?.source).slice(0, 4),
  };
}

/** One linked indicator's trends in the practice's countries. */
export interface LinkedTrend {
  code: string;
  measure: ViewState['measure'];
  title: string;
  series: TrendSeries[];
  trends: TrendResponse[];
}

/** A linked indicator's trends (rates where they can be, else counts); its series only those with a value. */
export async function loadLinkedTrend(
  code: string,
  geos: string[],
  catalogue: Catalogue,
  asOf: string | null,
  wanted: ViewState['measure'] = 'rate',
): Promise<LinkedTrend> {
  const indicator = catalogue.indicatorByCode.get(code);
  const measure = effectiveMeasure(indicator, wanted);
  const trends = await Promise.all(geos.map((geo) => analyticsApi.trends({ indicator: code, geo, measure, asOf })));
  const names = new Map(catalogue.geos.map((g) => [g.code, geoName(catalogue, g.code)]));
  const series = seriesFromTrends(trends, names, '').filter((x) => x.points.some((pt) => pt.value !== null));
  const name = indicator?.name ?? code;
  const title =
    measure === 'rate'
      ? t('trends.subject-rate', { indicator: name })
      : t('practice-find.counts-of', { indicator: name });
  return { code, measure, title, series, trends };
}

/** The rates of an indicator, and counts for the countries whose rates cannot be computed (issue 20). */
export interface LinkedFigures {
  rates: LinkedTrend | null;
  /** Counts for the countries without a rate, and whether the reason is a missing population. */
  counts: { trend: LinkedTrend; geos: string[]; noPopulation: boolean } | null;
}

const hasValues = (series: TrendSeries) => series.points.some((pt) => pt.value !== null);

export async function loadLinkedFigures(
  code: string,
  geos: string[],
  catalogue: Catalogue,
  asOf: string | null,
): Promise<LinkedFigures> {
  const loaded = await loadLinkedTrend(code, geos, catalogue, asOf);
  const rates = loaded.series.length ? loaded : null;
  if (loaded.measure !== 'rate') return { rates, counts: null };
  const rated = new Set(loaded.series.filter(hasValues).map((x) => x.geo));
  const unrated = geos.filter((g) => !rated.has(g));
  if (!unrated.length) return { rates, counts: null };
  const trend = await loadLinkedTrend(code, unrated, catalogue, asOf, 'count');
  if (!trend.series.length) return { rates, counts: null };
  const shown = trend.series.map((x) => x.geo);
  // The points that have a count but no rate: is a missing population the reason for all of them?
  const countedOnly = loaded.trends
    .filter((x) => shown.includes(x.geo))
    .flatMap((x) => x.points)
    .filter((p) => p.value === null && p.count !== null);
  const noPopulation = countedOnly.length > 0 && countedOnly.every((p) => /^no population/.test(p.reason ?? ''));
  return { rates, counts: { trend, geos: shown, noPopulation } };
}
