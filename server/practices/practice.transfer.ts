import Papa from 'papaparse';
import { z } from 'zod';
import type { Actor } from '../http/actor';
import type { DbOrTx } from '../db/database';
import { badRequest } from '../http/errors';
import { toCsv } from '../http/csv';
import { translateInputMessage, zodParseOptions } from '../i18n/input-messages';
import { translate } from '../i18n/translate';
import { isLocale, LOCALES, type Locale, type LocalisedText } from '../shared/i18n';
import { assessEvidence } from './evidence-rating';
import { findUnknownCodes, loadPracticeVocabulary } from './practice.catalogue-check';
import { findPractice, findVersion, latestTranslations, parseRecord } from './practice.repository';
import { addTranslation } from './practice.translations';
import { PracticeInput, type PracticeRecord, PracticeTranslationInput } from '../shared/api/practice-record';
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
/** Added later than the others: an older export without them still imports (as English, untranslated). */
const LANGUAGE_COLUMNS = ['language', 'translations'] as const;
export const CSV_COLUMNS = [
  ...TEXT_COLUMNS,
  ...LANGUAGE_COLUMNS,
  ...NUMBER_COLUMNS,
  ...LIST_COLUMNS,
  ...JSON_COLUMNS,
  ...DERIVED_COLUMNS,
];

/** The latest translation of the curator-written fields into each of the observatory's languages. */
export type PracticeTranslations = Partial<Record<Locale, PracticeTranslationInput>>;

export interface ExportedPractice {
  record: Omit<PracticeRecord, 'ratingOverride'>;
  translations: PracticeTranslations;
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
  const translated = await latestTranslations(
    db,
    practices.map((p) => p.id),
  );
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
    const translations: PracticeTranslations = {};
    for (const [locale, t] of translated.get(p.id) ?? [])
      if (isLocale(locale)) translations[locale] = { title: t.title, summary: t.summary, description: t.description };
    exported.push({ record, translations, evidence });
  }
  return exported;
}

export function practicesToCsv(practices: ExportedPractice[]): string {
  const rows = practices.map(({ record, translations, evidence }) => {
    const row: Record<string, unknown> = {};
    for (const c of TEXT_COLUMNS) row[c] = record[c] ?? '';
    row.language = record.language;
    row.translations = JSON.stringify(translations);
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

/** CSV rows back into raw practice entries ({ record, translations }); derived columns (rating, …) are ignored. */
export function csvToInputs(csv: string): { record: unknown; translations: unknown }[] {
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
    if (cell('language') !== '') input.language = cell('language');
    const translations = cell('translations') === '' ? {} : parseJsonCell(cell('translations'), 'translations', i + 2);
    return { record: input, translations };
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
export async function importPractices(
  db: DbOrTx,
  actor: Actor,
  body: ImportBody,
  locale: Locale = 'en',
): Promise<ImportResult> {
  const entries =
    body.format === 'csv'
      ? csvToInputs(body.csv)
      : body.practices.map((p) =>
          p && typeof p === 'object' && 'record' in p
            ? {
                record: (p as { record: unknown }).record,
                translations: (p as { translations?: unknown }).translations,
              }
            : { record: p, translations: undefined },
        );
  const raw = entries.map((e) => e.record);
  const vocabulary = await loadPracticeVocabulary(db);
  const problems: LocalisedText[] = [];
  const translationsOf: PracticeTranslations[] = [];
  const inputs = raw.map((entry, i) => {
    const parsed = PracticeInput.safeParse(entry, zodParseOptions(locale));
    const n = i + 1;
    if (!parsed.success)
      for (const issue of parsed.error.issues.slice(0, 5)) {
        const field = issue.path.length ? issue.path.join('.') : 'none';
        const problem = translateInputMessage(issue.message, locale);
        problems.push({ key: 'ratings.import-invalid', params: { n, field, problem } });
      }
    else
      for (const p of findUnknownCodes(parsed.data, vocabulary))
        problems.push({ key: 'ratings.import-code-problem', params: { n, path: p.path, problem: p.localised } });
    translationsOf[i] = checkTranslations(entries[i]!.translations, parsed.data?.language ?? 'en', n, locale, problems);
    return parsed.data;
  });
  if (problems.length)
    throw badRequest(
      { key: 'ratings.nothing-imported', params: { problems: problems.slice(0, 8) } },
      { problems: problems.map((p) => translate(locale, p)) },
    );
  const result: ImportResult = { created: [], updated: [] };
  for (const [i, input] of (inputs as PracticeInput[]).entries()) {
    let slug: string;
    if (input.slug && (await findPractice(db, input.slug))) {
      await editPractice(db, actor, input.slug, input, 'import');
      slug = input.slug;
      result.updated.push(slug);
    } else {
      slug = await createPractice(db, actor, input, { action: 'import' }, vocabulary);
      result.created.push(slug);
    }
    await importTranslations(db, actor, slug, translationsOf[i]!);
  }
  return result;
}

/**
 * The translations of one imported entry, checked: an object of the observatory's languages, none
 * the practice's own, each with the fields a curator writes. Problems are added, named by entry.
 */
function checkTranslations(
  given: unknown,
  language: string,
  n: number,
  locale: Locale,
  problems: LocalisedText[],
): PracticeTranslations {
  if (given === undefined || given === null) return {};
  const parsed = TranslationsColumn.safeParse(given, zodParseOptions(locale));
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 5)) {
      const field = ['translations', ...issue.path].join('.');
      problems.push({
        key: 'ratings.import-invalid',
        params: { n, field, problem: translateInputMessage(issue.message, locale) },
      });
    }
    return {};
  }
  if (parsed.data[language as Locale]) problems.push({ key: 'ratings.import-same-language', params: { n, language } });
  return parsed.data as PracticeTranslations;
}

const TranslationsColumn = z.partialRecord(z.enum(LOCALES), PracticeTranslationInput);

/** Adds each translation that differs from the practice's latest one as a new revision (never overwriting). */
async function importTranslations(db: DbOrTx, actor: Actor, slug: string, translations: PracticeTranslations) {
  const practice = await findPractice(db, slug);
  const latest = (await latestTranslations(db, [practice!.id])).get(practice!.id);
  for (const [locale, t] of Object.entries(translations) as [Locale, PracticeTranslationInput][]) {
    const now = latest?.get(locale);
    if (now && now.title === t.title && now.summary === t.summary && now.description === t.description) continue;
    await addTranslation(db, actor, slug, locale, t);
  }
}
