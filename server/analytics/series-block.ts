/**
 * A table of observations as series, the shape every exchange format writes (SDMX-ML, SDMX-CSV,
 * JSON-stat): analytics answers and the SDMX routes both build it, so it lives below both.
 */

/** Frequency codes (SDMX's CL_FREQ) for the period kinds the observatory stores. */
export const FREQUENCIES = { A: 'Annual', Q: 'Quarterly', M: 'Monthly' } as const;
export type Frequency = keyof typeof FREQUENCIES;

export function frequencyOf(period: string): Frequency {
  if (/^\d{4}$/.test(period)) return 'A';
  return /-Q[1-4]$/.test(period) ? 'Q' : 'M';
}

/** Units of measure (the indicator table's unit kinds), with their names. */
export const UNITS: Record<string, string> = {
  count: 'Number',
  rate_per_100k: 'Per 100,000 inhabitants',
  percent: 'Percentage',
  currency_per_inhabitant: 'Euro per inhabitant',
  index: 'Index',
};

/** One observation as the SDMX formats send it. */
export interface SdmxObservation {
  period: string;
  value: number | null;
  flags: string;
}

/** A series: the observations of one FREQ.INDICATOR.GEO key, oldest first. */
export interface SeriesBlock {
  freq: Frequency;
  indicator: string;
  geo: string;
  unit: string;
  observations: SdmxObservation[];
}
