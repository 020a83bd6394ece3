import type { StoredCell } from '../../db/publish-writer';

/** A validated cell as roll-up sees it: read/cell.ts's Cell, typed here so that rollup/ never imports read/. */
export interface RolledCell extends StoredCell {
  sourceRow: number;
}

export function rolledKey(c: { geo: string; indicator: string; period: string }): string {
  return `${c.geo}\u0000${c.indicator}\u0000${c.period}`;
}
