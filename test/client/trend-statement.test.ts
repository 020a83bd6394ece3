import { describe, expect, it } from 'vitest';
import { segmentSeries, segmentStatistics } from '../../server/analytics/series';
import type { MeasuredValue, SegmentStatistics } from '../../server/shared/api/analytics';
import { pValueText, trendStatement } from '../../client/views/trends/statement';
import { readCrimeCounts } from '../analytics/eurostat-files';

const segment = (over: Partial<SegmentStatistics>): SegmentStatistics => ({
  from: '2012',
  to: '2022',
  n: 11,
  ols: null,
  theilSen: { slope: -1.2, lower: -1.9, upper: -0.6 },
  medianLevel: 30,
  percentChange: -35,
  cagr: -0.042,
  gaps: [],
  note: null,
  mannKendall: { n: 11, s: -41, tau: -0.75, variance: 165, z: -3.1, p: 0.002 },
  ...over,
});

const counted = (value: number): MeasuredValue => ({
  value,
  flags: '',
  source: 'estat.crim_off_cat',
  count: value,
  countFlags: '',
  denominator: null,
  reason: null,
});

/** Every real crim_off_cat count series, through the server's segment statistics. */
function realSegments(): { key: string; segment: SegmentStatistics }[] {
  const bySeries = new Map<string, { period: string; measured: MeasuredValue }[]>();
  for (const [key, cell] of readCrimeCounts()) {
    const [iccs, geo, year] = key.split('|');
    const id = `${iccs} ${geo}`;
    bySeries.set(id, [...(bySeries.get(id) ?? []), { period: year!, measured: counted(cell.value) }]);
  }
  return [...bySeries].flatMap(([key, series]) => {
    series.sort((a, b) => a.period.localeCompare(b.period));
    return segmentStatistics(segmentSeries(series).points).map((s) => ({ key, segment: s }));
  });
}

describe('plain-language trend statements', () => {
  it('states a significant fall from the Theil–Sen slope relative to the median level, with its interval and the test', () => {
    expect(trendStatement('Domestic burglary per 100k', 'NL', segment({}))).toBe(
      'Domestic burglary per 100k fell 4.0% of its median level a year in NL, 2012–2022 (Theil–Sen −1.20 a year, 95% CI −1.90 to −0.600; Mann–Kendall S = −41, p < 0.01). First to last value: −35.0%.',
    );
  });

  it('never lets the endpoint change contradict the headline', () => {
    const text = trendStatement(
      'Robbery',
      'CH',
      segment({
        theilSen: { slope: 11.3, lower: 4, upper: 17.5 },
        medianLevel: 700,
        percentChange: -21,
        cagr: -0.161,
        mannKendall: { n: 15, s: 48, tau: 0.46, variance: 408, z: 2.33, p: 0.02 },
      }),
    );
    expect(text).toMatch(/^Robbery rose 1\.6% of its median level a year in CH/);
    expect(text).not.toMatch(/−21|fell/);
  });

  it('says there is no clear trend when the statistics disagree in sign, and why', () => {
    const text = trendStatement(
      'Fraud',
      'AT',
      segment({
        theilSen: { slope: 0.4, lower: -1, upper: 2 },
        mannKendall: { n: 11, s: -3, tau: -0.05, variance: 165, z: -0.16, p: 0.87 },
      }),
    );
    expect(text).toBe(
      'Fraud in AT, 2012–2022: no clear trend: the Theil–Sen slope (0.400 a year) and Mann–Kendall S (−3) disagree in sign.',
    );
  });

  it('does not claim a trend the test does not support, and says when a year is missing', () => {
    const text = trendStatement(
      'Robbery',
      'AT',
      segment({
        theilSen: { slope: 0.3, lower: -0.5, upper: 1.1 },
        percentChange: 5,
        gaps: ['2017'],
        mannKendall: { n: 10, s: 7, tau: 0.13, variance: 125, z: 0.54, p: 0.64 },
      }),
    );
    expect(text).toMatch(
      /^Robbery in AT, 2012–2022: no clear trend \(up 1\.0% of its median level a year; .*p = 0\.64, not significant\)\. First to last value: \+5\.0%\. 2017 missing: fitted across the gap\.$/,
    );
  });

  it('says when there are too few years', () => {
    expect(trendStatement('Fraud', 'FR', segment({ n: 2, theilSen: null, mannKendall: null }))).toContain(
      'too few years (2)',
    );
  });

  it('words p-values at the usual thresholds', () => {
    expect([0.0004, 0.004, 0.04, 0.2].map(pValueText)).toEqual([
      'p < 0.001',
      'p < 0.01',
      'p < 0.05',
      'p = 0.20, not significant',
    ]);
  });

  it('on every real count series, never states a direction opposite to Mann–Kendall S or the Theil–Sen slope', () => {
    const segments = realSegments();
    expect(segments.length).toBeGreaterThan(760);
    let rising = 0;
    let falling = 0;
    for (const { key, segment: s } of segments) {
      const text = trendStatement('Offences', key, s);
      if (/^Offences rose /.test(text)) {
        rising++;
        expect(s.mannKendall!.s, text).toBeGreaterThan(0);
        expect(s.theilSen!.slope, text).toBeGreaterThan(0);
      } else if (/^Offences fell /.test(text)) {
        falling++;
        expect(s.mannKendall!.s, text).toBeLessThan(0);
        expect(s.theilSen!.slope, text).toBeLessThan(0);
      } else {
        expect(text).toMatch(/no clear trend|too few years/);
      }
    }
    expect(rising).toBeGreaterThan(50);
    expect(falling).toBeGreaterThan(50);
    const ch = segments.find((s) => s.key === 'ICCS020111 CH')!;
    expect(trendStatement('Serious assault', 'CH', ch.segment)).toMatch(/^Serious assault rose /);
  });
});
