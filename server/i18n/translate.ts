import { createTranslator, type Locale, type LocalisedText, type Translator } from '../shared/i18n';
import { serverCatalogue } from './catalogues';

const translators = new Map<Locale, Translator>();

/** The translator for server messages in one language (English behind it). */
export function serverTranslator(locale: Locale): Translator {
  let translator = translators.get(locale);
  if (!translator) {
    translator = createTranslator(locale, serverCatalogue(locale), serverCatalogue('en'));
    translators.set(locale, translator);
  }
  return translator;
}

/** A server message in one language. */
export function translate(locale: Locale, message: LocalisedText): string {
  return serverTranslator(locale).text(message);
}
