import type { DbOrTx } from '../db/database';
import { type Actor, actorName } from '../http/actor';
import { badRequest, HttpError, notFound } from '../http/errors';
import type { Locale } from '../shared/i18n';
import type { LabelReviewInput, LabelRevision } from '../shared/api/labels';
import { type LabelledThing, loadLabelBook } from './label.book';
import { refreshLabelSearch } from './label.search';
import { reviewableLocales } from './review-scope';

async function requireThing(db: DbOrTx, subject: string, code: string): Promise<LabelledThing> {
  const thing = (await loadLabelBook(db)).get(subject, code);
  if (!thing) throw notFound({ key: 'labels.unknown-label', params: { subject, code } });
  return thing;
}

/**
 * A reviewer marks one label reviewed, as it is or corrected: a new revision, never an edit. The
 * catalogue text stays revision 0, so every earlier reading remains in the history.
 */
export async function reviewLabel(
  db: DbOrTx,
  actor: Actor,
  target: { subject: string; code: string; locale: Locale },
  input: LabelReviewInput,
): Promise<{ subject: string; code: string; locale: Locale; revision: number }> {
  const { subject, code, locale } = target;
  if (locale === 'en') throw badRequest({ key: 'labels.not-reviewable-locale' });
  const allowed = reviewableLocales(actor);
  if (!allowed.includes(locale)) {
    throw new HttpError(403, 'forbidden', {
      key: 'labels.outside-languages',
      params: { languages: allowed.join(', ') || '-', locale },
    });
  }
  const thing = await requireThing(db, subject, code);
  const text = input.text ?? thing.labels[locale]?.text ?? thing.labels.en.text;
  const last = await db
    .selectFrom('label_revisions')
    .select((eb) => eb.fn.max('revision').as('revision'))
    .where('subject', '=', subject)
    .where('code', '=', code)
    .where('locale', '=', locale)
    .executeTakeFirst();
  const revision = Number(last?.revision ?? 0) + 1;
  await db
    .insertInto('label_revisions')
    .values({
      subject,
      code,
      locale,
      revision,
      text,
      reviewer: actorName(actor),
      comment: input.comment ?? null,
      recorded_at: new Date().toISOString(),
    })
    .execute();
  await refreshLabelSearch(db, await loadLabelBook(db), subject, code);
  return { subject, code, locale, revision };
}

/** Revision 0 (the catalogue's text, or none) and every review after it, oldest first. */
export async function labelHistory(
  db: DbOrTx,
  target: { subject: string; code: string; locale: Locale },
): Promise<LabelRevision[]> {
  const { subject, code, locale } = target;
  const thing = (await loadLabelBook(db, { withReviews: false })).get(subject, code);
  if (!thing) throw notFound({ key: 'labels.unknown-label', params: { subject, code } });
  const reviews = await db
    .selectFrom('label_revisions')
    .selectAll()
    .where('subject', '=', subject)
    .where('code', '=', code)
    .where('locale', '=', locale)
    .orderBy('revision')
    .execute();
  const original = thing.labels[locale];
  return [
    ...(original
      ? [{ revision: 0, text: original.text, status: original.status, reviewer: null, comment: null, recordedAt: null }]
      : []),
    ...reviews.map((r) => ({
      revision: r.revision,
      text: r.text,
      status: 'reviewed' as const,
      reviewer: r.reviewer,
      comment: r.comment,
      recordedAt: r.recorded_at,
    })),
  ];
}
