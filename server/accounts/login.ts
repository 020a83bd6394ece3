import type { LocalisedText } from '../shared/i18n';
import { ANONYMOUS } from '../http/actor';
import { appendAudit } from '../audit/audit.repository';
import type { Db } from '../db/database';
import { HttpError } from '../http/errors';
import type { UserRow } from '../db/tables/account.table';
import { countRefusal } from '../audit/refusal.repository';
import { admitSignIn, THROTTLED_ACTION, throttledAddress } from './login-limiter';
import { verifyPassword } from './password';
import { findUserByEmail, normaliseEmail, userActor } from './user.repository';

/** After this many wrong passwords in a row an account is locked for LOCKOUT_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

/** The route family under which throttled sign-ins are counted in audit_refusals. */
export const THROTTLED_FAMILY = 'POST /api/session (throttled)';

const WRONG = { key: 'accounts.wrong-credentials' };

function tooMany(message: LocalisedText, retryAfterMs: number): HttpError {
  return new HttpError(429, 'too-many-attempts', message, { retryAfterSeconds: Math.ceil(retryAfterMs / 1000) });
}

/**
 * Checks a sign-in. Every outcome is audited. A wrong password for a known account counts towards
 * its lockout; unknown accounts take the same time to refuse, so timing does not reveal them.
 */
export async function checkLogin(db: Db, email: string, password: string, ip: string): Promise<UserRow> {
  const address = normaliseEmail(email);
  const throttled = await throttledAddress(db, ip);
  if (throttled > 0) {
    await countRefusal(db, ip, THROTTLED_FAMILY);
    throw tooMany({ key: 'accounts.too-many-sign-ins' }, throttled);
  }
  const wait = await admitSignIn(db, ip, address);
  if (wait > 0) {
    await appendAudit(db, {
      actor: ANONYMOUS,
      ip,
      action: THROTTLED_ACTION,
      outcome: 'denied',
      detail: { email: address },
    });
    throw tooMany({ key: 'accounts.too-many-sign-ins' }, wait);
  }
  const user = await findUserByEmail(db, address);
  const target = user ? `user/${user.id}` : '';
  const now = new Date();
  if (user?.locked_until && user.locked_until > now.toISOString()) {
    await appendAudit(db, {
      actor: ANONYMOUS,
      ip,
      action: 'session.login-failed',
      target,
      outcome: 'denied',
      detail: { email: address, reason: 'locked' },
    });
    throw tooMany(
      { key: 'accounts.locked', params: { until: user.locked_until } },
      Date.parse(user.locked_until) - now.getTime(),
    );
  }
  const matches = await verifyPassword(password, user?.password_hash ?? null);
  if (!user || !matches || user.active !== 1) {
    const reason = !user ? 'unknown-email' : !matches ? 'wrong-password' : 'disabled';
    await appendAudit(db, {
      actor: ANONYMOUS,
      ip,
      action: 'session.login-failed',
      target,
      outcome: 'denied',
      detail: { email: address, reason },
    });
    if (user && !matches) await countFailure(db, user, ip, now);
    throw new HttpError(401, 'invalid-credentials', WRONG);
  }
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
  await appendAudit(db, { actor: userActor(user, 'session'), ip, action: 'session.login', target });
  return user;
}

async function countFailure(db: Db, user: UserRow, ip: string, now: Date): Promise<void> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', user.id)
    .returning('failed_logins')
    .executeTakeFirstOrThrow();
  if (row.failed_logins < MAX_FAILED_LOGINS) return;
  const lockedUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: lockedUntil })
    .where('id', '=', user.id)
    .execute();
  await appendAudit(db, {
    actor: ANONYMOUS,
    ip,
    action: 'session.lockout',
    target: `user/${user.id}`,
    outcome: 'denied',
    detail: { email: user.email, failures: row.failed_logins, lockedUntil },
  });
}
