import { readAnswer, writeHeaders } from '../../api/client';
import type { PasswordSetAnswer } from '../../api/types';
import { t } from '../../i18n/i18n';

export const MIN_LENGTH = 12;

/** The one-time link's token travels in the URL fragment (never sent to the server in a request line). */
export function linkToken(hash: string): string | null {
  return new URLSearchParams(hash.slice(1)).get('token');
}

/** Why the two entries cannot be sent yet, or null (the server checks the length again). */
export function newPasswordProblem(password: string, repeat: string): string | null {
  if (password.length < MIN_LENGTH)
    return t('account.password-too-short', { length: password.length, min: MIN_LENGTH });
  if (password !== repeat) return t('account.passwords-differ');
  return null;
}

/** Sets the password through the one-time link; answers the account's email. */
export async function setPassword(token: string, password: string): Promise<PasswordSetAnswer> {
  const response = await fetch('/api/password-reset', {
    method: 'POST',
    headers: writeHeaders({ 'content-type': 'application/json' }),
    body: JSON.stringify({ token, password }),
  });
  return readAnswer<PasswordSetAnswer>(response);
}
