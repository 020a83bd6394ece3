import type { TrendResponse } from '../../../server/shared/api/analytics';
import { analyticsApi, practiceApi } from '../../api/client';
import type { PracticeDetail } from '../../api/types';
import type { TrendSeries } from '../../charts/line-chart';
import type { ViewState } from '../../state/url-state';
import { seriesFromTrends } from '../trends/series';
import { type Catalogue, effectiveMeasure, loadCatalogue } from '../view-parts';

export const CRITERIA: Record<string, string> = {
  problem: 'The problem is described and analysed',
  mechanism: 'The mechanism (how it should work) is explained',
  evidence: 'It has been evaluated, or can be',
  replicability: 'It can be replicated elsewhere',
};

export const EMMIE_NAMES: Record<string, string> = {
  effect: 'Effect',
  mechanism: 'Mechanism',
  moderators: 'Moderators',
  implementation: 'Implementation',
  economicCost: 'Economic cost',
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
  const names = new Map(catalogue.geos.map((g) => [g.code, g.name]));
  const series = seriesFromTrends(trends, names, '').filter((x) => x.points.some((pt) => pt.value !== null));
  if (!series.length) return null;
  return { code, measure, title: `${indicator?.name ?? code}${measure === 'rate' ? ' per 100k' : ''}`, series, trends };
}
