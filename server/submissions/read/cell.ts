import type { MappingUnit } from '../../shared/api/import-profiles';
import type { NumberFormat } from './number-format';
import type { StoredCell } from '../../db/publish-writer';

/** A cell as read from a file, before validation: every field is the file's own text. */
export interface RawCell {
  row: number;
  geo: string;
  indicator: string;
  period: string;
  value: string;
  flags: string;
  note: string;
  /** Column names as the uploader sees them, for the report. */
  columns: { geo: string; indicator: string; period: string; value: string; flags: string };
  /** The value column's number format, when the profile or the column's other rows settle it. */
  numberFormat?: NumberFormat;
  /** What the profile's mapping says the value column holds; '' or absent: the indicator's own unit. */
  unit?: MappingUnit | '';
  /** The row's mapping gives its indicator's figure directly (a parent offence): never a part to sum (rollup/). */
  whole?: boolean;
}

/** A validated cell, ready to stage: the stored shape, and the row of the file it came from. */
export interface Cell extends StoredCell {
  sourceRow: number;
}

export function cellKey(c: { geo: string; indicator: string; period: string }): string {
  return `${c.geo}\u0000${c.indicator}\u0000${c.period}`;
}
