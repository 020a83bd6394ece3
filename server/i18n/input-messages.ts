import { z } from 'zod';
import type { Locale, MessageParams } from '../shared/i18n';
import { serverCatalogue } from './catalogues';
import { translate } from './translate';

/**
 * The messages our request schemas write themselves (`.regex(…, 'a theme code such as violent_crime')`)
 * are English in the schema, which also feeds the OpenAPI document. Each has a key in the `input`
 * area whose English text is exactly the schema's; a message some values are put into
 * (`${what} is missing`) is matched with those values as parameters. A test holds every schema
 * message to the catalogue (test/i18n/input-messages.test.ts).
 */
interface InputMatcher {
  key: string;
  pattern: RegExp;
  names: string[];
}

let matchers: InputMatcher[] | null = null;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function buildMatchers(): InputMatcher[] {
  const english = serverCatalogue('en');
  const built: InputMatcher[] = [];
  for (const key of Object.keys(english)) {
    if (!key.startsWith('input.')) continue;
    const names = [...new Set([...english[key]!.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))];
    // Rendered with a marker per value, so the ICU quoting of the English text is undone first.
    const marked = translate('en', {
      key,
      params: Object.fromEntries(names.map((name, i) => [name, `\uE000${i}\uE000`])),
    });
    const source = escapeRegExp(marked).replace(/\uE000(\d+)\uE000/g, () => '(.+?)');
    built.push({ key, pattern: new RegExp(`^${source}$`), names });
  }
  // The most specific first: a fixed text is tried before a pattern that could also match it.
  return built.sort((a, b) => a.names.length - b.names.length);
}

/** A schema's own message in the reader's language; any other message (zod's, already translated) as it is. */
export function translateInputMessage(message: string, locale: Locale): string {
  if (locale === 'en') return message;
  matchers ??= buildMatchers();
  for (const matcher of matchers) {
    const found = matcher.pattern.exec(message);
    if (!found) continue;
    const params: MessageParams = Object.fromEntries(matcher.names.map((name, i) => [name, found[i + 1]]));
    return translate(locale, { key: matcher.key, params });
  }
  return message;
}

/** zod's own messages in the reader's language; English is zod's default. */
const ZOD_MESSAGES: Readonly<Record<Exclude<Locale, 'en'>, () => { localeError: z.core.$ZodErrorMap }>> = {
  nl: z.locales.nl,
  fr: z.locales.fr,
  de: z.locales.de,
};

const zodMaps = new Map<Locale, z.core.$ZodErrorMap>();

/** The options that make a schema's parse report zod's own problems in the reader's language. */
export function zodParseOptions(locale: Locale): { error: z.core.$ZodErrorMap } | undefined {
  if (locale === 'en') return undefined;
  let map = zodMaps.get(locale);
  if (!map) {
    map = ZOD_MESSAGES[locale]().localeError;
    zodMaps.set(locale, map);
  }
  return { error: map };
}
