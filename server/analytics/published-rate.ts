import type { DbOrTx } from '../db/database';
import { readPublishedRates } from '../geos/published-rate.repository';
import type { MeasuredValue } from '../shared/api/analytics';

const NO_POPULATION = /^no population for /;

/**
 * A region has no population in the observatory, so no rate of its own: where a source published one
 * for the same cell (Eurostat's crim_gen_reg rates), that rate is shown instead, marked with its source
 * (rateSource) and without a denominator. Every other figure is returned as it was.
 */
export async function withPublishedRates<T extends { geo: string; period: string; measured: MeasuredValue }>(
  db: DbOrTx,
  indicator: string,
  figures: T[],
): Promise<T[]> {
  const lacking = figures.filter((f) => f.measured.value === null && NO_POPULATION.test(f.measured.reason ?? ''));
  if (!lacking.length) return figures;
  const periods = [...new Set(lacking.map((f) => f.period))];
  const rates = await readPublishedRates(
    db,
    indicator,
    [...new Set(lacking.map((f) => f.geo))],
    periods.length <= 50 ? periods : undefined,
  );
  const lackingSet = new Set(lacking);
  return figures.map((f) => {
    const rate = lackingSet.has(f) ? rates.get(`${f.geo}|${f.period}`) : undefined;
    if (!rate) return f;
    // No reason any more: reasonMessage is cleared too (undefined, so left out of the answer).
    const measured = {
      ...f.measured,
      value: rate.value,
      reason: null,
      reasonMessage: undefined,
      rateSource: rate.source,
    };
    return { ...f, measured };
  });
}
