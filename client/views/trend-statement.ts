import type { SegmentStatistics } from '../../server/analytics/analytics.types';

/** A p-value in words a reader can weigh. */
export function pValueText(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  if (p < 0.01) return 'p < 0.01';
  if (p < 0.05) return 'p < 0.05';
  return `p = ${p.toFixed(2)}, not significant`;
}

/**
 * One plain-language sentence for a segment, e.g.
 * "Intentional homicide per 100k fell 4.2% a year in NL, 2012–2022 (Mann–Kendall p < 0.01)."
 */
export function trendStatement(subject: string, geo: string, segment: SegmentStatistics): string {
  const span = `${segment.from}–${segment.to}`;
  if (segment.n < 3 || segment.cagr === null || !Number.isFinite(segment.cagr)) {
    return `${subject} in ${geo}, ${span}: too few years (${segment.n}) for a trend.`;
  }
  const perYear = `${Math.abs(segment.cagr * 100).toFixed(1)}% a year`;
  const test = segment.mannKendall ? `Mann–Kendall ${pValueText(segment.mannKendall.p)}` : 'no significance test';
  const significant = segment.mannKendall !== null && segment.mannKendall.p < 0.05;
  if (!significant || segment.cagr === 0) {
    const drift = segment.cagr === 0 ? 'unchanged' : `${segment.cagr > 0 ? 'up' : 'down'} ${perYear}`;
    return `${subject} in ${geo}, ${span}: no clear trend (${drift}; ${test}).`;
  }
  return `${subject} ${segment.cagr > 0 ? 'rose' : 'fell'} ${perYear} in ${geo}, ${span} (${test}).`;
}
