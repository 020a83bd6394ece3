import { unionFlags } from '../cells/flags';
import type { Denominator, MeasuredValue } from '../shared/api/analytics';
import { type CellRecord, POPULATION_INDICATOR } from './cell.types';

export { POPULATION_INDICATOR };
export const PER_100K_UNIT = 'per_100k_inhabitants';

/**
 * Eurostat publishes rates rounded to 2 decimals; we round only what is shown (half away from zero):
 * every statistic, change and alert uses the unrounded rate.
 */
export function roundRate(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-9)) / 100;
}

function missing(reason: string, count: CellRecord | undefined): MeasuredValue {
  return {
    value: null,
    flags: count?.flags ?? '',
    count: count?.value ?? null,
    countFlags: count?.flags ?? '',
    source: count?.source ?? null,
    denominator: null,
    reason,
  };
}

/**
 * A stored value that is not a finite number (Infinity, NaN: stored before uploads were range-checked,
 * issue 15) is treated as missing, with a note, so it is never ranked, summed or trended.
 */
function unusable(cell: CellRecord, geo: string, period: string): MeasuredValue {
  return { ...missing(`the stored value for ${geo} ${period} is not a finite number`, cell), count: null };
}

/** The value as published (measure=count). */
export function measuredCount(cell: CellRecord | undefined, geo: string, period: string): MeasuredValue {
  if (!cell || cell.value === null) return missing(`no value for ${geo} ${period}`, cell);
  if (!Number.isFinite(cell.value)) return unusable(cell, geo, period);
  return {
    value: cell.value,
    flags: cell.flags,
    count: cell.value,
    countFlags: cell.flags,
    source: cell.source,
    denominator: null,
    reason: null,
  };
}

/**
 * count ÷ population of the same geo and period × 100,000, never another year's population. The
 * rate's flags are the union of the count's and the population's.
 */
export function measuredRate(
  cell: CellRecord | undefined,
  population: CellRecord | undefined,
  geo: string,
  period: string,
): MeasuredValue {
  if (!cell || cell.value === null) return missing(`no value for ${geo} ${period}`, cell);
  if (!Number.isFinite(cell.value)) return unusable(cell, geo, period);
  if (!population || population.value === null) return missing(`no population for ${geo} ${period}`, cell);
  // Stored before uploads were range-checked (issue 15): a population below 1 or not finite is no denominator.
  if (!(population.value >= 1 && Number.isFinite(population.value)))
    return missing(`population for ${geo} ${period} is ${population.value}`, cell);
  const denominator: Denominator = {
    indicator: POPULATION_INDICATOR,
    geo,
    period,
    value: population.value,
    flags: population.flags,
    source: population.source,
  };
  return {
    value: (cell.value / population.value) * 100_000,
    // Most cells carry no flag: skip normalising an empty union.
    flags: cell.flags === '' && population.flags === '' ? '' : unionFlags(cell.flags, population.flags),
    count: cell.value,
    countFlags: cell.flags,
    source: cell.source,
    denominator,
    reason: null,
  };
}
