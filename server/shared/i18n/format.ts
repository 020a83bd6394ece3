import type { Locale } from './locales';

/**
 * Numbers, percentages, dates and lists in a reader's language, through Intl: "1 234,5" in French,
 * "1.234,5" in Dutch and German, "1,234.5" in English. Formatters are kept per locale and options.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

/** The BCP 47 tag used for formatting: British English, so dates read day-month-year as Europeans expect. */
export function formattingTag(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : locale;
}

export function numberFormat(locale: Locale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(formattingTag(locale), options);
    numberFormats.set(key, format);
  }
  return format;
}

export function formatNumber(value: number, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, options).format(value);
}

/** A share (0.741 → "74.1 %" in French, "74.1%" in English). */
export function formatShare(share: number, locale: Locale, fractionDigits = 1): string {
  return numberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(share);
}

export function formatDate(date: Date | string, locale: Locale, options: Intl.DateTimeFormatOptions = {}): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(formattingTag(locale), { dateStyle: 'medium', timeZone: 'UTC', ...options });
    dateFormats.set(key, format);
  }
  return format.format(typeof date === 'string' ? new Date(date) : date);
}

/** "DE, FR and NL" / "DE, FR et NL" / "DE, FR und NL" / "DE, FR en NL". */
export function formatList(
  items: readonly string[],
  locale: Locale,
  type: Intl.ListFormatType = 'conjunction',
): string {
  const key = `${locale}|${type}`;
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(formattingTag(locale), { style: 'long', type });
    listFormats.set(key, format);
  }
  return format.format(items);
}
