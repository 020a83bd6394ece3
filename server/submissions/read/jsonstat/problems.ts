/**
 * What can be wrong with a JSON-stat document, as codes with the facts that explain them. The English message is
 * built here; `params` carries the same facts so another language can say them too.
 */
export const JSONSTAT_PROBLEM_CODES = [
  'not-json',
  'not-jsonstat',
  'jsonstat-1x',
  'unsupported-version',
  'not-dataset',
  'bundle',
  'bundle-item-unknown',
  'missing-field',
  'id-invalid',
  'size-invalid',
  'id-size-mismatch',
  'dimension-missing',
  'category-invalid',
  'category-size-mismatch',
  'cube-too-large',
  'value-length',
  'value-position',
  'value-invalid',
  'status-length',
  'status-position',
  'status-invalid',
] as const;
export type JsonStatProblemCode = (typeof JSONSTAT_PROBLEM_CODES)[number];

export interface JsonStatProblem {
  code: JsonStatProblemCode;
  /** Where in the document, as a JSON path: `size[2]`, `dimension.geo.category.index`, `value["600"]`. */
  path: string;
  /** What is wrong and how to fix it, in English. */
  message: string;
  /** The facts the message states, for messages in other languages. */
  params: Record<string, string | number>;
}

export function problem(
  code: JsonStatProblemCode,
  path: string,
  message: string,
  params: Record<string, string | number> = {},
): JsonStatProblem {
  return { code, path, message, params };
}

/** A short, bounded rendering of a JSON value for a message. */
export function shown(value: unknown): string {
  let text: string;
  try {
    text = value === undefined ? 'nothing' : JSON.stringify(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

export function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
