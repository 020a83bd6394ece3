import { getFresh, sendJson } from '../../api/client';
import type { PasswordLinkAnswer, UsersAnswer, UserView } from '../../api/types';
import type { NationalRepresentatives } from '../../../server/shared/api/rounds';
import { timeText } from '../account-text';
import { t } from '../../i18n/i18n';

export function loadUsers(): Promise<UsersAnswer> {
  return getFresh<UsersAnswer>('/api/users');
}

/** Disabling ends the user's sessions and stops their tokens; the account and its history stay. */
export async function disableUser(id: number): Promise<void> {
  await sendJson('DELETE', `/api/users/${id}`);
}

export async function enableUser(id: number): Promise<void> {
  await sendJson('PATCH', `/api/users/${id}`, { active: true });
}

/** A one-time link that sets a new password (earlier links stop working). */
export function issuePasswordLink(id: number): Promise<PasswordLinkAnswer> {
  return sendJson<PasswordLinkAnswer>('POST', `/api/users/${id}/reset-link`);
}

export function stateText(user: UserView): string {
  if (!user.active) return t('users.state.disabled');
  if (user.lockedUntil) return t('users.state.locked', { until: timeText(user.lockedUntil) });
  return user.hasPassword ? t('users.state.active') : t('users.state.no-password');
}

export async function loadRepresentatives(): Promise<NationalRepresentatives> {
  return getFresh<NationalRepresentatives>('/api/national-representatives');
}

/** Names a contact point its country's national representative (the first level of a round's approval). */
export async function nameRepresentative(geo: string, email: string): Promise<void> {
  await sendJson('PUT', `/api/national-representatives/${encodeURIComponent(geo)}`, { email });
}

export async function removeRepresentative(geo: string, email: string): Promise<void> {
  await sendJson(
    'DELETE',
    `/api/national-representatives/${encodeURIComponent(geo)}?email=${encodeURIComponent(email)}`,
  );
}
