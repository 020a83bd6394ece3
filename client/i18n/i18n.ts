import {
  type Catalogue,
  countryName,
  createTranslator,
  type Locale,
  type MessageParams,
  mergeCatalogues,
  negotiateLocale,
  type Translator,
} from '../../server/shared/i18n';
import { pseudoLocalise } from './pseudo';

/**
 * The client's messages: `catalogues/<area>.<locale>.json`, loaded for the active language only
 * (each language's files are a separate chunk), with the English ones behind them (docs/i18n.md).
 * English is part of the entry: it is the fallback of every language, and it lets the pure chart
 * modules render (and their snapshot tests run) without loading anything.
 */
type AreaLoaders = Record<string, () => Promise<Catalogue>>;

const ENGLISH: Catalogue = mergeCatalogues(
  import.meta.glob<Catalogue>('./catalogues/*.en.json', { import: 'default', eager: true }),
);

const LOADERS: Record<Exclude<Locale, 'en'>, AreaLoaders> = {
  nl: import.meta.glob<Catalogue>('./catalogues/*.nl.json', { import: 'default' }),
  fr: import.meta.glob<Catalogue>('./catalogues/*.fr.json', { import: 'default' }),
  de: import.meta.glob<Catalogue>('./catalogues/*.de.json', { import: 'default' }),
};

let active: Translator = createTranslator('en', ENGLISH);
let pseudo = false;
const loaded = new Map<Locale, Promise<Catalogue>>();

function loadCatalogue(locale: Locale): Promise<Catalogue> {
  if (locale === 'en') return Promise.resolve(ENGLISH);
  let catalogue = loaded.get(locale);
  if (!catalogue) {
    catalogue = Promise.all(
      Object.entries(LOADERS[locale]).map(async ([path, load]) => [path, await load()] as const),
    ).then((entries) => mergeCatalogues(Object.fromEntries(entries)));
    catalogue.catch(() => loaded.delete(locale));
    loaded.set(locale, catalogue);
  }
  return catalogue;
}

/** Loads a language's messages (and English, for any key it lacks) and makes it the active one. */
export async function useLocale(locale: Locale): Promise<Translator> {
  active = createTranslator(locale, await loadCatalogue(locale), ENGLISH);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  return active;
}

/** Test-only pseudo-localisation (client/i18n/pseudo.ts): every message wrapped and lengthened. */
export function usePseudoLocalisation(on: boolean): void {
  pseudo = on;
}

/** The language a first visit opens in: the URL's `lang`, else the browser's languages. */
export function initialLocale(url: URL, browserLanguages: readonly string[]): Locale {
  return negotiateLocale(url.searchParams.get('lang'), browserLanguages.join(','));
}

/** A message in the active language. */
export function t(key: string, params?: MessageParams): string {
  const text = active.t(key, params);
  return pseudo ? pseudoLocalise(text) : text;
}

export function currentLocale(): Locale {
  return active.locale;
}

/** A name the client holds in every language itself (a vocabulary value's), shown as a message is. */
export function shownName(name: string): string {
  return pseudo ? pseudoLocalise(name) : name;
}

/** A country's name in the active language (Intl, with the EU's short names), else the name the API gave. */
export function geoName(code: string, fallback?: string | null): string {
  const name = countryName(code, active.locale);
  if (name === null) return fallback ?? code;
  return pseudo ? pseudoLocalise(name) : name;
}
