import type { DbOrTx } from '../db/database';

/** One address may fail this many sign-ins within the window before it must wait. */
export const ADDRESS_MAX_FAILURES = 20;
export const ADDRESS_WINDOW_MS = 15 * 60_000;

export interface LimiterRule {
  maxFailures: number;
  windowMs: number;
}

const RULE: LimiterRule = { maxFailures: ADDRESS_MAX_FAILURES, windowMs: ADDRESS_WINDOW_MS };

/**
 * Milliseconds until an address may try again, given the times (ms, newest first) of its latest
 * failures: 0 while fewer than `maxFailures` fall within the window; otherwise until the oldest of
 * the latest `maxFailures` leaves it.
 */
export function retryAfterFailures(newestFirst: readonly number[], now: number, rule: LimiterRule = RULE): number {
  const recent = newestFirst.filter((t) => t > now - rule.windowMs);
  if (recent.length < rule.maxFailures) return 0;
  return recent[rule.maxFailures - 1]! + rule.windowMs - now;
}

/**
 * Slows down password guessing across many accounts from one address. The failures are the
 * audit log's `session.login-failed` events (every failed sign-in is audited, whatever the reason),
 * so the count is the same in every server process and instance and survives a restart.
 */
export async function addressRetryAfter(db: DbOrTx, address: string, now = new Date()): Promise<number> {
  const rows = await db
    .selectFrom('audit_log')
    .select('at')
    .where('ip', '=', address)
    .where('action', '=', 'session.login-failed')
    .where('at', '>', new Date(now.getTime() - RULE.windowMs).toISOString())
    .orderBy('at', 'desc')
    .limit(RULE.maxFailures)
    .execute();
  return retryAfterFailures(rows.map((r) => Date.parse(r.at)), now.getTime());
}
