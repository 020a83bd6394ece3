import type { DbOrTx } from '../db/database';
import { translate } from '../i18n/translate';
import { indicatorWords, type IndicatorWords } from '../labels/indicator-words';
import { isLocalisedText, type Locale, type LocalisedText, REFERENCE_LOCALE } from '../shared/i18n';

/**
 * The prose fields of an analytics answer and the message each is rendered from: a figure's
 * `reason` (rate.ts), a comparability warning's `reason` (comparability.ts), an aggregate's
 * `note` (aggregate.ts), and an EMPACT KPI's status `reason` (server/empact/kpi.progress.ts). They
 * are computed in English, the reference, with their message beside.
 */
const PROSE_FIELDS = [
  ['reason', 'reasonMessage'],
  ['note', 'noteMessage'],
] as const;

/**
 * The answer with every prose field that has a message rendered in the reader's language, at any
 * depth (rows, points, the aggregate, warnings), and each indicator summary's name and source in it
 * (`words`, from the label book). A field whose text is null (a value a source's published rate
 * replaced) stays null. English answers are returned as they are. The route then caches the answer
 * per language, so one reader's language never reaches another.
 */
export function inReaderLanguage<T>(answer: T, locale: Locale, words?: IndicatorWords): T {
  return locale === REFERENCE_LOCALE ? answer : (rendered(answer, locale, words) as T);
}

/** inReaderLanguage with the indicators named from the label book (read only for other languages). */
export async function answerInReaderLanguage<T>(db: DbOrTx, answer: T, locale: Locale): Promise<T> {
  return locale === REFERENCE_LOCALE ? answer : inReaderLanguage(answer, locale, await indicatorWords(db, locale));
}

/** An IndicatorSummary (server/shared/api/analytics.ts): the object that names an indicator in an answer. */
function isIndicatorSummary(value: Record<string, unknown>): boolean {
  return (
    typeof value.code === 'string' && typeof value.name === 'string' && 'measureUnit' in value && 'polarity' in value
  );
}

function rendered(value: unknown, locale: Locale, words: IndicatorWords | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => rendered(item, locale, words));
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) copy[name] = rendered(field, locale, words);
  for (const [text, message] of PROSE_FIELDS) {
    const source = copy[message];
    if (typeof copy[text] === 'string' && isLocalisedText(source))
      copy[text] = translate(locale, source as LocalisedText);
  }
  if (words && isIndicatorSummary(copy)) {
    const code = copy.code as string;
    copy.name = words.name(code, copy.name as string);
    copy.source = words.source(code, copy.source as string | null);
  }
  return copy;
}
