import type { NumberFormat } from './number-format';

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
}

/** A validated cell, ready to stage. */
export interface Cell {
  geo: string;
  indicator: string;
  period: string;
  periodStart: string;
  value: number | null;
  flags: string;
  note: string | null;
  sourceRow: number;
}

export function cellKey(c: { geo: string; indicator: string; period: string }): string {
  return `${c.geo}\u0000${c.indicator}\u0000${c.period}`;
}
