import type { DbOrTx } from '../db/database';
import { labelTextMatches } from '../db/text-search';
import { LOCALES } from '../shared/i18n';
import { normaliseSearchText, searchTokens } from '../shared/search-text';
import {
  INDICATOR_DEFINITION,
  INDICATOR_NAME,
  INDICATOR_TEXTS,
  type LabelBook,
  type LabelledThing,
} from './label.book';

/** Every language's text of a thing's labels, normalised, one per line. */
function allLanguages(thing: LabelledThing | undefined): string {
  if (!thing) return '';
  const texts = LOCALES.map((l) => thing.labels[l]?.text).filter((t): t is string => Boolean(t));
  return normaliseSearchText([...new Set(texts)].join('\n'));
}

/** One search row per indicator (names; definitions as the body), theme and vocabulary value. */
function searchRows(book: LabelBook) {
  return book
    .all()
    .filter((thing) => !INDICATOR_TEXTS.includes(thing.subject))
    .map((thing) => ({
      subject: thing.subject,
      code: thing.code,
      search_names: allLanguages(thing),
      search_body: thing.subject === INDICATOR_NAME ? allLanguages(book.get(INDICATOR_DEFINITION, thing.code)) : '',
    }));
}

/** Rebuilds the label search index from the labels (it is derived: nothing in it is history). */
export async function syncLabelSearch(db: DbOrTx, book: LabelBook): Promise<number> {
  await db.deleteFrom('label_search').execute();
  const rows = searchRows(book);
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('label_search')
      .values(rows.slice(i, i + 200))
      .execute();
  return rows.length;
}

/** Rebuilds one thing's search row after a review changed one of its labels. */
export async function refreshLabelSearch(db: DbOrTx, book: LabelBook, subject: string, code: string): Promise<void> {
  const searched = subject === INDICATOR_DEFINITION ? INDICATOR_NAME : subject;
  const row = searchRows(book).find((r) => r.subject === searched && r.code === code);
  await db.deleteFrom('label_search').where('subject', '=', searched).where('code', '=', code).execute();
  if (row) await db.insertInto('label_search').values(row).execute();
}

/** The codes of one subject whose labels match the words in any language, best first. */
export async function searchLabelCodes(db: DbOrTx, subject: string, q: string): Promise<string[]> {
  const tokens = searchTokens(q);
  if (!tokens.length) return [];
  const rows = await db
    .selectFrom(labelTextMatches(db, tokens).as('m'))
    .select(['m.code', 'm.score'])
    .where('m.subject', '=', subject)
    .orderBy('m.score', 'desc')
    .orderBy('m.code')
    .execute();
  return rows.map((r) => r.code);
}
