/**
 * The observatory's languages. English is the reference: every message is written in English first,
 * and a language whose catalogue lacks a key falls back to English, visibly marked (docs/i18n.md).
 */
export const LOCALES = ['en', 'nl', 'fr', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

export const REFERENCE_LOCALE: Locale = 'en';

/** Each language named in itself, as a language switch shows it (never translated). */
export const LOCALE_ENDONYMS: Readonly<Record<Locale, string>> = {
  en: 'English',
  nl: 'Nederlands',
  fr: 'Français',
  de: 'Deutsch',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language of a tag such as "fr-BE" or "nl", if the observatory has it. */
export function localeOfTag(tag: string): Locale | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : null;
}

/**
 * The language to answer in: an explicit choice (`?lang=`, the URL) wins; then the best-weighted
 * language of an Accept-Language header that the observatory has; then English.
 */
export function negotiateLocale(choice: string | null | undefined, acceptLanguage?: string | null): Locale {
  const chosen = choice ? localeOfTag(choice) : null;
  if (chosen) return chosen;
  for (const tag of rankAcceptLanguage(acceptLanguage ?? '')) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return REFERENCE_LOCALE;
}

/** Language tags of an Accept-Language header, best first (RFC 9110 section 12.5.4); q=0 means "not this". */
export function rankAcceptLanguage(header: string): string[] {
  return header
    .split(',')
    .map((part, order) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .map((entry) => entry.tag);
}
