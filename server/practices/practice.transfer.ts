import Papa from 'papaparse';
import { z } from 'zod';
import type { Actor } from '../http/actor';
import type { DbOrTx } from '../db/database';
import { badRequest } from '../http/errors';
import { toCsv } from '../http/csv';
import { describeZodError } from '../http/mount';
import { assessEvidence } from './evidence-rating';
import { findUnknownCodes, loadPracticeVocabulary } from './practice.catalogue-check';
import { findPractice, findVersion, parseRecord } from './practice.repository';
import { PracticeInput, type PracticeRecord } from '../shared/api/practice-record';
import { createPractice, editPractice, today } from './practice.service';

/** JSON and CSV export of the published catalogue, and import of the same files (round trip). */

const LIST_COLUMNS = [
  'geos',
  'themes',
  'iccsCodes',
  'indicators',
  'targetGroups',
  'approaches',
  'preventionLevels',
  'empactTags',
] as const;
const JSON_COLUMNS = [
  'organisations',
  'contact',
  'links',
  'criteria',
  'evaluations',
  'emmie',
  'externalRatings',
] as const;
const TEXT_COLUMNS = ['slug', 'title', 'summary', 'description', 'level', 'cost'] as const;
const NUMBER_COLUMNS = ['startYear', 'endYear'] as const;
const DERIVED_COLUMNS = ['rating', 'derivedRating', 'europeanEvidence', 'reviewDate'] as const;
export const CSV_COLUMNS = [...TEXT_COLUMNS, ...NUMBER_COLUMNS, ...LIST_COLUMNS, ...JSON_COLUMNS, ...DERIVED_COLUMNS];

export interface ExportedPractice {
  record: Omit<PracticeRecord, 'ratingOverride'>;
  evidence: {
    rating: string;
    derivedRating: string;
    reasons: string[];
    europeanEvidence: boolean;
    reviewDate: string;
    dueForReview: boolean;
  };
}

export async function exportPublished(db: DbOrTx): Promise<ExportedPractice[]> {
  const practices = await db
    .selectFrom('practices')
    .selectAll()
    .where('published_version', 'is not', null)
    .orderBy('slug')
    .execute();
  const vocabulary = await loadPracticeVocabulary(db);
  const exported: ExportedPractice[] = [];
  for (const p of practices) {
    const version = await findVersion(db, p.id, p.published_version!);
    const { ratingOverride, ...record } = parseRecord(version!);
    const e = assessEvidence(
      { ...record, ratingOverride },
      {
        euMembers: vocabulary.euMembers,
        formerEuMembers: vocabulary.formerEuMembers,
        today: today(),
        recordedAt: p.created_at,
      },
    );
    const evidence = {
      rating: e.rating,
      derivedRating: e.derivedRating,
      reasons: e.reasons,
      europeanEvidence: e.europeanEvidence,
      reviewDate: e.reviewDate,
      dueForReview: e.dueForReview,
    };
    exported.push({ record, evidence });
  }
  return exported;
}

export function practicesToCsv(practices: ExportedPractice[]): string {
  const rows = practices.map(({ record, evidence }) => {
    const row: Record<string, unknown> = {};
    for (const c of TEXT_COLUMNS) row[c] = record[c] ?? '';
    for (const c of NUMBER_COLUMNS) row[c] = record[c] ?? '';
    for (const c of LIST_COLUMNS) row[c] = record[c].join(';');
    for (const c of JSON_COLUMNS) row[c] = JSON.stringify(record[c]);
    Object.assign(row, {
      rating: evidence.rating,
      derivedRating: evidence.derivedRating,
      europeanEvidence: evidence.europeanEvidence ? 'yes' : 'no',
      reviewDate: evidence.reviewDate,
    });
    return row;
  });
  return toCsv(rows, CSV_COLUMNS);
}

/** Undoes the export's formula escaping: a leading apostrophe before = + - @ tab or CR. */
const unescapeCell = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

function parseJsonCell(value: string, column: string, row: number): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw badRequest({ key: 'ratings.csv-json-expected', params: { row: String(row), column } });
  }
}

/** CSV rows back into raw practice inputs; derived columns (rating, …) are ignored. */
export function csvToInputs(csv: string): unknown[] {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const first = parsed.errors[0];
  if (first)
    throw badRequest({
      key: 'ratings.csv-unreadable',
      params: { problem: first.message, row: String((first.row ?? 0) + 2) },
    });
  const missing = [...TEXT_COLUMNS, ...NUMBER_COLUMNS, ...LIST_COLUMNS, ...JSON_COLUMNS].filter(
    (c) => !parsed.meta.fields?.includes(c),
  );
  if (missing.length) throw badRequest({ key: 'ratings.csv-columns-missing', params: { columns: missing.join(', ') } });
  return parsed.data.map((raw, i) => {
    const cell = (c: string) => unescapeCell(raw[c] ?? '');
    const input: Record<string, unknown> = {};
    for (const c of TEXT_COLUMNS) if (cell(c) !== '') input[c] = cell(c);
    for (const c of NUMBER_COLUMNS) input[c] = cell(c) === '' ? null : Number(cell(c));
    for (const c of LIST_COLUMNS)
      input[c] =
        cell(c) === ''
          ? []
          : cell(c)
              .split(';')
              .map((v) => v.trim());
    for (const c of JSON_COLUMNS) input[c] = parseJsonCell(cell(c), c, i + 2);
    return input;
  });
}

export const ImportBody = z.discriminatedUnion('format', [
  z.strictObject({ format: z.literal('json'), practices: z.array(z.unknown()).min(1).max(500) }),
  z.strictObject({ format: z.literal('csv'), csv: z.string().min(1).max(900_000) }),
]);
export type ImportBody = z.infer<typeof ImportBody>;

export interface ImportResult {
  created: string[];
  updated: string[];
}

/** Validates every entry first (all problems in one 400), then writes them all or nothing. */
export async function importPractices(db: DbOrTx, actor: Actor, body: ImportBody): Promise<ImportResult> {
  const raw =
    body.format === 'csv'
      ? csvToInputs(body.csv)
      : body.practices.map((p) =>
          p && typeof p === 'object' && 'record' in p ? (p as { record: unknown }).record : p,
        );
  const vocabulary = await loadPracticeVocabulary(db);
  const problems: string[] = [];
  const inputs = raw.map((entry, i) => {
    const parsed = PracticeInput.safeParse(entry);
    if (!parsed.success) problems.push(describeZodError(parsed.error, `practice ${i + 1}`));
    else
      for (const p of findUnknownCodes(parsed.data, vocabulary))
        problems.push(`practice ${i + 1} "${p.path}": ${p.message}`);
    return parsed.data;
  });
  if (problems.length)
    throw badRequest(
      { key: 'ratings.nothing-imported', params: { problems: problems.slice(0, 8).join('; ') } },
      { problems },
    );
  const result: ImportResult = { created: [], updated: [] };
  for (const input of inputs as PracticeInput[]) {
    if (input.slug && (await findPractice(db, input.slug))) {
      await editPractice(db, actor, input.slug, input, 'import');
      result.updated.push(input.slug);
    } else {
      result.created.push(await createPractice(db, actor, input, { action: 'import' }, vocabulary));
    }
  }
  return result;
}
