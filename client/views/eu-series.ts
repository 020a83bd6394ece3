import { analyticsApi } from '../api/client';
import type { TrendSeries } from '../charts/line-chart';

/**
 * The EU aggregate as a series: the group aggregate of /api/compare for each year (a sum of counts
 * or a population-weighted rate, by the indicator's rule). Withheld years (coverage too low) are gaps.
 */
export async function aggregateSeries(options: { indicator: string; measure: 'count' | 'rate'; group: string; label: string; years: number[]; asOf: string | null }): Promise<TrendSeries> {
  const answers = await Promise.all(options.years.map((year) =>
    analyticsApi.compare({ indicator: options.indicator, period: String(year), measure: options.measure, group: options.group, asOf: options.asOf }).catch(() => null)));
  const points = answers.map((answer, i) => {
    const aggregate = answer?.aggregate;
    const shown = aggregate && !aggregate.withheld && aggregate.value !== null;
    return { year: options.years[i]!, value: shown ? aggregate.value : null, flags: shown ? aggregate.flags : '' };
  });
  return { geo: options.group, label: options.label, aggregate: true, points };
}
