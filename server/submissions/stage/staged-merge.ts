import type { DbOrTx } from '../../db/database';
import type { Cell } from '../read/cell';
import { cellAt, type StagedPart } from './staged-part';
import { readPart, stagedRuns } from './staged-store';
import type { PartSource } from './staging-file';

/** One cell of a submission: its first row, and how many later rows name the same cell (repeats). */
export interface StagedCell {
  first: Cell;
  repeats: number;
}

/**
 * Hears each repeated row as the merge meets it, with the cell's first row. Repeats are not kept:
 * a file repeating one cell three million times must not hold three million rows in memory.
 */
export type RepeatListener = (first: Cell, repeat: Cell) => void;

/** Reads one sorted run part by part. */
class RunCursor {
  private part: StagedPart | null = null;
  private partNo = -1;
  private i = 0;
  head: Cell | null = null;

  constructor(
    private readonly parts: number,
    private readonly load: (part: number) => Promise<StagedPart>,
  ) {}

  /** Moves to the next cell of the part in memory; false when the part is used up. */
  step(): boolean {
    if (!this.part || this.i >= this.part.count) return false;
    this.head = cellAt(this.part, this.i++);
    return true;
  }

  /** Moves to the next cell, reading the next part when needed; false at the end of the run. */
  async advance(): Promise<boolean> {
    if (this.step()) return true;
    if (this.partNo + 1 >= this.parts) {
      this.head = null;
      return false;
    }
    this.part = await this.load(++this.partNo);
    this.i = 0;
    return this.advance();
  }
}

export function compareCells(a: Cell, b: Cell): number {
  return (
    compareText(a.indicator, b.indicator) ||
    compareText(a.geo, b.geo) ||
    compareText(a.period, b.period) ||
    a.sourceRow - b.sourceRow
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sameCell(a: Cell, b: Cell): boolean {
  return a.period === b.period && a.geo === b.geo && a.indicator === b.indicator;
}

const BATCH = 4096;

/** A submission's parts as stored in `staged_parts`. */
export async function storedParts(db: DbOrTx, submissionId: number): Promise<PartSource> {
  return { runs: await stagedRuns(db, submissionId), load: (run, part) => readPart(db, submissionId, run, part) };
}

/**
 * A submission's staged cells in key order (indicator, geo, period), in batches; repeated rows go to
 * `onRepeat`. The runs are merged as they are read: one part of each run is decoded at a time.
 * `staged` is a stored submission's id, or the parts of one not yet stored (a preview's staging file).
 */
export async function* stagedCells(
  db: DbOrTx,
  staged: number | PartSource,
  onRepeat?: RepeatListener,
): AsyncGenerator<StagedCell[]> {
  const parts = typeof staged === 'number' ? await storedParts(db, staged) : staged;
  const cursors = parts.runs.map((count, run) => new RunCursor(count, (part) => parts.load(run, part)));
  const live: RunCursor[] = [];
  for (const c of cursors) if (await c.advance()) live.push(c);
  let batch: StagedCell[] = [];
  let open: StagedCell | null = null;
  while (live.length) {
    let min = 0;
    for (let i = 1; i < live.length; i++) if (compareCells(live[i]!.head!, live[min]!.head!) < 0) min = i;
    const cursor = live[min]!;
    const cell = cursor.head!;
    if (open && sameCell(open.first, cell)) {
      open.repeats++;
      onRepeat?.(open.first, cell);
    } else {
      open = { first: cell, repeats: 0 };
      batch.push(open);
    }
    if (!cursor.step() && !(await cursor.advance())) live.splice(min, 1);
    // The last cell may still have repeats in the next rows: it waits for the next batch.
    if (batch.length >= BATCH) {
      const last = batch.pop()!;
      yield batch;
      batch = [last];
    }
  }
  if (batch.length) yield batch;
}

/** Each staged cell of a submission as a commit would publish it (its first row), in key order. */
export async function stagedFirstRows(db: DbOrTx, submissionId: number): Promise<Cell[]> {
  const cells: Cell[] = [];
  for await (const batch of stagedCells(db, submissionId)) for (const c of batch) cells.push(c.first);
  return cells;
}
