import type { Role } from '../../api/session';
import type { ViewName } from '../../state/url-state';
import { t } from '../../i18n/i18n';

/** Where each role starts after signing in. */
export const HOME: Record<Role, ViewName> = { contact_point: 'my-country', curator: 'review', secretariat: 'users' };

/** What is missing before the form can be sent (the server checks the credentials themselves). */
export function missingCredentials(
  email: string,
  password: string,
): { message: string; field: 'email' | 'password' } | null {
  if (email.trim() && password) return null;
  return { message: t('account.enter-both'), field: email.trim() ? 'password' : 'email' };
}
