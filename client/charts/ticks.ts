/**
 * Axis ticks that fit: as many as the axis has room for, at round values. A phone's narrow x-axis
 * shows every 5th year instead of running the years together; a log axis is labelled 1-2-5 in each
 * decade (or fewer), never every minor tick.
 */

/** Room one year label needs on an x-axis ("2019" at 12 px plus a gap). */
export const YEAR_SPACING = 44;

const YEAR_STEPS = [1, 2, 5, 10, 20, 25, 50, 100];

/** The years to label on an axis `length` pixels long: every year, else every 2nd, 5th, 10th … year. */
export function yearTicks(years: number[], length: number, spacing = YEAR_SPACING): number[] {
  if (years.length <= 1) return years;
  const first = years[0]!;
  const last = years.at(-1)!;
  const room = Math.max(2, Math.floor(length / spacing) + 1);
  for (const step of YEAR_STEPS) {
    const ticks = step === 1 ? years : years.filter((y) => y % step === 0);
    if (ticks.length < 2) break;
    if (ticks.length <= room) return ticks;
  }
  return [first, last];
}

/** How many ticks a linear axis of `length` pixels has room for (one per `spacing` px, 2 to 6). */
export function tickCount(length: number, spacing = 48): number {
  return Math.max(2, Math.min(6, Math.floor(length / spacing)));
}

const LOG_MULTIPLES = [[1, 2, 5], [1, 5], [1]] as const;

/**
 * Log-axis ticks at 1, 2 and 5 times a power of ten (then 1 and 5, then powers of ten, then every
 * other power) in [low, high], at most `most` of them.
 */
export function logTicks(low: number, high: number, most: number): number[] {
  if (!(low > 0) || !(high >= low)) return [];
  const from = Math.floor(Math.log10(low));
  const to = Math.ceil(Math.log10(high));
  const within = (v: number) => v >= low * (1 - 1e-9) && v <= high * (1 + 1e-9);
  const decade = (k: number) => Number((10 ** k).toPrecision(12));
  for (const multiples of LOG_MULTIPLES) {
    const ticks: number[] = [];
    for (let k = from; k <= to; k++)
      for (const m of multiples) {
        const v = Number((m * decade(k)).toPrecision(12));
        if (within(v)) ticks.push(v);
      }
    if (ticks.length <= most && ticks.length >= 2) return ticks;
    if (ticks.length < 2) break;
  }
  const powers: number[] = [];
  for (let k = from; k <= to; k++) if (within(decade(k))) powers.push(decade(k));
  if (powers.length >= 2) {
    const stride = Math.ceil(powers.length / Math.max(2, most));
    return powers.filter((_, i) => i % stride === 0);
  }
  return [low, high];
}
