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

/**
 * The United Kingdom's three criminal-justice jurisdictions, which Eurostat reports under codes of
 * its own (UKC-L, UKM, UKN): Intl knows no names for them.
 */
const UK_JURISDICTIONS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: { 'UKC-L': 'England and Wales', UKM: 'Scotland', UKN: 'Northern Ireland' },
  nl: { 'UKC-L': 'Engeland en Wales', UKM: 'Schotland', UKN: 'Noord-Ierland' },
  fr: { 'UKC-L': 'Angleterre et pays de Galles', UKM: 'Écosse', UKN: 'Irlande du Nord' },
  de: { 'UKC-L': 'England und Wales', UKM: 'Schottland', UKN: 'Nordirland' },
};

const displayNames = new Map<Locale, Intl.DisplayNames>();

/** A country's name by its Eurostat code, or null when the code is not a country (an aggregate, a region). */
export function countryName(code: string, locale: Locale): string | null {
  const override = EU_SHORT_NAMES[locale]?.[code] ?? UK_JURISDICTIONS[locale]?.[code];
  if (override) return override;
  if (!/^[A-Z]{2}$/.test(code)) return null;
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    displayNames.set(locale, names);
  }
  return names.of(EUROSTAT_TO_ISO[code] ?? code) ?? null;
}
