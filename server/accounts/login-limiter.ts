import { ANONYMOUS } from '../http/actor';
import { appendAudit } from '../audit/audit.repository';
import type { DbOrTx } from '../db/database';

/** One address may have this many sign-ins fail within the window before it must wait. */
export const ADDRESS_MAX_FAILURES = 20;
export const ADDRESS_WINDOW_MS = 15 * 60_000;

export const ATTEMPT_ACTION = 'session.login-attempt';
export const THROTTLED_ACTION = 'session.login-throttled';
const SUCCESS_ACTION = 'session.login';
const FAILURE_ACTION = 'session.login-failed';
/** The wait answered while the allowance is taken by sign-ins still under way. */
const IN_FLIGHT_WAIT_MS = 1000;

export interface LimiterRule {
  maxFailures: number;
  windowMs: number;
}

const RULE: LimiterRule = { maxFailures: ADDRESS_MAX_FAILURES, windowMs: ADDRESS_WINDOW_MS };

/**
 * Milliseconds until an address may try again, given the times (ms, newest first) of its failures:
 * 0 while fewer than `maxFailures` fall within the window; otherwise until the oldest of the
 * latest `maxFailures` leaves it.
 */
export function retryAfterFailures(newestFirst: readonly number[], now: number, rule: LimiterRule = RULE): number {
  const recent = newestFirst.filter((t) => t > now - rule.windowMs);
  if (recent.length < rule.maxFailures) return 0;
  return recent[rule.maxFailures - 1]! + rule.windowMs - now;
}

/**
 * The wait of an address whose failures within the window already reach the allowance, or 0. Read
 * only: a sign-in refused here writes no attempt to the audit log (it is counted with the other
 * refused anonymous requests, see refusal.repository.ts), so a throttled flood adds no rows per request.
 */
export async function throttledAddress(db: DbOrTx, address: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - RULE.windowMs).toISOString();
  const failures = await db
    .selectFrom('audit_log')
    .select('at')
    .where('ip', '=', address)
    .where('at', '>', since)
    .where('action', '=', FAILURE_ACTION)
    .orderBy('at', 'desc')
    .limit(RULE.maxFailures)
    .execute();
  return retryAfterFailures(
    failures.map((r) => Date.parse(r.at)),
    now.getTime(),
  );
}

/**
 * Slows down password guessing across many accounts from one address, in every server process
 * and instance alike. Each sign-in is first recorded in the audit log (`session.login-attempt`);
 * then the address's attempts within the window are counted, this one included, less those that
 * succeeded and those already refused here (`session.login-throttled`): what remains is failures
 * plus sign-ins still under way. Recording before counting means that of many sign-ins sent at
 * once, at most the allowance reaches the password check. Answers the wait in milliseconds (then
 * the caller records the refusal), or 0 to go on.
 */
export async function admitSignIn(db: DbOrTx, address: string, email: string, now = new Date()): Promise<number> {
  await appendAudit(db, { actor: ANONYMOUS, ip: address, action: ATTEMPT_ACTION, detail: { email }, at: now });
  const since = new Date(now.getTime() - RULE.windowMs).toISOString();
  const recent = db.selectFrom('audit_log').where('ip', '=', address).where('at', '>', since);
  const counts = await recent
    .select(['action', 'outcome', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('action', 'in', [ATTEMPT_ACTION, SUCCESS_ACTION, THROTTLED_ACTION])
    .groupBy(['action', 'outcome'])
    .execute();
  const count = (action: string, outcome?: string) =>
    counts
      .filter((c) => c.action === action && (outcome === undefined || c.outcome === outcome))
      .reduce((sum, c) => sum + Number(c.n), 0);
  // A refused sign-in is audited under the route's action too, as denied: only `ok` is a success.
  const unsettled = count(ATTEMPT_ACTION) - count(SUCCESS_ACTION, 'ok') - count(THROTTLED_ACTION);
  if (unsettled <= RULE.maxFailures) return 0;
  const failures = await recent
    .select('at')
    .where('action', '=', FAILURE_ACTION)
    .orderBy('at', 'desc')
    .limit(RULE.maxFailures)
    .execute();
  return (
    retryAfterFailures(
      failures.map((r) => Date.parse(r.at)),
      now.getTime(),
    ) || IN_FLIGHT_WAIT_MS
  );
}
