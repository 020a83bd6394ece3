import type { DbOrTx } from '../db/database';
import { notFound } from '../http/errors';
import { assessEvidence, type EvidenceAssessment } from './evidence-rating';
import { loadPracticeVocabulary } from './practice.catalogue-check';
import { linkedIndicators } from './practice.listing';
import type { PracticeSearchQuery } from './practice.query';
import { findVersion, listingFacetValues, listVersions, parseRecord } from './practice.repository';
import type { FacetCount } from './practice.search';
import { searchPractices } from './practice.search';
import type { PracticeRecord } from './practice.schema';
import { practiceHistory, type PracticeHistoryEntry } from './practice.history';
import type { ListingAudience, PracticeRow } from './practice.table';
import { type EvidenceRating, RATING_LABELS, type WorkflowState } from './practice.vocabulary';
import { requirePractice, today } from './practice.service';
import type { FacetName } from './practice.listing';

/** One card of a result list. The dashboard imports these types (import type only). */
export interface PracticeSummary {
  slug: string;
  title: string;
  summary: string;
  rating: EvidenceRating;
  ratingLabel: string;
  europeanEvidence: boolean;
  startYear: number | null;
  endYear: number | null;
  lastEvaluationYear: number | null;
  reviewDate: string;
  dueForReview: boolean;
  geos: string[];
  themes: string[];
  approaches: string[];
  indicators: string[];
  state: WorkflowState;
  version: number;
  /** With search words: whether they all matched the title. */
  titleMatch: boolean | null;
}

export interface PracticeSearchResponse {
  data: PracticeSummary[];
  facets: Record<FacetName, FacetCount[]>;
  meta: { total: number; page: number; pageSize: number; pages: number; sort: string; q: string | null };
}

export interface PracticeDetail {
  slug: string;
  state: WorkflowState;
  version: number;
  publishedVersion: number | null;
  updatedAt: string;
  record: PracticeRecord;
  evidence: EvidenceAssessment & { ratingLabel: string };
  linkedIndicators: string[];
  /** The curators' comments when the practice was returned (staff views only). */
  reviewComment: string | null;
}

export interface PracticeHistoryResponse {
  slug: string;
  versions: PracticeHistoryEntry[];
}

export async function searchView(db: DbOrTx, audience: ListingAudience, query: PracticeSearchQuery, withinGeos?: string[]): Promise<PracticeSearchResponse> {
  const result = await searchPractices(db, audience, query, withinGeos);
  const facets = await listingFacetValues(db, result.hits.map((h) => h.id));
  const now = today();
  const data = result.hits.map((h): PracticeSummary => {
    const values = facets.get(h.id);
    const rating = h.rating as EvidenceRating;
    return {
      slug: h.slug,
      title: h.title,
      summary: h.summary,
      rating,
      ratingLabel: RATING_LABELS[rating],
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
  return { data, facets: result.facets, meta: { total: result.total, page: query.page, pageSize: query.pageSize, pages, sort, q: query.q ?? null } };
}

async function detailOf(db: DbOrTx, practice: PracticeRow, version: number, staff: boolean): Promise<PracticeDetail> {
  const row = await findVersion(db, practice.id, version);
  if (!row) throw notFound(`Practice "${practice.slug}" has no version ${version}.`);
  const record = parseRecord(row);
  const vocabulary = await loadPracticeVocabulary(db);
  const evidence = assessEvidence(record, { euMembers: vocabulary.euMembers, formerEuMembers: vocabulary.formerEuMembers, today: today(), recordedAt: practice.created_at });
  return {
    slug: practice.slug,
    state: staff ? practice.state : 'published',
    version,
    publishedVersion: practice.published_version,
    updatedAt: row.recorded_at,
    record,
    evidence: { ...evidence, ratingLabel: RATING_LABELS[evidence.rating] },
    linkedIndicators: linkedIndicators(record, vocabulary),
    reviewComment: staff ? practice.review_comment : null,
  };
}

/** The published version; a practice never published is not found, whatever its state. */
export async function publicDetail(db: DbOrTx, slug: string): Promise<PracticeDetail> {
  const practice = await requirePractice(db, slug);
  if (practice.published_version === null) throw notFound(`No practice "${slug}".`);
  return detailOf(db, practice, practice.published_version, false);
}

export async function workingDetail(db: DbOrTx, slug: string): Promise<PracticeDetail> {
  const practice = await requirePractice(db, slug);
  return detailOf(db, practice, practice.current_version, true);
}

export async function historyView(db: DbOrTx, slug: string): Promise<PracticeHistoryResponse> {
  const practice = await requirePractice(db, slug);
  return { slug, versions: practiceHistory(await listVersions(db, practice.id)) };
}
