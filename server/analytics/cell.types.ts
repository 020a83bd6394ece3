import type { ObservationFilter, ObservationRecord } from '../cells/observation.repository';

/**
 * The shapes analytics reads cells in, in a leaf module: the repositories (cell, current-cell,
 * population) and rate.ts all use them, and importing them from one another made a type-only cycle.
 */

/** A published cell (the latest revision, now or as of a moment): the columns analytics uses. */
export type CellRecord = Pick<
  ObservationRecord,
  'geo' | 'indicator' | 'period' | 'period_start' | 'value' | 'flags' | 'source'
>;
export type CellFilter = ObservationFilter;

/** The denominator of every per-100k rate: population on 1 January. */
export const POPULATION_INDICATOR = 'POP_JAN';
