import type { LocalisedText } from '../../shared/i18n';
import type { UnitKind } from '../../db/tables/indicator.table';

/** Counts (offences, victims, population) stay below this: a trillion, far above any country's figure. */
export const COUNT_CEILING = 1e12;
/** Any other figure (rates, spending, indices) stays within ± this. */
export const VALUE_CEILING = 1e12;
/** The indicator whose figure is a population: the denominator of every rate, so at least 1. */
const POPULATION = 'POP_JAN';
/** The smallest normal double: anything smaller but not zero is a subnormal, never a real figure. */
const SMALLEST_NORMAL = 2.2250738585072014e-308;

export interface RangeProblem {
  code: 'number-out-of-range' | 'fractional-count' | 'negative-count';
  message: LocalisedText;
}

/**
 * Why a read number cannot be a figure of this indicator, or null when it can. Every value must be
 * finite and normal (Infinity from "1e309", subnormals such as 4.9e-324 and underflows such as
 * "5e-400", read as 0, are refused); counts are whole numbers from 0 below COUNT_CEILING, population
 * at least 1, percentages 0 to 100, rates and spending non-negative.
 */
export function rangeProblem(
  value: number,
  text: string,
  indicator: string,
  unit: UnitKind | string | undefined,
): RangeProblem | null {
  if (
    unit === 'count' &&
    Number.isInteger(value) &&
    value >= 0 &&
    value < COUNT_CEILING &&
    (value >= 1 || indicator !== POPULATION)
  ) {
    return null;
  }
  if (!Number.isFinite(value)) return outOfRange({ key: 'validation.overflow', params: { text: short(text) } });
  if (value === 0 ? writesNonZero(text) : Math.abs(value) < SMALLEST_NORMAL) {
    return outOfRange({ key: 'validation.underflow', params: { text: short(text) } });
  }
  if (unit === 'count') return countProblem(value, indicator);
  if (unit === 'percent' && (value < 0 || value > 100))
    return outOfRange({ key: 'validation.not-a-percentage', params: { value: String(value) } });
  if ((unit === 'rate_per_100k' || unit === 'currency_per_inhabitant') && value < 0) {
    return outOfRange({ key: 'validation.negative-rate', params: { value: String(value) } });
  }
  if (Math.abs(value) >= VALUE_CEILING)
    return outOfRange({
      key: 'validation.beyond-range',
      params: { value: String(value), ceiling: VALUE_CEILING.toExponential() },
    });
  return null;
}

function countProblem(value: number, indicator: string): RangeProblem {
  if (!Number.isInteger(value)) {
    return {
      code: 'fractional-count',
      message: { key: 'validation.fractional-count', params: { value: String(value) } },
    };
  }
  if (value >= COUNT_CEILING)
    return outOfRange({
      key: 'validation.implausible-count',
      params: { value: String(value), ceiling: COUNT_CEILING.toExponential() },
    });
  if (indicator === POPULATION && value < 1)
    return outOfRange({ key: 'validation.impossible-population', params: { value: String(value) } });
  return { code: 'negative-count', message: { key: 'validation.negative-count', params: { value: String(value) } } };
}

function outOfRange(message: LocalisedText): RangeProblem {
  return { code: 'number-out-of-range', message };
}

/** True when the digits before any exponent include a non-zero one ("5e-400", "0.000e-999" is zero). */
function writesNonZero(text: string): boolean {
  const mantissa = text.split(/[eE]/)[0] ?? '';
  return /[1-9]/.test(mantissa);
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 20)}… (${text.length} characters)` : text;
}
