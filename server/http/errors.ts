import type { LocalisedText } from '../shared/i18n';
import { translate } from '../i18n/translate';

/**
 * An error that becomes an HTTP answer; anything else becomes a 500 without details. Its message is
 * English text, or a catalogue message that the answer renders in the reader's language.
 */
export class HttpError extends Error {
  readonly localised: LocalisedText | null;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string | LocalisedText,
    readonly details?: unknown,
  ) {
    super(typeof message === 'string' ? message : translate('en', message));
    this.localised = typeof message === 'string' ? null : message;
  }
}

type Message = string | LocalisedText;
export const badRequest = (message: Message, details?: unknown) => new HttpError(400, 'bad-request', message, details);
export const notFound = (message: Message) => new HttpError(404, 'not-found', message);
export const conflict = (message: Message, details?: unknown) => new HttpError(409, 'conflict', message, details);

export interface ErrorBody {
  error: { status: number; code: string; message: string; details?: unknown };
}
