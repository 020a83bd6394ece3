import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, studentTQuantile } from '../../server/analytics/statistics/distributions';
import { olsFit, predictionInterval } from '../../server/analytics/statistics/ols';
import { robustZ, spreadOf, zScore } from '../../server/analytics/statistics/robust';
import { mannKendall, mannKendallVariance, theilSen } from '../../server/analytics/statistics/trend-tests';

// Real series from ../shared/data crim_off_cat (ICCS0101 AT, ICCS0401 SE, 2008–2022). The reference
// figures were computed independently with SciPy 1.17 (stats.theilslopes(method="joint"),
// stats.linregress, stats.t.ppf, stats.norm) and a brute-force NumPy Mann–Kendall.
const YEARS = Array.from({ length: 15 }, (_, i) => 2008 + i);
const AT_HOMICIDE = [58, 51, 61, 80, 88, 63, 43, 42, 49, 61, 73, 74, 54, 59, 65];
const SE_ROBBERY = [8909, 9570, 9219, 9719, 9213, 8361, 8364, 8461, 8562, 8649, 8646, 9035, 8812, 7301, 6483];

describe('distributions', () => {
  it('matches the published two-sided 95 % t table', () => {
    const table: [number, number][] = [
      [1, 12.706],
      [2, 4.303],
      [5, 2.571],
      [10, 2.228],
      [30, 2.042],
    ];
    for (const [df, t] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 3);
    expect(studentTQuantile(0.975, 5)).toBeCloseTo(2.5705818356363146, 8);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.228138851986274, 8);
  });

  it('matches the standard normal', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalCdf(1.5)).toBeCloseTo(0.9331927987311419, 6);
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
  });
});

describe('Mann–Kendall', () => {
  it('matches the reference on a real series with ties (AT homicide)', () => {
    const mk = mannKendall(AT_HOMICIDE)!;
    expect(mk.s).toBe(8);
    expect(mk.tau).toBeCloseTo(0.0761904761904762, 12);
    expect(mk.variance).toBeCloseTo(407.3333333333333, 9);
    expect(mk.z).toBeCloseTo(0.34683511791340177, 6);
    expect(mk.p).toBeCloseTo(0.7287151925758497, 5);
  });

  it('matches the reference on a falling series (SE robbery)', () => {
    const mk = mannKendall(SE_ROBBERY)!;
    expect(mk).toMatchObject({ n: 15, s: -39 });
    expect(mk.variance).toBeCloseTo(408.3333333333333, 9);
    expect(mk.z).toBeCloseTo(-1.8805123053604953, 6);
    expect(mk.p).toBeCloseTo(0.06003829090957912, 5);
  });

  it('corrects the variance for ties: n(n−1)(2n+5)/18 minus Σ t(t−1)(2t+5)/18', () => {
    expect(mannKendallVariance([1, 2, 3, 4])).toBeCloseTo((4 * 3 * 13) / 18, 12);
    expect(mannKendallVariance([1, 1, 2, 3])).toBeCloseTo((4 * 3 * 13 - 2 * 1 * 9) / 18, 12);
  });

  it('gives |tau| = 1 for any strictly monotone series, and reversing time flips the sign', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 3, maxLength: 30 }), (values) => {
        const rising = [...values].sort((a, b) => a - b);
        expect(mannKendall(rising)!.tau).toBe(1);
        expect(mannKendall([...rising].reverse())!.tau).toBe(-1);
        const shuffled = values;
        const forward = mannKendall(shuffled)!;
        const backward = mannKendall([...shuffled].reverse())!;
        expect(backward.s + forward.s).toBe(0);
        expect(backward.p).toBeCloseTo(forward.p, 12);
      }),
    );
  });
});

describe('Theil–Sen', () => {
  it('matches SciPy theilslopes on real series, with Sen’s confidence interval', () => {
    const at = theilSen(YEARS, AT_HOMICIDE)!;
    expect(at.slope).toBeCloseTo(0.3333333333333333, 12);
    expect(at.intercept).toBeCloseTo(-611.3333333333333, 6);
    expect(at.lower).toBeCloseTo(-2, 12);
    expect(at.upper).toBeCloseTo(2.2857142857142856, 12);
    const se = theilSen(YEARS, SE_ROBBERY)!;
    expect(se.slope).toBeCloseTo(-102.66666666666667, 9);
    expect(se.lower).toBeCloseTo(-212.44444444444446, 9);
    expect(se.upper).toBeCloseTo(3, 9);
  });

  it('recovers the slope of an exact line, and reversing time flips the sign', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 3, max: 25 }),
        (slope, intercept, n) => {
          const xs = Array.from({ length: n }, (_, i) => 2000 + i);
          const ys = xs.map((x) => intercept + slope * (x - 2000));
          const fit = theilSen(xs, ys)!;
          expect(fit.slope).toBeCloseTo(slope, 9);
          expect(fit.lower).toBeCloseTo(slope, 9);
          expect(fit.upper).toBeCloseTo(slope, 9);
          const reversed = theilSen(xs, [...ys].reverse())!;
          expect(reversed.slope).toBeCloseTo(-slope, 9);
        },
      ),
    );
  });

  it('resists an outlier that drags OLS', () => {
    const ys = YEARS.map((x) => 2 * (x - 2008) + 10);
    ys[14] = 500;
    expect(theilSen(YEARS, ys)!.slope).toBeCloseTo(2, 9);
    expect(olsFit(YEARS, ys)!.slope).toBeGreaterThan(5);
  });
});

describe('OLS', () => {
  it('matches SciPy linregress with a t-based 95 % slope interval and R²', () => {
    const fit = olsFit(YEARS, SE_ROBBERY)!;
    expect(fit.slope).toBeCloseTo(-129.62142857142857, 8);
    expect(fit.intercept).toBeCloseTo(269807.44523809524, 4);
    expect(fit.rSquared).toBeCloseTo(0.4909363102597528, 9);
    expect(fit.slopeLower).toBeCloseTo(-208.7086792736999, 6);
    expect(fit.slopeUpper).toBeCloseTo(-50.53417786915725, 6);
    const at = olsFit(YEARS, AT_HOMICIDE)!;
    expect(at.slopeLower).toBeCloseTo(-1.7762737381631264, 8);
    expect(at.slopeUpper).toBeCloseTo(1.7405594524488408, 8);
  });

  it('gives the prediction interval for a new year', () => {
    const pi = predictionInterval(olsFit(YEARS, SE_ROBBERY)!, 2023);
    expect(pi.lower).toBeCloseTo(6077.172730093953, 5);
    expect(pi.upper).toBeCloseTo(9089.417746096602, 5);
    const exact = olsFit([1, 2, 3, 4], [3, 5, 7, 9])!;
    expect(exact).toMatchObject({ slope: 2, intercept: 1, rSquared: 1 });
    expect(predictionInterval(exact, 5).lower).toBeCloseTo(11, 9);
  });

  it('needs three points with distinct x', () => {
    expect(olsFit([1, 2], [1, 2])).toBeNull();
    expect(olsFit([1, 1, 1], [1, 2, 3])).toBeNull();
  });
});

describe('z-scores', () => {
  it('computes the classic and the robust z-score', () => {
    const values = [1, 2, 3, 4, 100];
    const spread = spreadOf(values)!;
    expect(spread.median).toBe(3);
    expect(spread.scaledMad).toBeCloseTo(1.4826, 12);
    expect(robustZ(100, spread)).toBeCloseTo(97 / 1.4826, 9);
    expect(zScore(100, spread)).toBeCloseTo(
      (100 - 22) / Math.sqrt((21 ** 2 + 20 ** 2 + 19 ** 2 + 18 ** 2 + 78 ** 2) / 4),
      9,
    );
    expect(robustZ(5, spreadOf([5, 5, 5])!)).toBeNull();
  });
});
