import type { Role } from '../api/session';
import { formatDate } from '../../server/shared/i18n';
import { currentLocale, t } from '../i18n/i18n';

/** Plain-language texts of the account views: pure functions, unit-tested. */

export interface Refusal {
  status: number;
  message: string;
  body?: unknown;
}

/** Minutes (or seconds) in words, rounded up: "3 minutes", "40 seconds". */
export function waitText(seconds: number): string {
  if (seconds < 60) return t('account.wait-seconds', { count: Math.max(1, Math.ceil(seconds)) });
  return t('account.wait-minutes', { count: Math.ceil(seconds / 60) });
}

/** A role's name in the active language. */
export function roleName(role: Role): string {
  return t(`account.role.${role}`);
}

function retryAfterOf(body: unknown): number | null {
  const seconds = (body as { error?: { details?: { retryAfterSeconds?: unknown } } } | null)?.error?.details
    ?.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? seconds : null;
}

/** What a refused sign-in means for the person at the form, and what to do next. */
export function signInProblem(refusal: Refusal): string {
  if (refusal.status === 401) {
    return t('account.sign-in-wrong');
  }
  if (refusal.status === 429) {
    const seconds = retryAfterOf(refusal.body);
    const wait = seconds === null ? '' : ` ${t('account.try-again-in', { wait: waitText(seconds) })}`;
    return `${refusal.message}${wait} ${t('account.ask-for-link')}`;
  }
  if (refusal.status === 400) return t('account.check-form', { message: refusal.message });
  return t('account.sign-in-failed', { message: refusal.message });
}

/** A refused request in an account view: a missing session, a missing right, or the server's own words. */
export function accessProblem(refusal: Refusal): string {
  if (refusal.status === 401) return t('account.not-signed-in');
  if (refusal.status === 403) return t('account.not-allowed', { message: refusal.message });
  return refusal.message;
}

const SUBMISSION_STATUSES = [
  'validated',
  'rejected',
  'committed',
  'withdrawn',
  'awaiting-approval',
  'approval-rejected',
] as const;

export function submissionStatusText(status: string): string {
  return (SUBMISSION_STATUSES as readonly string[]).includes(status)
    ? t(`account.submission-status.${status}`)
    : status;
}

const PRACTICE_STATES = ['draft', 'submitted', 'in_review', 'returned', 'published'] as const;

/** A practice's workflow state in words. */
export function practiceStateText(state: string): string {
  return (PRACTICE_STATES as readonly string[]).includes(state) ? t(`account.practice-state.${state}`) : state;
}

/** "nl, de  BE" → ["NL", "DE", "BE"], with the entries that are not geo codes listed as problems. */
export function parseGeoList(text: string): { geos: string[]; problems: string[] } {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.trim().toUpperCase())
    .filter(Boolean);
  const problems = parts.filter((p) => !/^[A-Z0-9_]{2,20}$/.test(p));
  return { geos: [...new Set(parts.filter((p) => !problems.includes(p)))], problems };
}

/** A date-time in the active language, e.g. "22 Nov 2026, 18:57 UTC" (the API's timestamps are ISO-8601 UTC). */
export function timeText(iso: string | null): string {
  if (!iso) return '—';
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return `${formatDate(time, currentLocale(), { dateStyle: 'medium', timeStyle: 'short' })} UTC`;
}
