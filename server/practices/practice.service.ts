import { type Actor, actorName } from '../http/actor';
import type { Db, DbOrTx } from '../db/database';
import { conflict, notFound } from '../http/errors';
import { assertKnownPracticeCodes, loadPracticeVocabulary, type PracticeVocabulary } from './practice.catalogue-check';
import { writeListing } from './practice.listing';
import {
  appendVersion,
  findPractice,
  findVersion,
  insertPractice,
  parseRecord,
  slugsInUse,
} from './practice.repository';
import type { PracticeInput, PracticeRecord, RatingOverride } from '../shared/api/practice-record';
import type { PracticeAction, PracticeRow } from '../db/tables/practice.table';
import type { WorkflowState } from '../shared/practice-vocabulary';
import { assertEditable, nextState, type Transition } from './practice.workflow';

export const today = () => new Date().toISOString().slice(0, 10);

export function slugify(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 70)
    .replace(/-+$/g, '');
  return slug.length >= 3 ? slug : `practice-${slug}`.replace(/-$/, '');
}

async function freeSlug(db: DbOrTx, input: PracticeInput): Promise<string> {
  if (input.slug) {
    if (await findPractice(db, input.slug)) throw conflict({ key: 'ratings.slug-taken', params: { slug: input.slug } });
    return input.slug;
  }
  const base = slugify(input.title);
  const taken = await slugsInUse(db, base);
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

export async function requirePractice(db: DbOrTx, slug: string): Promise<PracticeRow> {
  const practice = await findPractice(db, slug);
  if (!practice) throw notFound({ key: 'ratings.no-practice', params: { slug } });
  return practice;
}

export async function currentRecord(db: DbOrTx, practice: PracticeRow): Promise<PracticeRecord> {
  const version = await findVersion(db, practice.id, practice.current_version);
  if (!version) throw new Error(`practice ${practice.slug} has no version ${practice.current_version}`);
  return parseRecord(version);
}

interface Change {
  practice: PracticeRow;
  record: PracticeRecord;
  state: WorkflowState;
  action: PracticeAction;
  comment?: string | null;
  author: string;
  at: string;
  /** True when this version becomes the published one. */
  publish: boolean;
}

/** Appends the version and refreshes the listings it affects: staff always, public when published. */
async function recordChange(db: DbOrTx, change: Change, vocabulary: PracticeVocabulary): Promise<void> {
  const { practice, record, state } = change;
  const version = practice.current_version + 1;
  const reviewComment =
    change.action === 'return' ? (change.comment ?? null) : state === 'returned' ? practice.review_comment : null;
  await appendVersion(
    db,
    {
      practiceId: practice.id,
      version,
      state,
      action: change.action,
      comment: change.comment ?? null,
      record,
      author: change.author,
      at: change.at,
    },
    change.publish,
    reviewComment,
  );
  const listing = {
    practiceId: practice.id,
    version,
    state,
    record,
    recordedAt: practice.created_at,
    updatedAt: change.at,
  };
  await writeListing(db, { ...listing, audience: 'staff' }, vocabulary, today());
  if (change.publish) await writeListing(db, { ...listing, audience: 'public' }, vocabulary, today());
}

export interface CreateOptions {
  state?: WorkflowState;
  action?: PracticeAction;
  author?: string;
}

/** Creates a practice from a validated input: a draft by default (the seed creates published ones). */
export async function createPractice(
  db: DbOrTx,
  actor: Actor,
  input: PracticeInput,
  options: CreateOptions = {},
  vocabulary?: PracticeVocabulary,
): Promise<string> {
  const vocab = vocabulary ?? (await loadPracticeVocabulary(db));
  assertKnownPracticeCodes(input, vocab);
  const slug = await freeSlug(db, input);
  const at = new Date().toISOString();
  const author = options.author ?? actorName(actor);
  const state = options.state ?? 'draft';
  await insertPractice(db, { slug, state, createdBy: author, at });
  const practice = await requirePractice(db, slug);
  const record: PracticeRecord = { ...input, slug, ratingOverride: null };
  await recordChange(
    db,
    { practice, record, state, action: options.action ?? 'create', author, at, publish: state === 'published' },
    vocab,
  );
  return slug;
}

/** A new version with the edited record; a published practice gets a draft, the public keeps the published one. */
export async function editPractice(
  db: DbOrTx,
  actor: Actor,
  slug: string,
  input: PracticeInput,
  action: PracticeAction = 'edit',
): Promise<void> {
  const practice = await requirePractice(db, slug);
  assertEditable(practice.state, actor);
  if (input.slug && input.slug !== slug) throw conflict({ key: 'ratings.slug-fixed', params: { slug } });
  const vocabulary = await loadPracticeVocabulary(db);
  assertKnownPracticeCodes(input, vocabulary);
  const previous = await currentRecord(db, practice);
  const record: PracticeRecord = { ...input, slug, ratingOverride: previous.ratingOverride };
  // A returned practice stays returned (with the curators' comments) until it is submitted again.
  const state = practice.state === 'published' ? 'draft' : practice.state;
  await recordChange(
    db,
    { practice, record, state, action, author: actorName(actor), at: new Date().toISOString(), publish: false },
    vocabulary,
  );
}

export async function transitionPractice(
  db: DbOrTx,
  actor: Actor,
  slug: string,
  transition: Transition,
  comment: string | null = null,
): Promise<WorkflowState> {
  const practice = await requirePractice(db, slug);
  const state = nextState(practice.state, transition);
  const record = await currentRecord(db, practice);
  const vocabulary = await loadPracticeVocabulary(db);
  const change = {
    practice,
    record,
    state,
    action: transition,
    comment,
    author: actorName(actor),
    at: new Date().toISOString(),
  };
  await recordChange(db, { ...change, publish: state === 'published' }, vocabulary);
  return state;
}

/** Sets (or clears, with null) the curator's rating override; a published practice shows it at once. */
export async function overrideRating(
  db: DbOrTx,
  actor: Actor,
  slug: string,
  override: Omit<RatingOverride, 'by' | 'at'> | null,
): Promise<void> {
  const practice = await requirePractice(db, slug);
  const at = new Date().toISOString();
  const record = {
    ...(await currentRecord(db, practice)),
    ratingOverride: override && { ...override, by: actorName(actor), at },
  };
  const vocabulary = await loadPracticeVocabulary(db);
  const publish = practice.state === 'published';
  await recordChange(
    db,
    {
      practice,
      record,
      state: practice.state,
      action: 'override',
      comment: override?.justification ?? 'override removed',
      author: actorName(actor),
      at,
      publish,
    },
    vocabulary,
  );
}

/** Runs a change in one transaction, so that a failure leaves nothing half-written. */
export function inTransaction<T>(db: Db, work: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
