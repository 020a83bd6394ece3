import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../server/catalogue/paths';
import { previewSubmission } from '../../server/submissions/pipeline';
import { PROBLEM_CODES } from '../../server/submissions/read/report';
import { bufferSource } from '../../server/submissions/read/source';
import { sharedDataPath } from '../helpers/shared-data';
import { stagedRows } from '../helpers/staged';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp();

const head = (file: string, bytes: number) => readFileSync(file).subarray(0, bytes);

/** Real files (heads of the big ones), each with the geo and profile it is submitted with. */
const FILES = [
  {
    name: 'bka',
    bytes: head(sharedDataPath('bka-pks/ZR-F-01-T01-Faelle_csv.csv'), 24_000),
    geo: 'DE',
    profile: 'de-bka-pks-faelle',
  },
  { name: 'tps00001', bytes: head(sharedDataPath('eurostat-tps00001/tps00001.tsv'), 10_000), geo: 'AD', profile: null },
  {
    name: 'crim_off_cat',
    bytes: head(sharedDataPath('eurostat-crim_off_cat/estat_crim_off_cat.tsv'), 16_000),
    geo: 'AT',
    profile: null,
  },
  {
    name: 'worldbank',
    bytes: head(sharedDataPath('worldbank-population/API_SP.POP.TOTL_DS2_en_csv_v2_4473555.csv'), 20_000),
    geo: 'AT',
    profile: null,
  },
  {
    name: 'canonical',
    bytes: head(path.join(DATA_DIR, 'seed/eurostat-crim_off_cat/AT.csv'), 20_000),
    geo: 'AT',
    profile: null,
  },
];

type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'replace'; at: number; byte: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'text'; at: number; text: string };

const position = fc.nat({ max: 1_000_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }),
  }),
  fc.record({ kind: fc.constant('replace' as const), at: position, byte: fc.nat({ max: 255 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: position, length: fc.integer({ min: 1, max: 2000 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({
    kind: fc.constant('text' as const),
    at: position,
    text: fc.constantFrom(
      '"',
      ';',
      ',',
      '\t',
      '\n',
      '\r\n',
      '=HYPERLINK("x")',
      ':',
      '1,234',
      '-5',
      '\uFEFF',
      'ÿþ',
      '\u0000',
      ' e',
      '2099',
      'ZZ',
    ),
  }),
);

function apply(bytes: Buffer, m: Mutation): Buffer {
  const at = bytes.length ? m.at % (bytes.length + 1) : 0;
  switch (m.kind) {
    case 'delete':
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
    case 'replace': {
      const copy = Buffer.from(bytes);
      if (at < copy.length) copy[at] = m.byte;
      return copy;
    }
    case 'duplicate':
      return Buffer.concat([bytes.subarray(0, at + m.length), bytes.subarray(at)]);
    case 'truncate':
      return bytes.subarray(0, at);
    case 'text':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.text), bytes.subarray(at)]);
  }
}

describe('mutated real files', () => {
  it('always get a report, never an exception, and stage nothing when rejected', async () => {
    const known = new Set<string>(PROBLEM_CODES);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FILES),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        async (file, mutations) => {
          const bytes = mutations.reduce(apply, file.bytes);
          const preview = await previewSubmission(ctx.db, {
            geo: file.geo,
            profile: file.profile,
            submittedBy: 'property',
            source: bufferSource(`${file.name}.csv`, bytes),
          });
          expect(['validated', 'rejected']).toContain(preview.status);
          expect(preview.report.valid).toBe(preview.status === 'validated');
          for (const entry of preview.report.entries) {
            expect(known.has(entry.code)).toBe(true);
            expect(entry.message.length).toBeGreaterThan(10);
          }
          const staged = await stagedRows(ctx.db, preview.submissionId);
          expect(staged.length).toBe(preview.status === 'validated' ? preview.cellsValid : 0);
        },
      ),
      { numRuns: 250 },
    );
  }, 120_000);
});
