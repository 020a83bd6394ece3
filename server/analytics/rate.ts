import { unionFlags } from '../cells/flags';
import { translate } from '../i18n/translate';
import type { Denominator, MeasuredValue } from '../shared/api/analytics';
import type { LocalisedText } from '../shared/i18n';
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

/**
 * A figure without a value, and why: `reason` in English (the reference, as computed and cached) and
 * `reasonMessage`, its key and values, from which answers render it in the reader's language
 * (answer-language.ts).
 */
function missing(reasonMessage: LocalisedText, count: CellRecord | undefined): MeasuredValue {
  return {
    value: null,
    flags: count?.flags ?? '',
    count: count?.value ?? null,
    countFlags: count?.flags ?? '',
    source: count?.source ?? null,
    denominator: null,
    reason: translate('en', reasonMessage),
    reasonMessage,
  };
}

function because(key: string, geo: string, period: string, population?: number): LocalisedText {
  return {
    key: `analytics.reason.${key}`,
    params: population === undefined ? { geo, period } : { geo, period, population: String(population) },
  };
}

/**
 * A stored value that is not a finite number (Infinity, NaN: stored before uploads were range-checked,
 * issue 15) is treated as missing, with a note, so it is never ranked, summed or trended.
 */
function unusable(cell: CellRecord, geo: string, period: string): MeasuredValue {
  return { ...missing(because('not-finite', geo, period), cell), count: null };
}

/** The value as published (measure=count). */
export function measuredCount(cell: CellRecord | undefined, geo: string, period: string): MeasuredValue {
  if (!cell || cell.value === null) return missing(because('no-value', geo, period), cell);
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
  if (!cell || cell.value === null) return missing(because('no-value', geo, period), cell);
  if (!Number.isFinite(cell.value)) return unusable(cell, geo, period);
  if (!population || population.value === null) return missing(because('no-population', geo, period), cell);
  // Stored before uploads were range-checked (issue 15): a population below 1 or not finite is no denominator.
  if (!(population.value >= 1 && Number.isFinite(population.value)))
    return missing(because('population-unusable', geo, period, population.value), cell);
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
