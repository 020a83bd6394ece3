import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../server/analytics/statistics/false-discovery';
import { predictCount, quasiPoissonFit } from '../../server/analytics/statistics/quasi-poisson';

// SE robbery 2014–2020 and 2021 (../shared/data crim_off_cat). Reference: the Poisson score equations
// solved with scipy.optimize.root, φ from Pearson's X², covariance φ(XᵀWX)⁻¹, norm.sf (SciPy 1.17.1).
const YEARS = [2014, 2015, 2016, 2017, 2018, 2019, 2020];
const SE_ROBBERY = [8364, 8461, 8562, 8649, 8646, 9035, 8812];

describe('quasi-Poisson trend of counts', () => {
  it('matches SciPy on a real series, and flags its 2021 fall', () => {
    const fit = quasiPoissonFit(
      YEARS,
      SE_ROBBERY,
      YEARS.map(() => 0),
    )!;
    expect(fit.intercept).toBeCloseTo(9.064741287800771, 10);
    expect(fit.slope).toBeCloseTo(0.010640531969762309, 10);
    expect(fit.dispersion).toBeCloseTo(1.427029325247522, 8);
    const test = predictCount(fit, 2021, 0, 7301);
    expect(test.fitted).toBeCloseTo(9020.936348257692, 6);
    expect(test.standardError).toBeCloseTo(149.35051218500237, 6);
    expect(test.z).toBeCloseTo(-11.516106125750577, 8);
    expect(test.p / 1.0944604673961556e-30).toBeCloseTo(1, 6);
    expect(test.lower).toBeCloseTo(8728.214723302477, 5);
    expect(test.upper).toBeCloseTo(9313.657973212907, 5);
  });

  it('never treats counts as less noisy than Poisson, so 1 → 3 is within the range', () => {
    const fit = quasiPoissonFit([2016, 2017, 2018, 2019, 2020], [1, 1, 1, 1, 1], [0, 0, 0, 0, 0])!;
    expect(fit.dispersion).toBe(1);
    const test = predictCount(fit, 2021, 0, 3);
    expect(test.p).toBeGreaterThan(0.05);
  });

  it('uses the population as exposure: the same rate on a larger population is no change', () => {
    const people = [1e6, 1.1e6, 1.2e6, 1.3e6, 1.4e6];
    const counts = people.map((p) => p / 1000);
    const fit = quasiPoissonFit([2016, 2017, 2018, 2019, 2020], counts, people.map(Math.log))!;
    expect(fit.slope).toBeCloseTo(0, 10);
    const test = predictCount(fit, 2021, Math.log(2e6), 2000);
    expect(test.fitted).toBeCloseTo(2000, 6);
    expect(Math.abs(test.z)).toBeLessThan(1e-6);
  });

  it('refuses what cannot be fitted', () => {
    expect(quasiPoissonFit([2019, 2020], [5, 6], [0, 0])).toBeNull();
    expect(quasiPoissonFit([2018, 2019, 2020], [0, 0, 0], [0, 0, 0])).toBeNull();
    expect(quasiPoissonFit([2018, 2019, 2020], [1, -1, 2], [0, 0, 0])).toBeNull();
  });
});

describe('Benjamini–Hochberg', () => {
  it('matches R p.adjust(method = "BH")', () => {
    // p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.5), "BH") = 0.025 0.05 0.05 0.025 0.5
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.5]);
    for (const [i, expected] of [0.025, 0.05, 0.05, 0.025, 0.5].entries()) expect(q[i]).toBeCloseTo(expected, 15);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});
