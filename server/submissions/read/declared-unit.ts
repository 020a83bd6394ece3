import type { LocalisedText } from '../../shared/i18n';
import type { MappingUnit } from '../../shared/api/import-profiles';

/** A value read in the unit its mapping declared: in the indicator's unit, or why it cannot be. */
export type DeclaredReading = { value: number; problem?: undefined } | { value?: undefined; problem: LocalisedText };

/** Exact conversions from a declared unit into an indicator's unit: a factor, never a population. */
const FACTORS: Readonly<Record<string, number>> = { 'rate_per_1000>rate_per_100k': 100 };

/**
 * Reads a value whose mapping declares what the column holds (a profile's `unit`). The same unit as
 * the indicator's passes; a rate per 1,000 onto a per-100,000 indicator is scaled; anything else is
 * refused. A rate is never turned into a count with the observatory's population: a count rebuilt from
 * a rounded rate is not the figure the police recorded (FR 2008: 975 homicides are 1.52 per 100,000 of
 * 64,007,193, and 1.52 per 100,000 of them is 972.9), and the observatory derives rates from counts,
 * never the reverse.
 */
export function readDeclaredUnit(
  value: number,
  declared: MappingUnit,
  indicator: string,
  indicatorUnit: string,
): DeclaredReading {
  if (declared === indicatorUnit) return { value };
  const factor = FACTORS[`${declared}>${indicatorUnit}`];
  if (factor !== undefined) return { value: Number((value * factor).toPrecision(15)) };
  const rateOnCount = indicatorUnit === 'count' && declared.startsWith('rate_');
  return {
    problem: {
      key: rateOnCount ? 'validation.unit-mismatch.rate-on-count' : 'validation.unit-mismatch',
      params: { indicator, declared, unit: indicatorUnit },
    },
  };
}
