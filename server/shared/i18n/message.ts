import { IntlMessageFormat } from 'intl-messageformat';
import { type Locale, REFERENCE_LOCALE } from './locales';

/** One language's messages of one area: key → ICU MessageFormat text. */
export type Catalogue = Readonly<Record<string, string>>;

export type MessageValue = string | number | Date | null | undefined | LocalisedText | readonly LocalisedText[];
export type MessageParams = Readonly<Record<string, MessageValue>>;

/**
 * A message not yet rendered: its catalogue key and values. Server answers keep these wherever the
 * text is rendered later or in several languages (a stored validation report, a cached alert).
 */
export interface LocalisedText {
  key: string;
  params?: MessageParams;
}

export interface Translator {
  readonly locale: Locale;
  /** The message in this language, in English (marked) when this language lacks it, or the key in brackets. */
  t(key: string, params?: MessageParams): string;
  /** Renders a LocalisedText. */
  text(message: LocalisedText): string;
  has(key: string): boolean;
}

/** Marks a message shown in English because the reader's language lacks it (never blank, never silent). */
export const FALLBACK_MARK = '\u2060[en]\u2060 ';

/**
 * A translator over one language's catalogue, with the English catalogue behind it. Compiled
 * messages are kept, so a message is parsed once per translator.
 */
export function createTranslator(locale: Locale, catalogue: Catalogue, reference: Catalogue = catalogue): Translator {
  const compiled = new Map<string, IntlMessageFormat>();
  const compile = (key: string, source: string, sourceLocale: Locale) => {
    let format = compiled.get(key);
    if (!format) {
      format = new IntlMessageFormat(source, sourceLocale);
      compiled.set(key, format);
    }
    return format;
  };
  const t = (key: string, given?: MessageParams): string => {
    const params = given && renderNested(given, (m) => t(m.key, m.params));
    const own = catalogue[key];
    if (own !== undefined) return String(compile(key, own, locale).format(params));
    const english = reference[key];
    if (english === undefined) return `[${key}]`;
    const text = String(compile(key, english, REFERENCE_LOCALE).format(params));
    return locale === REFERENCE_LOCALE ? text : `${FALLBACK_MARK}${text}`;
  };
  return {
    locale,
    t,
    text: (message) => t(message.key, message.params),
    has: (key) => catalogue[key] !== undefined,
  };
}

/**
 * A message made of other messages (a lock reason inside a refusal, a list of problems) keeps each
 * part as a LocalisedText; the parts are rendered in the same language first, and a list of parts
 * is joined with "; ", so the whole reads in one language.
 */
function renderNested(
  params: MessageParams,
  render: (message: LocalisedText) => string,
): Record<string, string | number | Date | null | undefined> {
  const flat: Record<string, string | number | Date | null | undefined> = {};
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) flat[name] = value.map(render).join('; ');
    else if (isLocalisedText(value)) flat[name] = render(value);
    else flat[name] = value as string | number | Date | null | undefined;
  }
  return flat;
}

export function isLocalisedText(value: unknown): value is LocalisedText {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'key' in value;
}

/** Merges the area catalogues of one language into one, refusing a key defined by two areas. */
export function mergeCatalogues(areas: Readonly<Record<string, Catalogue>>): Catalogue {
  const merged: Record<string, string> = {};
  const owner = new Map<string, string>();
  for (const [area, catalogue] of Object.entries(areas)) {
    for (const [key, text] of Object.entries(catalogue)) {
      const earlier = owner.get(key);
      if (earlier !== undefined) throw new Error(`Message key "${key}" is defined in both ${earlier} and ${area}`);
      owner.set(key, area);
      merged[key] = text;
    }
  }
  return merged;
}
