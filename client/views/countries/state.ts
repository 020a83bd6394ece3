import type { Geo } from '../../api/types';
import { countryName, type Locale } from '../../../server/shared/i18n';
import { REFERENCE_GROUP } from '../../../server/shared/reference-group';

export interface CountryEntry {
  code: string;
  /** The name in the reader's language (Intl, with the EU's short names), else the catalogue's. */
  name: string;
  /** The catalogue's (English) name, also searched. */
  catalogueName: string;
  member: boolean;
}

/** Folds case and accents, so "osterreich" finds Österreich and "cote" finds Côte. */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** Every country of the catalogue, named in the reader's language and sorted as that language sorts. */
export function countryEntries(
  geos: Geo[],
  locale: Locale,
  nameOf: (code: string, fallback: string) => string = (code, fallback) => countryName(code, locale) ?? fallback,
): CountryEntry[] {
  return geos
    .filter((g) => g.kind === 'country')
    .map((g) => ({
      code: g.code,
      name: nameOf(g.code, g.name),
      catalogueName: g.name,
      member: g.groups.includes(REFERENCE_GROUP),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** The countries whose name (in the reader's language or in English) or code contains the query. */
export function matchCountries(entries: CountryEntry[], query: string): CountryEntry[] {
  const key = searchKey(query);
  if (!key) return entries;
  return entries.filter(
    (e) => searchKey(e.name).includes(key) || searchKey(e.catalogueName).includes(key) || e.code.toLowerCase() === key,
  );
}
