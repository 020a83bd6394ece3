import type { Insertable, Selectable } from 'kysely';

export const UNIT_KINDS = ['count', 'rate_per_100k', 'percent', 'currency_per_inhabitant', 'index'] as const;
export const POLARITIES = ['higher_is_worse', 'higher_is_better', 'neutral'] as const;
export const AGGREGATIONS = ['sum', 'population_weighted_mean', 'none'] as const;

export type UnitKind = (typeof UNIT_KINDS)[number];
export type Polarity = (typeof POLARITIES)[number];
export type Aggregation = (typeof AGGREGATIONS)[number];

export interface ThemeTable {
  code: string;
  name: string;
}

export interface IndicatorTable {
  code: string;
  name: string;
  definition: string;
  unit: UnitKind;
  polarity: Polarity;
  theme: string;
  iccs: string | null;
  parent: string | null;
  source: string | null;
  intended_source: string | null;
  methodology: string;
  rate_derivable: number;
  rate_denominator: string | null;
  aggregation: Aggregation;
  /** Relative year-on-year change above which a value is flagged as implausible (0.5 = 50 %). */
  implausible_change: number;
  version: number;
}

export type IndicatorRow = Selectable<IndicatorTable>;
export type NewIndicator = Insertable<IndicatorTable>;
