/**
 * A pure JSON-stat 2.0 dataset decoder: from a parsed document (or its text) to the cube's dimensions and its
 * cells, each with its coordinates, value and status, or the precise problems that stop it being read.
 * It knows nothing of indicators or geos: mapping a cube onto observations is the job of a profile.
 */
import { type CubeShape, type JsonStatCategory, type JsonStatDimension, readCubeShape } from './dimensions';
import { type EnvelopeOptions, locateDataset } from './envelope';
import {
  entryAt,
  type ObservationLimits,
  occupiedPositions,
  type PositionMap,
  ProblemList,
  readStatus,
  readValues,
} from './observations';
import { type JsonStatProblem, problem } from './problems';

export type { JsonStatCategory, JsonStatDimension } from './dimensions';
export { JSONSTAT_PROBLEM_CODES, type JsonStatProblem, type JsonStatProblemCode } from './problems';

export interface JsonStatCell {
  /** Position in the cube, row-major in the order of `id` (the last dimension varies fastest). */
  position: number;
  /** Category id of each dimension, keyed by dimension id. */
  coordinates: Record<string, string>;
  /** The figure, or null when the cell has only a status (e.g. ":" for not available). */
  value: number | null;
  status: string | null;
}

export interface JsonStatDataset {
  label: string | null;
  source: string | null;
  updated: string | null;
  /** Dimension ids by role (`time`, `geo`, `metric`) when the dataset declares them. */
  role: Record<string, string[]>;
  dimensions: JsonStatDimension[];
  size: number[];
  /** The product of `size`: how many cells the cube has, present or not. */
  cellCount: number;
  /** Cells that carry a value or a status, in cube order. */
  cells(): Generator<JsonStatCell>;
  /** The cell at these coordinates (every dimension named), or null when it is empty or not in the cube. */
  cellAt(coordinates: Record<string, string>): JsonStatCell | null;
}

export type JsonStatDecoding =
  | { ok: true; dataset: JsonStatDataset }
  | { ok: false; problems: JsonStatProblem[]; omitted: number };

export interface DecodeOptions extends EnvelopeOptions, Partial<ObservationLimits> {}

const DEFAULT_MAX_PROBLEMS = 100;

/** Decodes JSON text; a parse error is a `not-json` problem, never a throw. */
export function decodeJsonStatText(text: string, options: DecodeOptions = {}): JsonStatDecoding {
  let document: unknown;
  try {
    document = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      omitted: 0,
      problems: [
        problem('not-json', '', `The file is not valid JSON (${reason}). Upload the file exactly as the API sent it.`, {
          reason,
        }),
      ],
    };
  }
  return decodeJsonStat(document, options);
}

/** Decodes a parsed JSON-stat document. Every problem is listed (up to `maxProblems`); nothing throws. */
export function decodeJsonStat(document: unknown, options: DecodeOptions = {}): JsonStatDecoding {
  const located = locateDataset(document, options);
  if ('code' in located) return { ok: false, problems: [located], omitted: 0 };
  const at = located.path === '' ? '' : `${located.path}.`;
  const shape = readCubeShape(located.body, at);
  if (Array.isArray(shape)) return { ok: false, problems: shape, omitted: 0 };
  const problems = new ProblemList(options.maxProblems ?? DEFAULT_MAX_PROBLEMS);
  const values = readValues(located.body.value, shape.cellCount, shape.size, at, problems);
  const status = readStatus(located.body.status, shape.cellCount, at, problems);
  if (values === null || !problems.empty) return { ok: false, problems: problems.listed, omitted: problems.omitted };
  return { ok: true, dataset: dataset(located.body, shape, values, status) };
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function roles(body: Record<string, unknown>): Record<string, string[]> {
  const role = body.role;
  if (typeof role !== 'object' || role === null || Array.isArray(role)) return {};
  const found: Record<string, string[]> = {};
  for (const [name, ids] of Object.entries(role)) {
    if (Array.isArray(ids)) found[name] = ids.filter((id): id is string => typeof id === 'string');
  }
  return found;
}

function dataset(
  body: Record<string, unknown>,
  shape: CubeShape,
  values: PositionMap<number | null>,
  status: PositionMap<string | null>,
): JsonStatDataset {
  const { dimensions, size, cellCount } = shape;
  // Strides turn a position into one category per dimension and back (row-major, last dimension fastest).
  const strides = size.map((_, n) => size.slice(n + 1).reduce((product, s) => product * s, 1));
  const lookups = dimensions.map((dimension) => new Map(dimension.categories.map((c, n) => [c.id, n])));
  const cellOf = (position: number): JsonStatCell | null => {
    const value = entryAt(values, position, null);
    const code = entryAt(status, position, null);
    if (value === null && code === null) return null;
    const coordinates: Record<string, string> = {};
    dimensions.forEach((dimension, n) => {
      const along = Math.floor(position / (strides[n] as number)) % (size[n] as number);
      coordinates[dimension.id] = (dimension.categories[along] as JsonStatCategory).id;
    });
    return { position, coordinates, value, status: code };
  };
  return {
    label: text(body.label),
    source: text(body.source),
    updated: text(body.updated),
    role: roles(body),
    dimensions,
    size,
    cellCount,
    *cells() {
      for (const position of occupiedPositions(values, status, cellCount)) {
        const cell = cellOf(position);
        if (cell !== null) yield cell;
      }
    },
    cellAt(coordinates) {
      let position = 0;
      for (const [n, dimension] of dimensions.entries()) {
        const along = lookups[n]?.get(coordinates[dimension.id] ?? '');
        if (along === undefined) return null;
        position += along * (strides[n] as number);
      }
      return cellOf(position);
    },
  };
}
