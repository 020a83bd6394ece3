import type { DbOrTx } from '../db/database';
import type { PracticeDetail, PracticeSearchResponse, PracticeSummary } from '../shared/api/practices';
import { notFound } from '../http/errors';
import { assessEvidence } from './evidence-rating';
import { loadPracticeVocabulary } from './practice.catalogue-check';
import { linkedIndicators } from './practice.listing';
import type { PracticeSearchQuery } from './practice.query';
import { findVersion, listingFacetValues, listVersions, parseRecord } from './practice.repository';
import { searchPractices } from './practice.search';
import { practiceHistory, type PracticeHistoryEntry } from './practice.history';
import type { ListingAudience, PracticeRow } from '../db/tables/practice.table';
import type { EvidenceRating, WorkflowState } from '../shared/practice-vocabulary';
import { requirePractice, today } from './practice.service';
import type { Locale } from '../shared/i18n';
import { loadLabelBook } from '../labels/label.book';
import { latestTranslations } from './practice.repository';
import { inReaderLanguage } from './practice.translations';

/** The answers' shapes are zod schemas in server/shared/api/practices.ts, which the dashboard reads too. */
export type { PracticeDetail, PracticeSearchResponse, PracticeSummary } from '../shared/api/practices';

export interface PracticeHistoryResponse {
  slug: string;
  versions: PracticeHistoryEntry[];
}

export async function searchView(
  db: DbOrTx,
  audience: ListingAudience,
  query: PracticeSearchQuery,
  withinGeos?: string[],
  reader: Locale = 'en',
): Promise<PracticeSearchResponse> {
  const result = await searchPractices(db, audience, query, withinGeos);
  const facets = await listingFacetValues(
    db,
    result.hits.map((h) => h.id),
  );
  const translations = await latestTranslations(
    db,
    result.hits.map((h) => h.practiceId),
    reader,
  );
  const labels = await loadLabelBook(db);
  const now = today();
  const data = result.hits.map((h): PracticeSummary => {
    const values = facets.get(h.id);
    const rating = h.rating as EvidenceRating;
    const shown = inReaderLanguage(h, translations.get(h.practiceId)?.get(reader), reader);
    return {
      slug: h.slug,
      title: shown.fields.title,
      summary: shown.fields.summary,
      language: shown.language,
      rating,
      ratingLabel: labels.text('evidence_rating', rating, reader) ?? rating,
      europeanEvidence: h.europeanEvidence,
      startYear: h.startYear,
      endYear: h.endYear,
      lastEvaluationYear: h.lastEvaluationYear,
      reviewDate: h.reviewDate,
      dueForReview: now > h.reviewDate,
      geos: values?.get('geo') ?? [],
      themes: values?.get('theme') ?? [],
      approaches: values?.get('approach') ?? [],
      indicators: values?.get('indicator') ?? [],
      state: h.state as WorkflowState,
      version: h.version,
      titleMatch: h.titleMatch,
    };
  });
  const sort = query.sort ?? (query.q?.trim() ? 'relevance' : 'rating');
  const pages = Math.max(1, Math.ceil(result.total / query.pageSize));
  return {
    data,
    facets: result.facets,
    meta: { total: result.total, page: query.page, pageSize: query.pageSize, pages, sort, q: query.q ?? null },
  };
}

async function detailOf(
  db: DbOrTx,
  practice: PracticeRow,
  version: number,
  staff: boolean,
  reader: Locale,
): Promise<PracticeDetail> {
  const row = await findVersion(db, practice.id, version);
  if (!row) throw notFound({ key: 'ratings.no-version', params: { slug: practice.slug, version: String(version) } });
  const written = parseRecord(row);
  const translations = (await latestTranslations(db, [practice.id])).get(practice.id) ?? new Map();
  // Staff edit the original, so their view never swaps a translation in (saving it would overwrite the original).
  const { fields: record, language } = staff
    ? {
        fields: written,
        language: { original: written.language, shown: written.language, translated: false, note: null },
      }
    : inReaderLanguage(written, translations.get(reader), reader);
  const vocabulary = await loadPracticeVocabulary(db);
  const evidence = assessEvidence(record, {
    euMembers: vocabulary.euMembers,
    formerEuMembers: vocabulary.formerEuMembers,
    today: today(),
    recordedAt: practice.created_at,
    locale: reader,
  });
  return {
    slug: practice.slug,
    state: staff ? practice.state : 'published',
    version,
    publishedVersion: practice.published_version,
    updatedAt: row.recorded_at,
    record,
    evidence: {
      ...evidence,
      ratingLabel: (await loadLabelBook(db)).text('evidence_rating', evidence.rating, reader) ?? evidence.rating,
    },
    linkedIndicators: linkedIndicators(record, vocabulary),
    language,
    translations: [...translations.values()].map((t) => ({
      locale: t.locale,
      revision: t.revision,
      translatedBy: t.translated_by,
      recordedAt: t.recorded_at,
    })),
    reviewComment: staff ? practice.review_comment : null,
  };
}

/** The published version; a practice never published is not found, whatever its state. */
export async function publicDetail(db: DbOrTx, slug: string, reader: Locale = 'en'): Promise<PracticeDetail> {
  const practice = await requirePractice(db, slug);
  if (practice.published_version === null) throw notFound({ key: 'ratings.no-practice', params: { slug } });
  return detailOf(db, practice, practice.published_version, false, reader);
}

/** The working version as its authors wrote it (a curator edits the original, not a translation). */
export async function workingDetail(db: DbOrTx, slug: string, reader: Locale = 'en'): Promise<PracticeDetail> {
  const practice = await requirePractice(db, slug);
  return detailOf(db, practice, practice.current_version, true, reader);
}

export async function historyView(db: DbOrTx, slug: string): Promise<PracticeHistoryResponse> {
  const practice = await requirePractice(db, slug);
  return { slug, versions: practiceHistory(await listVersions(db, practice.id)) };
}
