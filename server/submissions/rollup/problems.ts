import type { StoredCell } from '../../db/publish-writer';
import type { ProblemCode } from '../../shared/api/submissions';
import type { LocalisedText } from '../../shared/i18n';

/** A validated cell as roll-up sees it: read/cell.ts's Cell, typed here so that rollup/ never imports read/. */
export interface RolledCell extends StoredCell {
  sourceRow: number;
}

/** Where roll-up's problems go: read/'s report builder, through the two methods used. */
export interface ProblemSink {
  error(
    row: number | null,
    column: string | null,
    cell: string | null,
    code: ProblemCode,
    message: LocalisedText,
  ): void;
  warning(
    row: number | null,
    column: string | null,
    cell: string | null,
    code: ProblemCode,
    message: LocalisedText,
  ): void;
}

export function rolledKey(c: { geo: string; indicator: string; period: string }): string {
  return `${c.geo}\u0000${c.indicator}\u0000${c.period}`;
}
