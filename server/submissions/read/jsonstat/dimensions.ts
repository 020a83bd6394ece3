import { type JsonStatProblem, isRecord, problem, shown, typeOf } from './problems';

export interface JsonStatCategory {
  id: string;
  label: string | null;
}

export interface JsonStatDimension {
  id: string;
  label: string | null;
  /** In cube order: category i is position i along this dimension. */
  categories: JsonStatCategory[];
}

export interface CubeShape {
  dimensions: JsonStatDimension[];
  size: number[];
  cellCount: number;
}

/** The largest cube whose positions are exact doubles; beyond it no position can be trusted. */
const MAX_CELLS = Number.MAX_SAFE_INTEGER;

/** Reads `id`, `size` and `dimension` into the cube's shape, or lists every way they disagree. */
export function readCubeShape(body: Record<string, unknown>, at: string): CubeShape | JsonStatProblem[] {
  const problems: JsonStatProblem[] = [];
  const ids = readIds(body.id, at, problems);
  const size = readSize(body.size, at, problems);
  if (!isRecord(body.dimension)) {
    problems.push(missing(body.dimension, `${at}dimension`, 'an object of dimensions keyed by their id'));
  }
  if (ids === null || size === null || !isRecord(body.dimension)) return problems;
  if (ids.length !== size.length) {
    problems.push(
      problem(
        'id-size-mismatch',
        `${at}size`,
        `"id" names ${ids.length} dimensions (${ids.join(', ')}) but "size" gives ${size.length} sizes ` +
          `(${size.join(', ')}): they must pair one to one, in the same order.`,
        { ids: ids.length, sizes: size.length },
      ),
    );
    return problems;
  }
  const dimensions: JsonStatDimension[] = [];
  ids.forEach((id, n) => {
    const dimension = readDimension((body.dimension as Record<string, unknown>)[id], id, size[n] as number, at);
    if (Array.isArray(dimension)) problems.push(...dimension);
    else dimensions.push(dimension);
  });
  const cellCount = size.reduce((product, n) => product * n, 1);
  if (!(cellCount <= MAX_CELLS)) {
    problems.push(
      problem(
        'cube-too-large',
        `${at}size`,
        `"size" ${size.join('×')} describes more cells than can be counted exactly; check the sizes.`,
        { size: size.join('×') },
      ),
    );
  }
  return problems.length > 0 ? problems : { dimensions, size, cellCount };
}

function missing(value: unknown, path: string, expected: string): JsonStatProblem {
  const found = value === undefined ? 'is missing' : `is ${typeOf(value)}`;
  return problem('missing-field', path, `"${path}" ${found}: JSON-stat 2.0 needs ${expected} there.`, {
    field: path,
    expected,
  });
}

function readIds(value: unknown, at: string, problems: JsonStatProblem[]): string[] | null {
  if (!Array.isArray(value)) {
    problems.push(missing(value, `${at}id`, 'an array of dimension ids, e.g. ["geo", "time"]'));
    return null;
  }
  const bad = value.findIndex((id) => typeof id !== 'string' || id === '');
  const twice = firstRepeatOrNonText(value);
  if (bad >= 0 || twice >= 0) {
    const n = bad >= 0 ? bad : twice;
    const why = bad >= 0 ? 'is not a non-empty string' : 'appears twice';
    problems.push(
      problem('id-invalid', `${at}id[${n}]`, `Dimension id ${shown(value[n])} ${why}; every id must be unique text.`, {
        id: shown(value[n]),
      }),
    );
    return null;
  }
  return value as string[];
}

function readSize(value: unknown, at: string, problems: JsonStatProblem[]): number[] | null {
  if (!Array.isArray(value)) {
    problems.push(missing(value, `${at}size`, 'an array with the number of categories of each dimension'));
    return null;
  }
  const bad = value.findIndex((n) => typeof n !== 'number' || !Number.isInteger(n) || n < 0);
  if (bad >= 0) {
    problems.push(
      problem(
        'size-invalid',
        `${at}size[${bad}]`,
        `size[${bad}] is ${shown(value[bad])}; each size must be a whole number of categories (0 or more).`,
        { position: bad, found: shown(value[bad]) },
      ),
    );
    return null;
  }
  return value as number[];
}

function readDimension(value: unknown, id: string, size: number, at: string): JsonStatDimension | JsonStatProblem[] {
  const path = `${at}dimension.${id}`;
  if (!isRecord(value)) {
    return [
      problem(
        'dimension-missing',
        path,
        `Dimension "${id}" is listed in "id" but "dimension" has no object for it; add its categories.`,
        { dimension: id },
      ),
    ];
  }
  const category = value.category;
  if (!isRecord(category)) return [categoryProblem(`${path}.category`, `it is ${typeOf(category)}`, id)];
  const order = categoryOrder(category, `${path}.category`, id);
  if (!Array.isArray(order)) return [order];
  if (order.length !== size) {
    return [
      problem(
        'category-size-mismatch',
        `${path}.category`,
        `Dimension "${id}" has ${order.length} categories but "size" says ${size}; ` +
          'the size must count the categories of the dimension at the same position in "id".',
        { dimension: id, categories: order.length, size },
      ),
    ];
  }
  const labels = isRecord(category.label) ? category.label : {};
  return {
    id,
    label: typeof value.label === 'string' ? value.label : null,
    categories: order.map((code) => ({ id: code, label: typeof labels[code] === 'string' ? labels[code] : null })),
  };
}

function categoryProblem(path: string, why: string, dimension: string): JsonStatProblem {
  return problem(
    'category-invalid',
    path,
    `The categories of dimension "${dimension}" cannot be read: ${why}. ` +
      'JSON-stat 2.0 gives them as "index" (an array of ids, or an object of id → position) with optional "label".',
    { dimension, why },
  );
}

/** Category ids in cube order, from `index` as array or object (or, for a single category, from `label`). */
function categoryOrder(category: Record<string, unknown>, path: string, dimension: string): string[] | JsonStatProblem {
  const index = category.index;
  if (index === undefined) {
    const labels = isRecord(category.label) ? Object.keys(category.label) : [];
    if (labels.length === 1) return labels;
    return categoryProblem(path, `"index" is missing and "label" names ${labels.length} categories, not 1`, dimension);
  }
  if (Array.isArray(index)) {
    const bad = firstRepeatOrNonText(index);
    if (bad >= 0) return categoryProblem(`${path}.index[${bad}]`, `${shown(index[bad])} is not a unique id`, dimension);
    return index as string[];
  }
  if (!isRecord(index)) return categoryProblem(`${path}.index`, `"index" is ${typeOf(index)}`, dimension);
  const entries = Object.entries(index);
  const order: string[] = new Array(entries.length);
  for (const [code, position] of entries) {
    const valid = typeof position === 'number' && Number.isInteger(position) && position >= 0;
    if (!valid || position >= entries.length || order[position] !== undefined) {
      return categoryProblem(
        `${path}.index.${code}`,
        `category "${code}" has position ${shown(position)}; positions must be 0 to ${entries.length - 1}, each once`,
        dimension,
      );
    }
    order[position] = code;
  }
  return order;
}

/** Position of the first entry that is not text or repeats an earlier one; -1 when all are unique text. */
function firstRepeatOrNonText(entries: unknown[]): number {
  const seen = new Set<unknown>();
  for (const [n, entry] of entries.entries()) {
    if (typeof entry !== 'string' || seen.has(entry)) return n;
    seen.add(entry);
  }
  return -1;
}
