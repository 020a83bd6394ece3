import { median, medianSorted } from 'simple-statistics';
import { normalQuantile, twoSidedNormalP } from './distributions';

/**
 * Non-parametric trend statistics: the Mann–Kendall test and the Theil–Sen slope with Sen's (1968)
 * confidence interval, as in Gilbert (1987), "Statistical Methods for Environmental Pollution
 * Monitoring", ch. 16. Values must be in time order.
 */

export interface MannKendall {
  n: number;
  s: number;
  /** Kendall's tau-a: S ÷ (n(n−1)/2). */
  tau: number;
  /** Var(S) = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18, t the sizes of groups of tied values. */
  variance: number;
  /** (S − sign(S)) / sqrt(Var S): normal approximation with continuity correction. */
  z: number;
  p: number;
}

function sign(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

function tieCorrection(ys: number[]): number {
  const groups = new Map<number, number>();
  for (const y of ys) groups.set(y, (groups.get(y) ?? 0) + 1);
  let total = 0;
  for (const t of groups.values()) if (t > 1) total += t * (t - 1) * (2 * t + 5);
  return total;
}

export function mannKendallVariance(ys: number[]): number {
  const n = ys.length;
  return (n * (n - 1) * (2 * n + 5) - tieCorrection(ys)) / 18;
}

export function mannKendall(ys: number[]): MannKendall | null {
  const n = ys.length;
  if (n < 3) return null;
  let s = 0;
  for (let i = 0; i < n - 1; i++) for (let j = i + 1; j < n; j++) s += sign(ys[j]! - ys[i]!);
  const variance = mannKendallVariance(ys);
  const z = variance > 0 ? (s - sign(s)) / Math.sqrt(variance) : 0;
  return { n, s, tau: s / ((n * (n - 1)) / 2), variance, z, p: variance > 0 ? twoSidedNormalP(z) : 1 };
}

export interface TheilSen {
  slope: number;
  intercept: number;
  lower: number;
  upper: number;
}

/**
 * Theil–Sen slope: the median of all pairwise slopes (pairs with equal x are skipped). The
 * confidence interval takes the order statistics M1 = (N − C)/2 and M2 = (N + C)/2 + 1 of the N
 * sorted slopes, C = z(1−α/2)·sqrt(Var S) (Gilbert 1987, eq. 16.6–16.8).
 */
export function theilSen(xs: number[], ys: number[], level = 0.95): TheilSen | null {
  const n = xs.length;
  if (n < 2 || ys.length !== n) return null;
  const pairs = new Float64Array((n * (n - 1)) / 2);
  let count = 0;
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) if (xs[j] !== xs[i]) pairs[count++] = (ys[j]! - ys[i]!) / (xs[j]! - xs[i]!);
  }
  if (!count) return null;
  // A typed array sorts numerically without a comparator call per step: the bulk of a trend's cost.
  const slopes = pairs.subarray(0, count).sort();
  // medianSorted only reads length and indexes, which a Float64Array has.
  const slope = medianSorted(slopes as unknown as readonly number[]);
  const intercept = median(xs.map((x, i) => ys[i]! - slope * x));
  const c = normalQuantile(1 - (1 - level) / 2) * Math.sqrt(mannKendallVariance(ys));
  const m1 = Math.round((count - c) / 2);
  const m2 = Math.round((count + c) / 2) + 1;
  const at = (k: number) => slopes[Math.min(count, Math.max(1, k)) - 1]!;
  return { slope, intercept, lower: at(m1), upper: at(m2) };
}
