import type { DbOrTx } from '../db/database';
import { type Locale, REFERENCE_LOCALE } from '../shared/i18n';
import { INDICATOR_NAME, INDICATOR_SOURCE, loadLabelBook } from './label.book';

/**
 * An indicator's name and source as a reader of one language reads them: the label book's text
 * (data/labels/indicators.json, then each review), English marked as a fallback where a language has
 * none. For answers that name indicators or write them into sentences.
 */
export interface IndicatorWords {
  name(code: string, english: string): string;
  source(code: string, english: string | null): string | null;
}

const ENGLISH: IndicatorWords = { name: (_code, english) => english, source: (_code, english) => english };

/** The words for `locale`; English, the stored names, reads no label. */
export async function indicatorWords(db: DbOrTx, locale: Locale): Promise<IndicatorWords> {
  if (locale === REFERENCE_LOCALE) return ENGLISH;
  const book = await loadLabelBook(db);
  return {
    name: (code, english) => book.text(INDICATOR_NAME, code, locale) ?? english,
    source: (code, english) => (english === null ? null : (book.text(INDICATOR_SOURCE, code, locale) ?? english)),
  };
}
