import type { DbOrTx } from '../db/database';
import { assessEvidence, type EvidenceAssessment } from './evidence-rating';
import type { PracticeVocabulary } from './practice.catalogue-check';
import { latestTranslations } from './practice.repository';
import type { PracticeRecord } from '../shared/api/practice-record';
import type { ListingAudience, NewPracticeListing } from '../db/tables/practice.table';
import { RATING_RANK, type WorkflowState } from '../shared/practice-vocabulary';
import { loadLabelBook } from '../labels/label.book';
import { codedValues, searchTexts } from './practice.search-text';

/** The facets a search can filter and count by, with the query parameter that filters each. */
export const FACETS = {
  theme: 'theme',
  geo: 'geo',
  rating: 'rating',
  approach: 'approach',
  preventionLevel: 'prevention_level',
  targetGroup: 'target_group',
  empact: 'empact',
  europeanEvidence: 'european_evidence',
} as const;
export type FacetName = keyof typeof FACETS;

/** Link facets: filterable, not counted. */
export const LINK_FACETS = { indicator: 'indicator', iccs: 'iccs' } as const;

/** The indicators a practice links to: those it names, and those whose ICCS code nests with one it targets. */
export function linkedIndicators(record: PracticeRecord, vocabulary: PracticeVocabulary): string[] {
  const linked = new Set(record.indicators);
  for (const [code, iccs] of vocabulary.indicators) {
    if (iccs && record.iccsCodes.some((c) => iccs.startsWith(c) || c.startsWith(iccs))) linked.add(code);
  }
  return [...linked].sort();
}

export function facetValues(record: PracticeRecord, evidence: EvidenceAssessment, vocabulary: PracticeVocabulary) {
  const pairs: [string, string[]][] = [
    [FACETS.theme, record.themes],
    [FACETS.geo, record.geos],
    [FACETS.rating, [evidence.rating]],
    [FACETS.approach, record.approaches],
    [FACETS.preventionLevel, record.preventionLevels],
    [FACETS.targetGroup, record.targetGroups],
    [FACETS.empact, record.empactTags],
    [FACETS.europeanEvidence, [evidence.europeanEvidence ? 'yes' : 'no']],
    [LINK_FACETS.indicator, linkedIndicators(record, vocabulary)],
    [LINK_FACETS.iccs, record.iccsCodes],
  ];
  return pairs.flatMap(([facet, values]) => values.map((value) => ({ facet, value })));
}

export interface ListingSource {
  practiceId: number;
  audience: ListingAudience;
  version: number;
  state: WorkflowState;
  record: PracticeRecord;
  recordedAt: string;
  updatedAt: string;
}

/** Replaces the practice's listing for one audience (the FTS index follows by trigger or generated column). */
export async function writeListing(
  db: DbOrTx,
  source: ListingSource,
  vocabulary: PracticeVocabulary,
  today: string,
): Promise<void> {
  await deleteListing(db, source.practiceId, source.audience);
  const { record } = source;
  const evidence = assessEvidence(record, {
    euMembers: vocabulary.euMembers,
    formerEuMembers: vocabulary.formerEuMembers,
    today,
    recordedAt: source.recordedAt,
  });
  const translations = (await latestTranslations(db, [source.practiceId])).get(source.practiceId)?.values() ?? [];
  const facets = facetValues(record, evidence, vocabulary);
  const texts = searchTexts(record, translations, codedValues(facets), await loadLabelBook(db));
  const row: NewPracticeListing = {
    practice_id: source.practiceId,
    audience: source.audience,
    version: source.version,
    state: source.state,
    slug: record.slug,
    title: record.title,
    summary: record.summary,
    language: record.language,
    search_title: texts.title,
    search_body: texts.body,
    rating: evidence.rating,
    rating_rank: RATING_RANK[evidence.rating],
    european_evidence: evidence.europeanEvidence ? 1 : 0,
    start_year: record.startYear,
    end_year: record.endYear,
    last_evaluation_year: evidence.lastEvaluationYear,
    review_date: evidence.reviewDate,
    updated_at: source.updatedAt,
  };
  const { id } = await db.insertInto('practice_listings').values(row).returning('id').executeTakeFirstOrThrow();
  if (facets.length)
    await db
      .insertInto('practice_listing_facets')
      .values(facets.map((f) => ({ listing_id: id, ...f })))
      .execute();
}

export async function deleteListing(db: DbOrTx, practiceId: number, audience: ListingAudience): Promise<void> {
  const existing = await db
    .selectFrom('practice_listings')
    .select('id')
    .where('practice_id', '=', practiceId)
    .where('audience', '=', audience)
    .executeTakeFirst();
  if (!existing) return;
  await db.deleteFrom('practice_listing_facets').where('listing_id', '=', existing.id).execute();
  await db.deleteFrom('practice_listings').where('id', '=', existing.id).execute();
}
