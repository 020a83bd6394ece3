import { translate } from '../i18n/translate';
import { isLocalisedText, type Locale, type LocalisedText, REFERENCE_LOCALE } from '../shared/i18n';

/**
 * The prose fields of an analytics answer and the message each is rendered from: a figure's
 * `reason` (rate.ts), a comparability warning's `reason` (comparability.ts) and an aggregate's
 * `note` (aggregate.ts). They are computed in English, the reference, with their message beside.
 */
const PROSE_FIELDS = [
  ['reason', 'reasonMessage'],
  ['note', 'noteMessage'],
] as const;

/**
 * The answer with every prose field that has a message rendered in the reader's language, at any
 * depth (rows, points, the aggregate, warnings). A field whose text is null (a value a source's
 * published rate replaced) stays null. English answers are returned as they are. The route then
 * caches the answer per language, so one reader's language never reaches another.
 */
export function inReaderLanguage<T>(answer: T, locale: Locale): T {
  return locale === REFERENCE_LOCALE ? answer : (rendered(answer, locale) as T);
}

function rendered(value: unknown, locale: Locale): unknown {
  if (Array.isArray(value)) return value.map((item) => rendered(item, locale));
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) copy[name] = rendered(field, locale);
  for (const [text, message] of PROSE_FIELDS) {
    const source = copy[message];
    if (typeof copy[text] === 'string' && isLocalisedText(source))
      copy[text] = translate(locale, source as LocalisedText);
  }
  return copy;
}
