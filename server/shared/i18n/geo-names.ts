import type { Locale } from './locales';

/**
 * Country names in the reader's language. Intl.DisplayNames knows ISO 3166 regions; Eurostat codes
 * differ for Greece (EL, ISO GR) and the United Kingdom (UK, ISO GB), and Kosovo is XK in both.
 */
const EUROSTAT_TO_ISO: Readonly<Record<string, string>> = { EL: 'GR', UK: 'GB' };

/**
 * The EU's own short names where CLDR's differ (Interinstitutional Style Guide, list of countries).
 * Add a language's entry only where the EU uses another name than Intl gives.
 */
const EU_SHORT_NAMES: Readonly<Partial<Record<Locale, Readonly<Record<string, string>>>>> = {
  en: { CZ: 'Czechia', MK: 'North Macedonia', TR: 'Türkiye' },
  nl: { MK: 'Noord-Macedonië', TR: 'Turkije' },
  fr: { MK: 'Macédoine du Nord', TR: 'Turquie' },
  de: { MK: 'Nordmazedonien', TR: 'Türkei' },
};

const displayNames = new Map<Locale, Intl.DisplayNames>();

/** A country's name by its Eurostat code, or null when the code is not a country (an aggregate, a region). */
export function countryName(code: string, locale: Locale): string | null {
  const override = EU_SHORT_NAMES[locale]?.[code];
  if (override) return override;
  if (!/^[A-Z]{2}$/.test(code)) return null;
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    displayNames.set(locale, names);
  }
  return names.of(EUROSTAT_TO_ISO[code] ?? code) ?? null;
}
