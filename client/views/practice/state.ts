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

/** A linked indicator's trends; null when none of the countries has a value. */
export async function loadLinkedTrend(
  code: string,
  geos: string[],
  catalogue: Catalogue,
  asOf: string | null,
): Promise<LinkedTrend | null> {
  const indicator = catalogue.indicatorByCode.get(code);
  const measure = effectiveMeasure(indicator, 'rate');
  const trends = await Promise.all(geos.map((geo) => analyticsApi.trends({ indicator: code, geo, measure, asOf })));
  const names = new Map(catalogue.geos.map((g) => [g.code, geoName(catalogue, g.code)]));
  const series = seriesFromTrends(trends, names, '').filter((x) => x.points.some((pt) => pt.value !== null));
  if (!series.length) return null;
  const name = indicator?.name ?? code;
  const title = measure === 'rate' ? t('trends.subject-rate', { indicator: name }) : name;
  return { code, measure, title, series, trends };
}
