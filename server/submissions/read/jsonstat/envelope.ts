import { type JsonStatProblem, isRecord, problem, shown, typeOf } from './problems';

export interface EnvelopeOptions {
  /** Which dataset of a collection to read: its label or its 0-based position in `link.item`. */
  dataset?: string | number;
}

/** The dataset object inside a document, and the path it sits at (empty for a bare dataset). */
export interface LocatedDataset {
  body: Record<string, unknown>;
  path: string;
}

const FIX_EXPORT =
  'Export the table as a JSON-stat 2.0 dataset (its top level has "version": "2.0", "class": "dataset").';

/** Finds the one JSON-stat 2.0 dataset a document holds, or says why there is none. */
export function locateDataset(document: unknown, options: EnvelopeOptions = {}): LocatedDataset | JsonStatProblem {
  if (!isRecord(document)) {
    return problem('not-jsonstat', '', `The file holds ${typeOf(document)}, not a JSON-stat object. ${FIX_EXPORT}`, {
      found: typeOf(document),
    });
  }
  if (document.class === 'collection') return collectionDataset(document, options);
  if (typeof document.class === 'string' && document.class !== 'dataset') {
    return problem(
      'not-dataset',
      'class',
      `The file is a JSON-stat "${document.class}", not a dataset: it has no figures to read. ${FIX_EXPORT}`,
      { class: document.class },
    );
  }
  const legacy = legacyShape(document);
  if (legacy !== null) return legacy;
  const version = document.version;
  if (version === undefined || document.class === undefined) {
    return notJsonStat(document);
  }
  if (typeof version !== 'string' || !version.startsWith('2.')) {
    return problem(
      'unsupported-version',
      'version',
      `JSON-stat version ${shown(version)} is not supported: the observatory reads version 2.0. ${FIX_EXPORT}`,
      { version: shown(version) },
    );
  }
  return { body: document, path: '' };
}

/** JSON-stat 1.x: datasets keyed by name at the top level, or `id` and `size` inside `dimension`. */
function legacyShape(document: Record<string, unknown>): JsonStatProblem | null {
  const version = document.version;
  if (typeof version === 'string' && version.startsWith('1.')) return legacyProblem('', 1);
  const dimension = document.dimension;
  if (document.version === undefined && isRecord(dimension) && ('id' in dimension || 'size' in dimension)) {
    return legacyProblem('dimension', 1);
  }
  if (document.version !== undefined || document.class !== undefined) return null;
  const named = Object.values(document).filter((entry) => isRecord(entry) && 'dimension' in entry && 'value' in entry);
  return named.length > 0 ? legacyProblem('', named.length) : null;
}

function legacyProblem(path: string, datasets: number): JsonStatProblem {
  const what = datasets > 1 ? `a JSON-stat 1.x bundle of ${datasets} datasets` : 'JSON-stat 1.x';
  return problem(
    'jsonstat-1x',
    path,
    `The file is ${what}; the observatory reads JSON-stat 2.0. Ask the API for version 2.0 ` +
      '(Eurostat and most statistics offices answer 2.0 today), or convert it with a JSON-stat 1.x to 2.0 converter.',
    { datasets },
  );
}

function notJsonStat(document: Record<string, unknown>): JsonStatProblem {
  const needed = ['version', 'class', 'id', 'size', 'dimension', 'value'];
  const missing = needed.filter((key) => !(key in document));
  return problem(
    'not-jsonstat',
    '',
    `The JSON is not a JSON-stat dataset: it lacks ${missing.map((key) => `"${key}"`).join(', ')}. ${FIX_EXPORT}`,
    { missing: missing.join(', ') },
  );
}

function collectionDataset(
  document: Record<string, unknown>,
  options: EnvelopeOptions,
): LocatedDataset | JsonStatProblem {
  const link = isRecord(document.link) ? document.link : {};
  const items = Array.isArray(link.item) ? link.item : [];
  const datasets = items
    .map((item, position) => ({ item, position }))
    .filter(
      (entry): entry is { item: Record<string, unknown>; position: number } =>
        isRecord(entry.item) && entry.item.class === 'dataset' && 'value' in entry.item,
    );
  if (datasets.length === 0) {
    return problem(
      'not-dataset',
      'link.item',
      'The file is a JSON-stat collection that embeds no dataset (it only links to them). ' +
        'Download one of the linked datasets and upload that.',
      { items: items.length },
    );
  }
  const label = (entry: { item: Record<string, unknown>; position: number }) =>
    typeof entry.item.label === 'string' ? entry.item.label : `#${entry.position}`;
  if (options.dataset !== undefined) {
    const chosen = datasets.find((entry) =>
      typeof options.dataset === 'number' ? entry.position === options.dataset : label(entry) === options.dataset,
    );
    if (chosen === undefined) {
      return problem(
        'bundle-item-unknown',
        'link.item',
        `The collection has no dataset ${shown(options.dataset)}; it holds ${datasets.map(label).join('; ')}.`,
        { chosen: String(options.dataset), datasets: datasets.map(label).join('; ') },
      );
    }
    return { body: chosen.item, path: `link.item[${chosen.position}]` };
  }
  if (datasets.length > 1) {
    return problem(
      'bundle',
      'link.item',
      `The file bundles ${datasets.length} datasets (${datasets.map(label).join('; ')}). ` +
        'Upload one dataset per file, or name the one to read.',
      { datasets: datasets.length, labels: datasets.map(label).join('; ') },
    );
  }
  const only = datasets[0] as { item: Record<string, unknown>; position: number };
  return { body: only.item, path: `link.item[${only.position}]` };
}
