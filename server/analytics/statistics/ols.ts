import { linearRegression, rSquared } from 'simple-statistics';
import { studentTQuantile } from './distributions';

export interface OlsFit {
  n: number;
  slope: number;
  intercept: number;
  rSquared: number;
  /** Standard error of the slope. */
  slopeStandardError: number;
  /** Residual standard error, sqrt(SSE / (n − 2)). */
  residualStandardError: number;
  slopeLower: number;
  slopeUpper: number;
  meanX: number;
  sxx: number;
  level: number;
}

/**
 * Ordinary least squares y = a + b·x with a t-based confidence interval for the slope
 * (slope and R² from simple-statistics). Needs at least 3 points with distinct x.
 */
export function olsFit(xs: number[], ys: number[], level = 0.95): OlsFit | null {
  const n = xs.length;
  if (n < 3 || ys.length !== n) return null;
  const meanX = xs.reduce((s, x) => s + x, 0) / n;
  const sxx = xs.reduce((s, x) => s + (x - meanX) ** 2, 0);
  if (sxx === 0) return null;
  const points = xs.map((x, i) => [x, ys[i]!]);
  const { m: slope, b: intercept } = linearRegression(points);
  const line = (x: number) => intercept + slope * x;
  const sse = xs.reduce((s, x, i) => s + (ys[i]! - line(x)) ** 2, 0);
  const residualStandardError = Math.sqrt(sse / (n - 2));
  const slopeStandardError = residualStandardError / Math.sqrt(sxx);
  const t = studentTQuantile(1 - (1 - level) / 2, n - 2);
  const r2 = rSquared(points, line);
  return {
    n,
    slope,
    intercept,
    rSquared: Number.isFinite(r2) ? r2 : 1,
    slopeStandardError,
    residualStandardError,
    slopeLower: slope - t * slopeStandardError,
    slopeUpper: slope + t * slopeStandardError,
    meanX,
    sxx,
    level,
  };
}

/** The prediction interval for a new observation at x (not the narrower interval of the mean). */
export function predictionInterval(
  fit: OlsFit,
  x: number,
): { fitted: number; lower: number; upper: number; standardError: number } {
  const fitted = fit.intercept + fit.slope * x;
  const standardError = fit.residualStandardError * Math.sqrt(1 + 1 / fit.n + (x - fit.meanX) ** 2 / fit.sxx);
  const t = studentTQuantile(1 - (1 - fit.level) / 2, fit.n - 2);
  return { fitted, lower: fitted - t * standardError, upper: fitted + t * standardError, standardError };
}
