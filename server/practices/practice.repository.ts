import type { DbOrTx } from '../db/database';
import type { PracticeTranslationRow } from '../db/tables/label.table';
import { PracticeRecord } from '../shared/api/practice-record';
import type { PracticeAction, PracticeRow, PracticeVersionRow } from '../db/tables/practice.table';
import type { WorkflowState } from '../shared/practice-vocabulary';

/** Queries only: the workflow and its rules live in practice.service.ts. */

export async function findPractice(db: DbOrTx, slug: string): Promise<PracticeRow | undefined> {
  return db.selectFrom('practices').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function countPractices(db: DbOrTx): Promise<number> {
  const row = await db
    .selectFrom('practices')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findVersion(
  db: DbOrTx,
  practiceId: number,
  version: number,
): Promise<PracticeVersionRow | undefined> {
  return db
    .selectFrom('practice_versions')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function listVersions(db: DbOrTx, practiceId: number): Promise<PracticeVersionRow[]> {
  return db
    .selectFrom('practice_versions')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .orderBy('version')
    .execute();
}

/** The record a version stores, re-validated so that a stored document always has today's shape. */
export function parseRecord(version: PracticeVersionRow): PracticeRecord {
  return PracticeRecord.parse(JSON.parse(version.document));
}

export async function insertPractice(
  db: DbOrTx,
  practice: { slug: string; state: WorkflowState; createdBy: string; at: string },
): Promise<number> {
  const row = await db
    .insertInto('practices')
    .values({
      slug: practice.slug,
      state: practice.state,
      current_version: 0,
      published_version: null,
      created_by: practice.createdBy,
      created_at: practice.at,
      updated_at: practice.at,
      review_comment: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface NewVersion {
  practiceId: number;
  version: number;
  state: WorkflowState;
  action: PracticeAction;
  comment: string | null;
  record: PracticeRecord;
  author: string;
  at: string;
}

/** Appends a version and points the practice at it; versions are never updated or deleted. */
export async function appendVersion(
  db: DbOrTx,
  v: NewVersion,
  published: boolean,
  reviewComment: string | null,
): Promise<void> {
  await db
    .insertInto('practice_versions')
    .values({
      practice_id: v.practiceId,
      version: v.version,
      state: v.state,
      action: v.action,
      comment: v.comment,
      document: JSON.stringify(v.record),
      author: v.author,
      recorded_at: v.at,
    })
    .execute();
  await db
    .updateTable('practices')
    .set({
      state: v.state,
      current_version: v.version,
      updated_at: v.at,
      review_comment: reviewComment,
      ...(published ? { published_version: v.version } : {}),
    })
    .where('id', '=', v.practiceId)
    .execute();
}

export async function slugsInUse(db: DbOrTx, prefix: string): Promise<Set<string>> {
  const rows = await db.selectFrom('practices').select('slug').where('slug', 'like', `${prefix}%`).execute();
  return new Set(rows.map((r) => r.slug));
}

/** Geo, theme and approach values of some listings, for the cards of a result page. */
export async function listingFacetValues(
  db: DbOrTx,
  listingIds: number[],
): Promise<Map<number, Map<string, string[]>>> {
  const byListing = new Map<number, Map<string, string[]>>();
  if (!listingIds.length) return byListing;
  const rows = await db
    .selectFrom('practice_listing_facets')
    .select(['listing_id', 'facet', 'value'])
    .where('listing_id', 'in', listingIds)
    .where('facet', 'in', ['geo', 'theme', 'approach', 'indicator'])
    .orderBy('value')
    .execute();
  for (const r of rows) {
    const facets = byListing.get(r.listing_id) ?? new Map<string, string[]>();
    facets.set(r.facet, [...(facets.get(r.facet) ?? []), r.value]);
    byListing.set(r.listing_id, facets);
  }
  return byListing;
}

/** The latest translation of each practice into each language; every earlier revision stays in the table. */
export async function latestTranslations(
  db: DbOrTx,
  practiceIds: number[],
  locale?: string,
): Promise<Map<number, Map<string, PracticeTranslationRow>>> {
  const byPractice = new Map<number, Map<string, PracticeTranslationRow>>();
  if (!practiceIds.length) return byPractice;
  let query = db.selectFrom('practice_translations').selectAll().where('practice_id', 'in', practiceIds);
  if (locale) query = query.where('locale', '=', locale);
  for (const row of await query.orderBy('revision').execute()) {
    const locales = byPractice.get(row.practice_id) ?? new Map<string, PracticeTranslationRow>();
    locales.set(row.locale, row);
    byPractice.set(row.practice_id, locales);
  }
  return byPractice;
}
