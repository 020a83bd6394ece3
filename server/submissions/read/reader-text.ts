import type { LocalisedText } from '../../shared/i18n';

/**
 * A message of the readers' catalogue (server/i18n/catalogues/readers.*.json): report entries keep the
 * key and values, and are rendered in the reader's language when answered.
 */
export function readerText(message: LocalisedText): LocalisedText {
  return message;
}

/**
 * Text that exists only in English so far (the JSON-stat decoder's problems, built from its JSON
 * paths): carried as one value of a message, so the entry still renders, in English, for every reader.
 */
export function untranslated(text: string): LocalisedText {
  return { key: 'validation.untranslated', params: { text } };
}
