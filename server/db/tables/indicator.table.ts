import type { Insertable, Selectable } from 'kysely';
import type { Aggregation, Polarity, UnitKind } from '../../shared/indicator-vocabulary';

export {
  AGGREGATIONS,
  POLARITIES,
  UNIT_KINDS,
  type Aggregation,
  type Polarity,
  type UnitKind,
} from '../../shared/indicator-vocabulary';

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
