import { describe, expect, it } from 'vitest';
import {
  decodeJsonStat,
  decodeJsonStatText,
  type JsonStatDataset,
  type JsonStatDecoding,
} from '../../server/submissions/read/jsonstat/decode';
import { readSharedData } from '../helpers/shared-data';

const real = (name: string) => readSharedData(`eurostat-jsonstat/${name}.json`);

function decoded(result: JsonStatDecoding): JsonStatDataset {
  if (!result.ok) throw new Error(`expected a dataset, got ${JSON.stringify(result.problems)}`);
  return result.dataset;
}

function problemsOf(result: JsonStatDecoding) {
  if (result.ok) throw new Error('expected problems, got a dataset');
  return result.problems;
}

/** A small 2 × 3 cube: geo (BE, NL) × time (2019, 2020, 2021). */
function cube(overrides: Record<string, unknown> = {}) {
  return {
    version: '2.0',
    class: 'dataset',
    label: 'small',
    id: ['geo', 'time'],
    size: [2, 3],
    dimension: {
      geo: { label: 'Geo', category: { index: ['BE', 'NL'], label: { BE: 'Belgium', NL: 'Netherlands' } } },
      time: { category: { index: { 2019: 0, 2020: 1, 2021: 2 } } },
    },
    value: [1, 2, null, 4, 5, 6],
    ...overrides,
  };
}

describe('JSON-stat decoder on the real Eurostat answers', () => {
  it('reads ilc_mddw03: BE 2019 is 13.3 with flag b, and 2021–2022 are not in the cube', () => {
    const dataset = decoded(decodeJsonStatText(real('ilc_mddw03')));
    expect(dataset.size).toEqual([1, 1, 1, 1, 28, 19]);
    expect(dataset.dimensions.map((d) => d.id)).toEqual(['freq', 'hhtyp', 'incgrp', 'unit', 'geo', 'time']);
    const be2019 = dataset.cellAt({ freq: 'A', hhtyp: 'TOTAL', incgrp: 'TOTAL', unit: 'PC', geo: 'BE', time: '2019' });
    expect(be2019).toMatchObject({ value: 13.3, status: 'b' });
    const times = dataset.dimensions.find((d) => d.id === 'time')?.categories.map((c) => c.id) ?? [];
    expect(times).toContain('2020');
    expect(times).toContain('2023');
    expect(times).not.toContain('2021');
    expect(times).not.toContain('2022');
    expect(dataset.updated).toBe('2025-04-30T11:00:00+0200');
  });

  it('yields every present cell of ilc_mddw03 once, in cube order, with its coordinates', () => {
    const document = JSON.parse(real('ilc_mddw03')) as {
      value: Record<string, number>;
      status: Record<string, string>;
    };
    const dataset = decoded(decodeJsonStat(document));
    const cells = [...dataset.cells()];
    const positions = new Set([...Object.keys(document.value), ...Object.keys(document.status)].map(Number));
    expect(cells.map((c) => c.position)).toEqual([...positions].sort((a, b) => a - b));
    for (const cell of cells) {
      expect(cell.value).toBe(document.value[String(cell.position)] ?? null);
      expect(cell.status).toBe(document.status[String(cell.position)] ?? null);
      expect(dataset.cellAt(cell.coordinates)?.position).toBe(cell.position);
    }
    expect(cells.filter((c) => c.status === 'bu').length).toBeGreaterThan(0);
  });

  it('reads demo_pjan with its combined flags and crim_off_cat_2025 without a status', () => {
    const population = decoded(decodeJsonStatText(real('demo_pjan')));
    const flags = new Set([...population.cells()].map((c) => c.status));
    for (const flag of ['b', 'p', 'ep', 'bep']) expect(flags).toContain(flag);
    const offences = decoded(decodeJsonStatText(real('crim_off_cat_2025')));
    const be = { freq: 'A', iccs: 'ICCS0101', unit: 'NR', geo: 'BE' };
    expect(offences.cellAt({ ...be, time: '2022' })).toMatchObject({ value: 185, status: null });
    expect(offences.cellAt({ ...be, time: '2008' })?.value).toBe(204);
    expect(offences.cellAt({ ...be, time: '1999' })).toBeNull();
  });
});

describe('JSON-stat decoder shapes', () => {
  it('reads a dense value array, index as array or object, and skips null cells without a status', () => {
    const dataset = decoded(decodeJsonStat(cube()));
    const cells = [...dataset.cells()];
    expect(cells.map((c) => [c.coordinates.geo, c.coordinates.time, c.value])).toEqual([
      ['BE', '2019', 1],
      ['BE', '2020', 2],
      ['NL', '2019', 4],
      ['NL', '2020', 5],
      ['NL', '2021', 6],
    ]);
    expect(dataset.dimensions[0]?.categories[1]).toEqual({ id: 'NL', label: 'Netherlands' });
    expect(dataset.dimensions[1]?.categories[0]).toEqual({ id: '2019', label: null });
  });

  it('applies a single status string, or a one-entry array, to every cell', () => {
    for (const status of ['e', ['e']]) {
      const cells = [...decoded(decodeJsonStat(cube({ status }))).cells()];
      expect(cells).toHaveLength(6);
      expect(cells.every((c) => c.status === 'e')).toBe(true);
    }
  });

  it('keeps a cell with a status but no value (Eurostat ":" cells)', () => {
    const dataset = decoded(decodeJsonStat(cube({ value: { 0: 1 }, status: { 2: ':' } })));
    expect([...dataset.cells()]).toEqual([
      { position: 0, coordinates: { geo: 'BE', time: '2019' }, value: 1, status: null },
      { position: 2, coordinates: { geo: 'BE', time: '2021' }, value: null, status: ':' },
    ]);
  });

  it('takes a single category from its label when index is left out, and reads roles', () => {
    const dimension = { ...cube().dimension, unit: { category: { label: { PC: 'Percentage' } } } };
    const dataset = decoded(
      decodeJsonStat(
        cube({ id: ['geo', 'time', 'unit'], size: [2, 3, 1], dimension, role: { geo: ['geo'], time: ['time'] } }),
      ),
    );
    expect(dataset.cellAt({ geo: 'NL', time: '2021', unit: 'PC' })?.value).toBe(6);
    expect(dataset.role).toEqual({ geo: ['geo'], time: ['time'] });
  });

  it('reads the one dataset of a collection, and a chosen one of several', () => {
    const one = { class: 'collection', version: '2.0', link: { item: [{ ...cube(), label: 'A' }] } };
    expect(decoded(decodeJsonStat(one)).label).toBe('A');
    const two = {
      ...one,
      link: {
        item: [
          { ...cube(), label: 'A' },
          { ...cube(), label: 'B', value: [9, 9, 9, 9, 9, 9] },
        ],
      },
    };
    expect(decoded(decodeJsonStat(two, { dataset: 'B' })).cellAt({ geo: 'BE', time: '2019' })?.value).toBe(9);
    expect(decoded(decodeJsonStat(two, { dataset: 0 })).label).toBe('A');
  });
});

describe('JSON-stat decoder problems', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['an array', [1, 2], 'not-jsonstat', /holds an array/],
    ['plain JSON', { name: 'x' }, 'not-jsonstat', /lacks "version", "class", "id", "size", "dimension", "value"/],
    [
      'JSON-stat 1.x (id and size inside dimension)',
      { label: 'x', dimension: { id: ['geo'], size: [1] }, value: [1] },
      'jsonstat-1x',
      /JSON-stat 1\.x/,
    ],
    [
      'a JSON-stat 1.x bundle',
      { first: { dimension: {}, value: [] }, second: { dimension: {}, value: [] } },
      'jsonstat-1x',
      /bundle of 2 datasets/,
    ],
    ['version 3.0', cube({ version: '3.0' }), 'unsupported-version', /version "3\.0"/],
    ['a dimension document', { version: '2.0', class: 'dimension' }, 'not-dataset', /"dimension", not a dataset/],
    ['id and size of different lengths', cube({ size: [2, 3, 1] }), 'id-size-mismatch', /names 2 dimensions.*3 sizes/],
    ['a size that is not a count', cube({ size: [2, -3] }), 'size-invalid', /size\[1\] is -3/],
    ['an id twice', cube({ id: ['geo', 'geo'] }), 'id-invalid', /"geo" appears twice/],
    ['a dimension without an object', cube({ id: ['geo', 'sex'] }), 'dimension-missing', /"sex"/],
    [
      'a size that is not the category count',
      cube({ size: [3, 2] }),
      'category-size-mismatch',
      /"geo" has 2 categories but "size" says 3/,
    ],
    [
      'value shorter than the cube',
      cube({ value: [1, 2, 3, 4, 5] }),
      'value-length',
      /5 entries but "size" 2×3 gives 6 cells/,
    ],
    ['a position outside the cube', cube({ value: { 6: 1 } }), 'value-position', /"6" is not a cell.*0 to 5/],
    ['a value that is text', cube({ value: [1, '2 b', 3, 4, 5, 6] }), 'value-invalid', /value\[1\] is "2 b"/],
    [
      'a status array of the wrong length',
      cube({ status: ['a', 'b'] }),
      'status-length',
      /2 entries but the cube has 6/,
    ],
    ['a status that is a number', cube({ status: { 1: 7 } }), 'status-invalid', /status\["1"\] is 7/],
  ];
  it.each(cases)('reports %s', (_name, document, code, message) => {
    const problems = problemsOf(decodeJsonStat(document));
    expect(problems[0]?.code).toBe(code);
    expect(problems[0]?.message).toMatch(message);
  });

  it('reports a bundle of several datasets with their labels, and an unknown choice', () => {
    const two = {
      version: '2.0',
      class: 'collection',
      link: {
        item: [
          { ...cube(), label: 'Population' },
          { ...cube(), label: 'Offences' },
        ],
      },
    };
    const [bundle] = problemsOf(decodeJsonStat(two));
    expect(bundle).toMatchObject({ code: 'bundle', path: 'link.item' });
    expect(bundle?.message).toMatch(/bundles 2 datasets \(Population; Offences\)/);
    expect(problemsOf(decodeJsonStat(two, { dataset: 'Crime' }))[0]?.code).toBe('bundle-item-unknown');
  });

  it('reports text that is not JSON, with the parser’s reason, instead of throwing', () => {
    const [notJson] = problemsOf(decodeJsonStatText('{"version": "2.0", '));
    expect(notJson?.code).toBe('not-json');
    expect(notJson?.message).toMatch(/not valid JSON/);
  });

  it('points at the category whose index position is out of range', () => {
    const dimension = { ...cube().dimension, time: { category: { index: { 2019: 0, 2020: 5, 2021: 2 } } } };
    const [bad] = problemsOf(decodeJsonStat(cube({ dimension })));
    expect(bad).toMatchObject({ code: 'category-invalid', path: 'dimension.time.category.index.2020' });
  });

  it('lists at most maxProblems problems and counts the rest', () => {
    const result = decodeJsonStat(cube({ value: ['a', 'b', 'c', 'd', 'e', 'f'] }), { maxProblems: 2 });
    if (result.ok) throw new Error('expected problems');
    expect(result.problems).toHaveLength(2);
    expect(result.omitted).toBe(4);
  });

  it('refuses a cube too large to count instead of walking it', () => {
    const side = 2 ** 14;
    const ids = ['a', 'b', 'c', 'd'];
    const index = Array.from({ length: side }, (_, n) => `c${n}`);
    const dimension = Object.fromEntries(ids.map((id) => [id, { category: { index } }]));
    const problems = problemsOf(
      decodeJsonStat({ version: '2.0', class: 'dataset', id: ids, size: ids.map(() => side), dimension, value: {} }),
    );
    expect(problems.map((p) => p.code)).toEqual(['cube-too-large']);
  });
});
