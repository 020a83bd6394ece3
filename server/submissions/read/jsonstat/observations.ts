import { type JsonStatProblem, isRecord, problem, shown, typeOf } from './problems';

/** Figures or status codes by cube position: dense (one entry per cell) or sparse (only the positions given). */
export type PositionMap<T> =
  | { kind: 'dense'; entries: readonly T[] }
  | { kind: 'sparse'; entries: ReadonlyMap<number, T> }
  | { kind: 'every'; entry: T };

export interface ObservationLimits {
  /** How many problems to list; the rest are counted. */
  maxProblems: number;
}

export class ProblemList {
  readonly listed: JsonStatProblem[] = [];
  omitted = 0;
  constructor(private readonly max: number) {}
  push(entry: JsonStatProblem): void {
    if (this.listed.length < this.max) this.listed.push(entry);
    else this.omitted++;
  }
  get empty(): boolean {
    return this.listed.length === 0;
  }
}

const POSITION = /^(0|[1-9][0-9]*)$/;

/** Reads `value`: numbers or null, one per cell as an array, or keyed by position as an object. */
export function readValues(
  value: unknown,
  cellCount: number,
  size: readonly number[],
  at: string,
  problems: ProblemList,
): PositionMap<number | null> | null {
  const path = `${at}value`;
  const isFigure = (entry: unknown) => entry === null || (typeof entry === 'number' && Number.isFinite(entry));
  const invalid = (where: string, entry: unknown) =>
    problem(
      'value-invalid',
      where,
      `${where} is ${shown(entry)}; a JSON-stat value must be a number, or null for a missing figure. ` +
        'Put flags in "status", not in "value".',
      { found: shown(entry) },
    );
  if (Array.isArray(value)) {
    if (value.length !== cellCount) {
      problems.push(
        problem(
          'value-length',
          path,
          `"value" has ${value.length} entries but "size" ${size.join('×')} gives ${cellCount} cells: ` +
            'an array must hold one number (or null) for every cell, in cube order. Check "size" or send the missing values.',
          { values: value.length, cells: cellCount, size: size.join('×') },
        ),
      );
      return null;
    }
    value.forEach((entry, n) => {
      if (!isFigure(entry)) problems.push(invalid(`${path}[${n}]`, entry));
    });
    return { kind: 'dense', entries: value as (number | null)[] };
  }
  if (isRecord(value)) {
    const entries = readSparse(value, cellCount, path, 'value-position', problems);
    for (const [position, entry] of entries) {
      if (!isFigure(entry)) problems.push(invalid(`${path}["${position}"]`, entry));
    }
    return { kind: 'sparse', entries: entries as Map<number, number | null> };
  }
  problems.push(
    problem(
      'missing-field',
      path,
      `"value" is ${value === undefined ? 'missing' : typeOf(value)}: JSON-stat 2.0 needs an array of numbers, ` +
        'or an object of position → number.',
      { field: 'value' },
    ),
  );
  return null;
}

/** Reads `status`: one code for every cell (a string or a one-entry array), an array per cell, or sparse. */
export function readStatus(
  status: unknown,
  cellCount: number,
  at: string,
  problems: ProblemList,
): PositionMap<string | null> {
  const path = `${at}status`;
  const isCode = (entry: unknown) => entry === null || typeof entry === 'string';
  const invalid = (where: string, entry: unknown) =>
    problem('status-invalid', where, `${where} is ${shown(entry)}; a status must be text (e.g. "b") or null.`, {
      found: shown(entry),
    });
  if (status === undefined || status === null) return { kind: 'every', entry: null };
  if (typeof status === 'string') return { kind: 'every', entry: status };
  if (Array.isArray(status)) {
    if (status.length === 1 && cellCount !== 1) {
      if (!isCode(status[0])) problems.push(invalid(`${path}[0]`, status[0]));
      return { kind: 'every', entry: (status[0] as string | null) ?? null };
    }
    if (status.length !== cellCount) {
      problems.push(
        problem(
          'status-length',
          path,
          `"status" has ${status.length} entries but the cube has ${cellCount} cells: give one status per cell, ` +
            'one status for all, or an object of position → status.',
          { statuses: status.length, cells: cellCount },
        ),
      );
      return { kind: 'every', entry: null };
    }
    status.forEach((entry, n) => {
      if (!isCode(entry)) problems.push(invalid(`${path}[${n}]`, entry));
    });
    return { kind: 'dense', entries: status as (string | null)[] };
  }
  if (isRecord(status)) {
    const entries = readSparse(status, cellCount, path, 'status-position', problems);
    for (const [position, entry] of entries) {
      if (!isCode(entry)) problems.push(invalid(`${path}["${position}"]`, entry));
    }
    return { kind: 'sparse', entries: entries as Map<number, string | null> };
  }
  problems.push(invalid(path, status));
  return { kind: 'every', entry: null };
}

function readSparse(
  entries: Record<string, unknown>,
  cellCount: number,
  path: string,
  code: 'value-position' | 'status-position',
  problems: ProblemList,
): Map<number, unknown> {
  const positions = new Map<number, unknown>();
  for (const [key, entry] of Object.entries(entries)) {
    const position = POSITION.test(key) ? Number(key) : Number.NaN;
    if (!(position < cellCount)) {
      problems.push(
        problem(
          code,
          `${path}["${key}"]`,
          `Position "${key}" is not a cell of the cube: positions are whole numbers from 0 to ${cellCount - 1}.`,
          { position: key, cells: cellCount },
        ),
      );
      continue;
    }
    positions.set(position, entry);
  }
  return positions;
}

export function entryAt<T>(map: PositionMap<T>, position: number, absent: T): T {
  if (map.kind === 'every') return map.entry;
  if (map.kind === 'dense') return map.entries[position] ?? absent;
  return map.entries.has(position) ? (map.entries.get(position) as T) : absent;
}

/** Positions that may hold a cell, ascending: all of a dense map, the keys of sparse ones. */
export function* occupiedPositions(
  values: PositionMap<number | null>,
  status: PositionMap<string | null>,
  cellCount: number,
): Generator<number> {
  if (values.kind === 'dense' || status.kind === 'dense') {
    for (let n = 0; n < cellCount; n++) yield n;
    return;
  }
  const keys = new Set<number>(values.kind === 'sparse' ? values.entries.keys() : []);
  if (status.kind === 'sparse') for (const key of status.entries.keys()) keys.add(key);
  yield* [...keys].sort((a, b) => a - b);
}
