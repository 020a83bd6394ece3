import { normalQuantile, twoSidedNormalP } from './distributions';

/**
 * A log-linear quasi-Poisson trend of counts: log E[y] = offset + a + b·(x − x̄), fitted by iteratively
 * reweighted least squares. Counts of offences are noisier than Poisson (one event with many victims,
 * recording campaigns), so the variance is φ·μ with φ estimated from the Pearson residuals, and never
 * taken below 1 (the Poisson floor): a small count can never look more certain than Poisson allows.
 */
export interface QuasiPoissonFit {
  n: number;
  intercept: number;
  slope: number;
  centre: number;
  dispersion: number;
  /** Covariance of (intercept, slope): φ·(XᵀWX)⁻¹. */
  covariance: [number, number, number];
}

export interface CountPrediction {
  /** Expected count and its 95 % prediction interval (count noise plus the fit's uncertainty). */
  fitted: number;
  lower: number;
  upper: number;
  standardError: number;
  z: number;
  /** Two-sided p from the normal reference, as in the Farrington surveillance algorithm. */
  p: number;
}

export function quasiPoissonFit(xs: number[], ys: number[], offsets: number[]): QuasiPoissonFit | null {
  const n = xs.length;
  if (n < 3 || ys.some((y) => !(y >= 0))) return null;
  const centre = xs.reduce((s, x) => s + x, 0) / n;
  const cx = xs.map((x) => x - centre);
  const meanRate = ys.reduce((s, y, i) => s + y / Math.exp(offsets[i]!), 0) / n;
  if (!(meanRate > 0)) return null;
  let a = Math.log(meanRate);
  let b = 0;
  let info: [number, number, number] = [0, 0, 0];
  for (let iteration = 0; iteration < 50; iteration++) {
    // Weighted least squares of the working response on (1, x), weights μ.
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      t0 = 0,
      t1 = 0;
    for (let i = 0; i < n; i++) {
      const mu = Math.exp(offsets[i]! + a + b * cx[i]!);
      const working = a + b * cx[i]! + (ys[i]! - mu) / mu;
      s0 += mu;
      s1 += mu * cx[i]!;
      s2 += mu * cx[i]! ** 2;
      t0 += mu * working;
      t1 += mu * cx[i]! * working;
    }
    const det = s0 * s2 - s1 * s1;
    if (!(det > 0)) return null;
    const nextA = (s2 * t0 - s1 * t1) / det;
    const nextB = (s0 * t1 - s1 * t0) / det;
    info = [s2 / det, -s1 / det, s0 / det];
    const done = Math.abs(nextA - a) < 1e-12 && Math.abs(nextB - b) < 1e-12;
    a = nextA;
    b = nextB;
    if (done) break;
  }
  let pearson = 0;
  for (let i = 0; i < n; i++) {
    const mu = Math.exp(offsets[i]! + a + b * cx[i]!);
    pearson += (ys[i]! - mu) ** 2 / mu;
  }
  const dispersion = Math.max(1, pearson / (n - 2));
  return {
    n,
    intercept: a,
    slope: b,
    centre,
    dispersion,
    covariance: [dispersion * info[0], dispersion * info[1], dispersion * info[2]],
  };
}

/**
 * The prediction test of a new count at x (with its offset): Var(y − μ̂) ≈ φ·μ̂ + μ̂²·Var(η̂) by the
 * delta method, so both the count noise and the uncertainty of the extrapolated trend widen the range.
 */
export function predictCount(
  fit: QuasiPoissonFit,
  x: number,
  offset: number,
  observed: number,
  level = 0.95,
): CountPrediction {
  const dx = x - fit.centre;
  const eta = offset + fit.intercept + fit.slope * dx;
  const [vaa, vab, vbb] = fit.covariance;
  const varianceOfEta = vaa + 2 * dx * vab + dx * dx * vbb;
  const fitted = Math.exp(eta);
  const standardError = Math.sqrt(fit.dispersion * fitted + fitted * fitted * varianceOfEta);
  const k = normalQuantile(1 - (1 - level) / 2);
  const z = (observed - fitted) / standardError;
  return {
    fitted,
    lower: Math.max(0, fitted - k * standardError),
    upper: fitted + k * standardError,
    standardError,
    z,
    p: twoSidedNormalP(z),
  };
}
