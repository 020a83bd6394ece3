import type { ComparabilityWarning, MeasuredValue } from './analytics.types';

/**
 * Geos whose figure should not be compared at face value: a break in series (b) or a definition
 * that differs (d), on the value or on the population it was divided by.
 */
export function comparabilityWarnings(rows: { geo: string; measured: MeasuredValue }[]): ComparabilityWarning[] {
  const warnings: ComparabilityWarning[] = [];
  for (const { geo, measured } of rows) {
    const reasons: string[] = [];
    if (measured.countFlags.includes('b')) reasons.push('break in series (b): not comparable with earlier periods');
    if (measured.countFlags.includes('d')) reasons.push('national definition differs (d)');
    const populationFlags = measured.denominator?.flags ?? '';
    if (populationFlags.includes('d')) reasons.push('population denominator has a differing definition (d), e.g. a mid-year estimate');
    if (populationFlags.includes('b')) reasons.push('population denominator has a break in series (b)');
    if (reasons.length) warnings.push({ geo, flags: measured.flags, reason: reasons.join('; ') });
  }
  return warnings;
}
