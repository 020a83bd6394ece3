import {
  type Catalogue,
  createTranslator,
  type Locale,
  type MessageParams,
  mergeCatalogues,
  negotiateLocale,
  type Translator,
} from '../../server/shared/i18n';

/**
 * The client's messages: `catalogues/<area>.<locale>.json`, loaded for the active language only
 * (each language's files are a separate chunk), with the English ones behind them (docs/i18n.md).
 */
type AreaLoaders = Record<string, () => Promise<Catalogue>>;

const LOADERS: Record<Locale, AreaLoaders> = {
  en: import.meta.glob<Catalogue>('./catalogues/*.en.json', { import: 'default' }),
  nl: import.meta.glob<Catalogue>('./catalogues/*.nl.json', { import: 'default' }),
  fr: import.meta.glob<Catalogue>('./catalogues/*.fr.json', { import: 'default' }),
  de: import.meta.glob<Catalogue>('./catalogues/*.de.json', { import: 'default' }),
};

let active: Translator = createTranslator('en', {});

async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  const entries = await Promise.all(
    Object.entries(LOADERS[locale]).map(async ([path, load]) => [path, await load()] as const),
  );
  return mergeCatalogues(Object.fromEntries(entries));
}

/** Loads a language's messages (and English, for any key it lacks) and makes it the active one. */
export async function useLocale(locale: Locale): Promise<Translator> {
  const [own, reference] = await Promise.all([
    loadCatalogue(locale),
    locale === 'en' ? Promise.resolve(null) : loadCatalogue('en'),
  ]);
  active = createTranslator(locale, own, reference ?? own);
  document.documentElement.lang = locale;
  return active;
}

/** The language a first visit opens in: the URL's `lang`, else the browser's languages. */
export function initialLocale(url: URL, browserLanguages: readonly string[]): Locale {
  return negotiateLocale(url.searchParams.get('lang'), browserLanguages.join(','));
}

/** A message in the active language. */
export function t(key: string, params?: MessageParams): string {
  return active.t(key, params);
}

export function currentLocale(): Locale {
  return active.locale;
}
