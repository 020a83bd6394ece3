import { translate } from '../../i18n/translate';
import type { LocalisedText } from '../../shared/i18n';

/**
 * A message of the readers' catalogue (server/i18n/catalogues/readers.*.json), rendered in English: report
 * entries still store their text, so the key is rendered here until entries carry keys to render per reader.
 */
export function readerText(message: LocalisedText): string {
  return translate('en', message);
}
