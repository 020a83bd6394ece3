import { mean, median, medianAbsoluteDeviation, sampleStandardDeviation } from 'simple-statistics';

/** MAD scaled to estimate the standard deviation of normal data (1.4826 × MAD). */
export const MAD_SCALE = 1.4826;

export interface Spread {
  mean: number;
  sd: number | null;
  median: number;
  scaledMad: number | null;
}

export function spreadOf(values: number[]): Spread | null {
  if (!values.length) return null;
  const sd = values.length > 1 ? sampleStandardDeviation(values) : null;
  const mad = medianAbsoluteDeviation(values) * MAD_SCALE;
  return { mean: mean(values), sd: sd && sd > 0 ? sd : null, median: median(values), scaledMad: mad > 0 ? mad : null };
}

/** z = (x − mean) / sample SD; null when the spread is zero or undefined. */
export function zScore(x: number, spread: Spread): number | null {
  return spread.sd ? (x - spread.mean) / spread.sd : null;
}

/** Robust z = (x − median) / (1.4826 · MAD); null when MAD is zero. */
export function robustZ(x: number, spread: Spread): number | null {
  return spread.scaledMad ? (x - spread.median) / spread.scaledMad : null;
}
