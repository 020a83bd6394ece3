import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previewSubmission } from '../../server/submissions/pipeline';
import { decodeJsonStat, decodeJsonStatText } from '../../server/submissions/read/jsonstat/decode';
import { PROBLEM_CODES } from '../../server/submissions/read/report';
import { bufferSource } from '../../server/submissions/read/source';
import { useSeededApp } from '../helpers/context';
import { sharedDataPath } from '../helpers/shared-data';
import { stagedRows } from '../helpers/staged';

const ctx = useSeededApp();

const REAL = ['ilc_mddw03', 'demo_pjan', 'crim_off_cat_2025'].map((name) => ({
  name,
  text: readFileSync(sharedDataPath(`eurostat-jsonstat/${name}.json`), 'utf8'),
}));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path (as keys) to a value inside a document, up to a depth, so a mutation can hit any part of it. */
function paths(document: Json, depth = 5, prefix: string[] = []): string[][] {
  if (depth === 0 || document === null || typeof document !== 'object') return [prefix];
  const keys = Object.keys(document).slice(0, 40);
  return [
    prefix,
    ...keys.flatMap((key) => paths((document as Record<string, Json>)[key] as Json, depth - 1, [...prefix, key])),
  ];
}

const replacement: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, 0, -1, 1e308, '', 'x', ':', 'bu', [], {}, [1], { 0: 'b' }, '2.0', '1.0', true),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

type Mutation =
  | { kind: 'set'; at: number; to: Json }
  | { kind: 'delete'; at: number }
  | { kind: 'text'; at: number; cut: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), to: replacement }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(), cut: fc.integer({ min: 1, max: 50 }) }),
);

/** Applies structural mutations to the parsed document, or cuts bytes out of its text. */
function mutate(text: string, mutations: Mutation[]): string {
  let document = JSON.parse(text) as Json;
  let out: string | null = null;
  for (const m of mutations) {
    if (m.kind === 'text') {
      const base: string = out ?? JSON.stringify(document);
      const at = m.at % (base.length + 1);
      out = base.slice(0, at) + base.slice(at + m.cut);
      continue;
    }
    if (out !== null) continue;
    const all = paths(document);
    const path = all[m.at % all.length] as string[];
    if (path.length === 0) {
      document = m.kind === 'set' ? m.to : {};
      continue;
    }
    const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string, Json>)[key] as Json, document);
    const key = path.at(-1) as string;
    if (parent === null || typeof parent !== 'object') continue;
    if (m.kind === 'set') (parent as Record<string, Json>)[key] = m.to;
    else if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete (parent as Record<string, Json>)[key];
  }
  return out ?? JSON.stringify(document);
}

describe('mutated real JSON-stat files', () => {
  it('always decode to a dataset or to problems, never an exception', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REAL), fc.array(mutation, { minLength: 1, maxLength: 5 }), (file, mutations) => {
        const text = mutate(file.text, mutations);
        const decoded = decodeJsonStatText(text);
        if (decoded.ok) {
          for (const cell of decoded.dataset.cells()) {
            expect(cell.value === null || Number.isFinite(cell.value)).toBe(true);
            expect(Object.keys(cell.coordinates)).toHaveLength(decoded.dataset.dimensions.length);
          }
        } else {
          expect(decoded.problems.length).toBeGreaterThan(0);
          for (const p of decoded.problems) expect(p.message.length).toBeGreaterThan(20);
        }
        expect(decodeJsonStat(JSON.parse(JSON.stringify(text)))).toMatchObject({ ok: false });
      }),
      { numRuns: 150, seed: 17 },
    );
  }, 120_000);

  it('always get a report through the pipeline, and stage nothing when rejected', async () => {
    const known = new Set<string>(PROBLEM_CODES);
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        const text = mutate(REAL[0]!.text, mutations);
        const preview = await previewSubmission(ctx.db, {
          geo: 'BE',
          submittedBy: 'property',
          source: bufferSource('ilc_mddw03.json', Buffer.from(text)),
        });
        expect(['validated', 'rejected']).toContain(preview.status);
        expect(preview.report.valid).toBe(preview.status === 'validated');
        if (preview.status === 'rejected') expect(preview.report.entries.length).toBeGreaterThan(0);
        for (const entry of preview.report.entries) {
          expect(known.has(entry.code)).toBe(true);
          expect(entry.message.length).toBeGreaterThan(10);
        }
        const staged = await stagedRows(ctx.db, preview.submissionId);
        expect(staged.length).toBe(preview.status === 'validated' ? preview.cellsValid : 0);
      }),
      { numRuns: 120, seed: 17 },
    );
  }, 120_000);
});
