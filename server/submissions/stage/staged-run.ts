import type { Cell } from '../read/cell';
import { encodePart, PART_FIELDS } from './staged-part';

/**
 * Cells per sorted run. A file of up to a million cells is one run, which the checks, the diff and
 * the commit read back in key order without merging; larger files are a few runs, merged as they are
 * read (staged-merge.ts). A run is held in column form while it fills: 36 bytes a cell (36 MB at the
 * cap) plus its distinct strings, so memory stays bounded however large the file is.
 */
export const RUN_CELLS = 1 << 20;
/** Cells per stored part: a part is one blob row of about 0.6 MB. */
export const PART_CELLS = 16_384;

/** An encoded part of a run, ready to store. */
export interface EncodedPart {
  run: number;
  part: number;
  cells: number;
  bytes: Uint8Array<ArrayBuffer>;
}

const ROLE_INDICATOR = 1;
const ROLE_GEO = 2;
const ROLE_PERIOD = 4;
const ROW_BITS = 2 ** 21;

/**
 * Collects validated cells into runs sorted by (indicator, geo, period, source row), the order of the
 * observations table's key, and encodes each run into parts. Strings are kept once per run.
 */
export class RunBuilder {
  private readonly ids = new Map<string, number>();
  private strings: string[] = [];
  private roles = new Uint8Array(64);
  private values: Float64Array;
  private fields: Int32Array;
  private count = 0;
  private runs = 0;
  private readonly lastText: (string | undefined)[] = new Array(6);
  private readonly lastId = new Int32Array(6);

  /**
   * The columns are allocated at full size at once: the memory is zero-filled on demand, so only the
   * pages cells are written to become resident, and the run never holds two copies while growing
   * (54 MB on the way to a million cells when it doubled).
   */
  constructor(private readonly runCells = RUN_CELLS) {
    this.values = new Float64Array(runCells);
    this.fields = new Int32Array(runCells * PART_FIELDS);
  }

  get full(): boolean {
    return this.count >= this.runCells;
  }

  get pending(): number {
    return this.count;
  }

  add(cell: Cell): void {
    if (this.full) throw new Error('The run is full: drain it before adding more cells.');
    const k = this.count * PART_FIELDS;
    const f = this.fields;
    f[k] = this.field(0, cell.geo, ROLE_GEO);
    f[k + 1] = this.field(1, cell.indicator, ROLE_INDICATOR);
    f[k + 2] = this.field(2, cell.period, ROLE_PERIOD);
    f[k + 3] = this.field(3, cell.periodStart, 0);
    f[k + 4] = this.field(4, cell.flags, 0);
    f[k + 5] = cell.note === null ? -1 : this.field(5, cell.note, 0);
    f[k + 6] = cell.sourceRow;
    this.values[this.count] = cell.value === null ? Number.NaN : cell.value;
    this.count++;
  }

  /** Sorts the collected cells, yields them as encoded parts, and starts a new run. */
  *drain(): Generator<EncodedPart> {
    if (this.count === 0) return;
    const order = this.sortedOrder();
    const run = this.runs++;
    for (let start = 0, part = 0; start < this.count; start += PART_CELLS, part++) {
      const end = Math.min(start + PART_CELLS, this.count);
      yield { run, part, cells: end - start, bytes: this.encodeSlice(order, start, end) };
    }
    this.reset();
  }

  private encodeSlice(order: Uint32Array, start: number, end: number): Uint8Array<ArrayBuffer> {
    const n = end - start;
    const remap = new Int32Array(this.strings.length).fill(-1);
    const strings: string[] = [];
    const values = new Float64Array(n);
    const fields = new Int32Array(n * PART_FIELDS);
    for (let j = 0; j < n; j++) {
      const i = order[start + j]!;
      const from = i * PART_FIELDS;
      const to = j * PART_FIELDS;
      for (let f = 0; f < PART_FIELDS - 1; f++) {
        const id = this.fields[from + f]!;
        if (id < 0) {
          fields[to + f] = -1;
          continue;
        }
        let mapped = remap[id]!;
        if (mapped < 0) {
          mapped = remap[id] = strings.length;
          strings.push(this.strings[id]!);
        }
        fields[to + f] = mapped;
      }
      fields[to + PART_FIELDS - 1] = this.fields[from + PART_FIELDS - 1]!;
      values[j] = this.values[i]!;
    }
    return encodePart({ count: n, strings, values, fields });
  }

  /**
   * Cell indexes in key order. Each key becomes one number, (indicator rank, geo rank, period rank)
   * in mixed radix, times 2^21 plus the cell's index (its file order), so a plain numeric sort of a
   * Float64Array orders a million cells in about 0.1 s. Keys too wide to pack exactly fall back to a
   * comparison sort.
   */
  private sortedOrder(): Uint32Array {
    const indicator = this.rank(ROLE_INDICATOR);
    const geo = this.rank(ROLE_GEO);
    const period = this.rank(ROLE_PERIOD);
    const [indicators, geos, periods] = [indicator.size, geo.size, period.size];
    const n = this.count;
    const order = new Uint32Array(n);
    const f = this.fields;
    if (indicators * geos * periods * ROW_BITS < Number.MAX_SAFE_INTEGER && n <= ROW_BITS) {
      const packed = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const k = i * PART_FIELDS;
        packed[i] =
          ((indicator.of[f[k + 1]!]! * geos + geo.of[f[k]!]!) * periods + period.of[f[k + 2]!]!) * ROW_BITS + i;
      }
      packed.sort();
      for (let i = 0; i < n; i++) order[i] = packed[i]! % ROW_BITS;
      return order;
    }
    for (let i = 0; i < n; i++) order[i] = i;
    const key = (i: number, of: Int32Array, field: number) => of[f[i * PART_FIELDS + field]!]!;
    return order.sort(
      (a, b) =>
        key(a, indicator.of, 1) - key(b, indicator.of, 1) ||
        key(a, geo.of, 0) - key(b, geo.of, 0) ||
        key(a, period.of, 2) - key(b, period.of, 2) ||
        a - b,
    );
  }

  /** Each string's rank among the strings used in one role (indicator, geo or period). */
  private rank(role: number): { of: Int32Array; size: number } {
    const ids: number[] = [];
    for (let id = 0; id < this.strings.length; id++) if (this.roles[id]! & role) ids.push(id);
    ids.sort((a, b) => (this.strings[a]! < this.strings[b]! ? -1 : this.strings[a]! > this.strings[b]! ? 1 : 0));
    const of = new Int32Array(this.strings.length);
    for (let r = 0; r < ids.length; r++) of[ids[r]!] = r;
    return { of, size: ids.length };
  }

  /**
   * A field's string index. Consecutive rows usually repeat a file's geo, indicator, flags and note,
   * so each field remembers its last string and skips the map when it comes again.
   */
  private field(at: number, text: string, role: number): number {
    if (this.lastText[at] === text) return this.lastId[at]!;
    const id = this.id(text, role);
    this.lastText[at] = text;
    this.lastId[at] = id;
    return id;
  }

  private id(text: string, role: number): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.ids.set(text, id);
      this.strings.push(text);
      if (id === this.roles.length) {
        const roles = new Uint8Array(this.roles.length * 2);
        roles.set(this.roles);
        this.roles = roles;
      }
    }
    this.roles[id]! |= role;
    return id;
  }

  private reset(): void {
    this.lastText.fill(undefined);
    this.ids.clear();
    this.strings = [];
    this.roles = new Uint8Array(64);
    this.count = 0;
  }
}

/** Sorted, encoded parts of the cells of `batches`, a run at a time; `onBatch` is called (and awaited) after each batch is taken. */
export async function* runsOf(
  batches: AsyncIterable<Cell[]>,
  onBatch?: () => void | Promise<void>,
  builder = new RunBuilder(),
): AsyncGenerator<EncodedPart> {
  for await (const cells of batches) {
    for (const cell of cells) {
      builder.add(cell);
      if (builder.full) yield* builder.drain();
    }
    await onBatch?.();
  }
  yield* builder.drain();
}
