import { ANONYMOUS } from './actor';
import { appendAudit } from '../audit/audit.repository';
import type { DbOrTx } from '../db/database';

/** One address may have this many sign-ins fail (or still under way) within the window before it must wait. */
export const ADDRESS_MAX_FAILURES = 20;
export const ADDRESS_WINDOW_MS = 15 * 60_000;

export const ATTEMPT_ACTION = 'session.login-attempt';
const SUCCESS_ACTION = 'session.login';

export interface LimiterRule {
  maxFailures: number;
  windowMs: number;
}

const RULE: LimiterRule = { maxFailures: ADDRESS_MAX_FAILURES, windowMs: ADDRESS_WINDOW_MS };

/**
 * Milliseconds until an address may try again, given the times (ms, newest first) of its latest
 * unsuccessful attempts: 0 while fewer than `maxFailures` fall within the window; otherwise until
 * the oldest of the latest `maxFailures` leaves it.
 */
export function retryAfterFailures(newestFirst: readonly number[], now: number, rule: LimiterRule = RULE): number {
  const recent = newestFirst.filter((t) => t > now - rule.windowMs);
  if (recent.length < rule.maxFailures) return 0;
  return recent[rule.maxFailures - 1]! + rule.windowMs - now;
}

/**
 * Slows down password guessing across many accounts from one address, in every server process
 * and instance alike. Each sign-in is first recorded in the audit log (`session.login-attempt`),
 * then the address's attempts within the window that did not succeed are counted, this one
 * included: recording before counting means that of many sign-ins sent at once, at most the
 * allowance gets through to the password check. Answers the wait in milliseconds, or 0 to go on.
 */
export async function admitSignIn(db: DbOrTx, address: string, email: string, now = new Date()): Promise<number> {
  await appendAudit(db, { actor: ANONYMOUS, ip: address, action: ATTEMPT_ACTION, detail: { email }, at: now });
  const since = new Date(now.getTime() - RULE.windowMs).toISOString();
  const recent = db
    .selectFrom('audit_log')
    .where('ip', '=', address)
    .where('at', '>', since);
  const { successes } = await recent
    .select((eb) => eb.fn.countAll<number | string>().as('successes'))
    .where('action', '=', SUCCESS_ACTION)
    .where('outcome', '=', 'ok') // a refused sign-in is audited under the route's action too, as denied
    .executeTakeFirstOrThrow();
  // This attempt is among them: the allowance is the failures permitted, plus this one, plus one per success.
  const allowance = RULE.maxFailures + 1 + Number(successes);
  const attempts = await recent
    .select('at')
    .where('action', '=', ATTEMPT_ACTION)
    .orderBy('at', 'desc')
    .limit(allowance)
    .execute();
  return retryAfterFailures(attempts.map((r) => Date.parse(r.at)), now.getTime(), { ...RULE, maxFailures: allowance });
}
