import { describe, expect, it } from 'vitest';
import type { SegmentStatistics } from '../../server/analytics/analytics.types';
import { pValueText, trendStatement } from '../../client/views/trend-statement';

const segment = (over: Partial<SegmentStatistics>): SegmentStatistics => ({
  from: '2012', to: '2022', n: 11, ols: null, theilSen: null, percentChange: -35, cagr: -0.042, note: null,
  mannKendall: { n: 11, s: -41, tau: -0.75, variance: 165, z: -3.1, p: 0.002 }, ...over,
});

describe('plain-language trend statements', () => {
  it('states a significant fall as a yearly rate with the test', () => {
    expect(trendStatement('Domestic burglary per 100k', 'NL', segment({}))).toBe('Domestic burglary per 100k fell 4.2% a year in NL, 2012–2022 (Mann–Kendall p < 0.01).');
  });

  it('does not claim a trend the test does not support', () => {
    const text = trendStatement('Robbery', 'AT', segment({ cagr: 0.013, mannKendall: { n: 11, s: 7, tau: 0.13, variance: 165, z: 0.47, p: 0.64 } }));
    expect(text).toBe('Robbery in AT, 2012–2022: no clear trend (up 1.3% a year; Mann–Kendall p = 0.64, not significant).');
  });

  it('says when there are too few years', () => {
    expect(trendStatement('Fraud', 'FR', segment({ n: 2, cagr: null, mannKendall: null }))).toContain('too few years (2)');
  });

  it('words p-values at the usual thresholds', () => {
    expect([0.0004, 0.004, 0.04, 0.2].map(pValueText)).toEqual(['p < 0.001', 'p < 0.01', 'p < 0.05', 'p = 0.20, not significant']);
  });
});
