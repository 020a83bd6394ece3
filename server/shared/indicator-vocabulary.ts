/** The closed lists an indicator's unit, polarity and aggregation rule are drawn from (data/indicators.json). */
export const UNIT_KINDS = ['count', 'rate_per_100k', 'percent', 'currency_per_inhabitant', 'index'] as const;
export const POLARITIES = ['higher_is_worse', 'higher_is_better', 'neutral'] as const;
export const AGGREGATIONS = ['sum', 'population_weighted_mean', 'none'] as const;

export type UnitKind = (typeof UNIT_KINDS)[number];
export type Polarity = (typeof POLARITIES)[number];
export type Aggregation = (typeof AGGREGATIONS)[number];
