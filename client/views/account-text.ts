/** Plain-language texts of the account views: pure functions, unit-tested. */

export interface Refusal {
  status: number;
  message: string;
  body?: unknown;
}

/** Minutes (or seconds) in words, rounded up: "3 minutes", "40 seconds". */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} second${Math.ceil(seconds) === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

function retryAfterOf(body: unknown): number | null {
  const seconds = (body as { error?: { details?: { retryAfterSeconds?: unknown } } } | null)?.error?.details
    ?.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? seconds : null;
}

/** What a refused sign-in means for the person at the form, and what to do next. */
export function signInProblem(refusal: Refusal): string {
  if (refusal.status === 401) {
    return 'The email address or password is wrong. Check both and try again. A disabled account is refused the same way: if yours may have been disabled, ask the secretariat.';
  }
  if (refusal.status === 429) {
    const seconds = retryAfterOf(refusal.body);
    return `${refusal.message}${seconds === null ? '' : ` Try again in ${waitText(seconds)}.`} To regain access sooner, ask the secretariat for a password link.`;
  }
  if (refusal.status === 400) return `Please check the form: ${refusal.message}`;
  return `Signing in failed: ${refusal.message}`;
}

/** A refused request in an account view: a missing session, a missing right, or the server's own words. */
export function accessProblem(refusal: Refusal): string {
  if (refusal.status === 401) return 'You are not signed in, or your session has ended. Sign in again to continue.';
  if (refusal.status === 403) return `Your account may not do this: ${refusal.message}`;
  return refusal.message;
}

export const SUBMISSION_STATUS_TEXT: Record<string, string> = {
  validated: 'Validated: ready to commit or withdraw',
  rejected: 'Rejected by validation: fix the errors and upload again',
  committed: 'Committed: published',
  withdrawn: 'Withdrawn',
  'awaiting-approval': "Awaiting the secretariat's approval",
  'approval-rejected': 'Rejected by the secretariat',
};

export function submissionStatusText(status: string): string {
  return SUBMISSION_STATUS_TEXT[status] ?? status;
}

export const PRACTICE_STATE_TEXT: Record<string, string> = {
  draft: 'Draft',
  submitted: 'Submitted for review',
  in_review: 'In review',
  returned: 'Returned with comments',
  published: 'Published',
};

/** "nl, de  BE" → ["NL", "DE", "BE"], with the entries that are not geo codes listed as problems. */
export function parseGeoList(text: string): { geos: string[]; problems: string[] } {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.trim().toUpperCase())
    .filter(Boolean);
  const problems = parts.filter((p) => !/^[A-Z0-9_]{2,20}$/.test(p));
  return { geos: [...new Set(parts.filter((p) => !problems.includes(p)))], problems };
}

/** A date-time as "2026-11-22 18:57 UTC" (the API's timestamps are ISO-8601 UTC). */
export function timeText(iso: string | null): string {
  if (!iso) return '—';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}
