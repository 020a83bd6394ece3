import { readdirSync, readFileSync } from 'node:fs';
import { type Catalogue, LOCALES, type Locale, mergeCatalogues } from '../shared/i18n';

/**
 * The server's message catalogues: `catalogues/<area>.<locale>.json`, one file per area and
 * language (docs/i18n.md). Read once, at first use; an area is simply a file name, so a feature
 * adds its messages by adding its four files.
 */
export const CATALOGUE_FOLDER = new URL('./catalogues/', import.meta.url);

export function readAreaCatalogues(folder: URL = CATALOGUE_FOLDER): Map<Locale, Record<string, Catalogue>> {
  const byLocale = new Map<Locale, Record<string, Catalogue>>(LOCALES.map((locale) => [locale, {}]));
  for (const file of readdirSync(folder)) {
    const match = /^([a-z0-9-]+)\.([a-z]{2})\.json$/.exec(file);
    const areas = match ? byLocale.get(match[2] as Locale) : undefined;
    if (!match || !areas) continue;
    areas[match[1]!] = JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as Catalogue;
  }
  return byLocale;
}

let merged: Map<Locale, Catalogue> | null = null;

/** Every server message of one language, all areas merged. */
export function serverCatalogue(locale: Locale): Catalogue {
  merged ??= new Map([...readAreaCatalogues()].map(([l, areas]) => [l, mergeCatalogues(areas)]));
  return merged.get(locale) ?? {};
}
