import { unionFlags } from '../../cells/flags';
import type { ProblemSink } from '../problems/problem-sink';
import { type RolledCell as Cell, rolledKey as cellKey } from './problems';

interface PartsOfCell {
  /** The first part: its geo, indicator, period, note and row are the summed cell's. */
  first: Cell;
  parts: Cell[];
  wholes: Cell[];
}

/** Rows of the first summed cells kept for the reading summary. */
const SUMMED_LISTED = 50;

/**
 * Rows that land on one cell as parts of it (several national offence codes mapped to one indicator,
 * several national units to one geo), added up into one cell. Every cell is held until the file is read,
 * so memory grows with the file's cells: fine for national files (the Italian ones: 8,268 rows each).
 * A row whose mapping is a `whole` (the indicator given directly) is never summed; a cell given both
 * directly and by parts is an error naming both, since adding them would count the offences twice.
 */
export class CellParts {
  private readonly cells = new Map<string, PartsOfCell>();
  readonly histogram = new Map<number, number>();
  readonly summed: { geo: string; indicator: string; period: string; parts: number; rows: number[] }[] = [];
  summedCells = 0;

  take(cell: Cell, whole: boolean): void {
    const key = cellKey(cell);
    let found = this.cells.get(key);
    if (!found) {
      found = { first: cell, parts: [], wholes: [] };
      this.cells.set(key, found);
    }
    (whole ? found.wholes : found.parts).push(cell);
  }

  /** The cells to stage: each whole as given, the parts of a cell as one sum; conflicts are reported. */
  finish(report: ProblemSink, indicatorColumn: string): Cell[] {
    const out: Cell[] = [];
    for (const { parts, wholes } of this.cells.values()) {
      if (wholes.length && parts.length) {
        reportPartsAndDirect(report, indicatorColumn, wholes[0]!, parts);
        continue;
      }
      out.push(...wholes);
      if (parts.length === 1) out.push(parts[0]!);
      else if (parts.length > 1) out.push(this.sum(parts));
    }
    return out;
  }

  private sum(parts: Cell[]): Cell {
    const first = parts[0]!;
    const values = parts.map((p) => p.value).filter((v): v is number => v !== null);
    this.summedCells++;
    this.histogram.set(parts.length, (this.histogram.get(parts.length) ?? 0) + 1);
    if (this.summed.length < SUMMED_LISTED) {
      const { geo, indicator, period } = first;
      this.summed.push({ geo, indicator, period, parts: parts.length, rows: parts.map((p) => p.sourceRow) });
    }
    return {
      ...first,
      value: values.length ? values.reduce((a, b) => a + b, 0) : null,
      flags: unionFlags(...parts.map((p) => p.flags)),
    };
  }
}

function reportPartsAndDirect(report: ProblemSink, column: string, whole: Cell, parts: Cell[]): void {
  const sum = parts.reduce((n, p) => n + (p.value ?? 0), 0);
  report.error(whole.sourceRow, column, whole.value === null ? '' : String(whole.value), 'parts-and-direct', {
    key: 'national.rollup.parts-and-direct',
    params: {
      row: whole.sourceRow,
      geo: whole.geo,
      indicator: whole.indicator,
      period: whole.period,
      value: whole.value ?? '',
      rows: parts
        .slice(0, 10)
        .map((p) => p.sourceRow)
        .join(', '),
      parts: parts.length,
      sum,
    },
  });
}
