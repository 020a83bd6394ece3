import type { Cell } from './cell';

/**
 * A batch of validated cells as a worker thread posts it. Structured cloning an array of cell
 * objects costs the receiving thread about 1.4 µs per cell (measured: 1.4 s per million), which is
 * the thread that also writes them to the database. Here the codes, periods and flags, which
 * validation bounds to the catalogue and a period range, travel once as dictionary strings; each
 * cell is then six dictionary numbers, a value and a row number in typed arrays that copy as bytes.
 * Notes are free text and travel as they are.
 */
export interface EncodedCells {
  count: number;
  /** Strings first used in this batch; they extend the receiver's dictionary in order. */
  newStrings: string[];
  /** Per cell: geo, indicator, period, period start, flags (dictionary numbers). */
  keys: Int32Array<ArrayBuffer>;
  values: Float64Array<ArrayBuffer>;
  /** 1 where the value is present; 0 for a missing value (flagged). */
  present: Uint8Array<ArrayBuffer>;
  rows: Int32Array<ArrayBuffer>;
  notes: (string | null)[];
}

const KEY_FIELDS = 5;

export class CellEncoder {
  private readonly ids = new Map<string, number>();

  encode(cells: Cell[]): EncodedCells {
    const n = cells.length;
    const batch: EncodedCells = {
      count: n,
      newStrings: [],
      keys: new Int32Array(n * KEY_FIELDS),
      values: new Float64Array(n),
      present: new Uint8Array(n),
      rows: new Int32Array(n),
      notes: new Array<string | null>(n),
    };
    for (let i = 0; i < n; i++) {
      const c = cells[i]!;
      const k = i * KEY_FIELDS;
      batch.keys[k] = this.id(c.geo, batch);
      batch.keys[k + 1] = this.id(c.indicator, batch);
      batch.keys[k + 2] = this.id(c.period, batch);
      batch.keys[k + 3] = this.id(c.periodStart, batch);
      batch.keys[k + 4] = this.id(c.flags, batch);
      batch.present[i] = c.value === null ? 0 : 1;
      batch.values[i] = c.value ?? 0;
      batch.rows[i] = c.sourceRow;
      batch.notes[i] = c.note;
    }
    return batch;
  }

  private id(text: string, batch: EncodedCells): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(text, id);
      batch.newStrings.push(text);
    }
    return id;
  }
}

export class CellDecoder {
  private readonly strings: string[] = [];

  decode(batch: EncodedCells): Cell[] {
    for (const s of batch.newStrings) this.strings.push(s);
    const cells = new Array<Cell>(batch.count);
    const s = this.strings;
    for (let i = 0; i < batch.count; i++) {
      const k = i * KEY_FIELDS;
      cells[i] = {
        geo: s[batch.keys[k]!]!,
        indicator: s[batch.keys[k + 1]!]!,
        period: s[batch.keys[k + 2]!]!,
        periodStart: s[batch.keys[k + 3]!]!,
        flags: s[batch.keys[k + 4]!]!,
        value: batch.present[i] ? batch.values[i]! : null,
        note: batch.notes[i] ?? null,
        sourceRow: batch.rows[i]!,
      };
    }
    return cells;
  }
}
