import { ANONYMOUS } from '../http/actor';
import { appendAudit } from '../audit/audit.repository';
import type { Db } from '../db/database';
import { HttpError } from '../http/errors';
import type { UserRow } from '../db/tables/account.table';
import { hashSecret, newSecret } from './secret';
import type { AccountEvent } from './user.service';
import { setUserPassword } from './user.service';
import { findUserById } from './user.repository';

export const RESET_LINK_HOURS = 24;

/**
 * Issues a one-time link to set a password (a new user's first, or a reset). Earlier unused links
 * for the user stop working. The token travels in the URL fragment, which browsers never send to servers.
 */
export async function issueResetLink(
  db: Db,
  user: UserRow,
  event: AccountEvent,
  publicUrl: string,
  hours = RESET_LINK_HOURS,
): Promise<{ url: string; expiresAt: string }> {
  const token = newSecret();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + hours * 3_600_000).toISOString();
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('password_resets')
      .set({ used_at: now.toISOString() })
      .where('user_id', '=', user.id)
      .where('used_at', 'is', null)
      .execute();
    await tx
      .insertInto('password_resets')
      .values({
        token_hash: hashSecret(token),
        user_id: user.id,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        used_at: null,
        created_by: event.actor.kind === 'user' ? event.actor.email : 'anonymous',
      })
      .execute();
    await appendAudit(tx, { ...event, action: 'user.reset-link', target: `user/${user.id}`, detail: { expiresAt } });
  });
  return { url: `${publicUrl}/reset-password#token=${token}`, expiresAt };
}

const UNUSABLE = { key: 'accounts.reset-link-unusable' };

/** Uses a link once: sets the password, clears lockout, ends the user's sessions and revokes the user's API tokens. */
export async function consumeResetLink(
  db: Db,
  token: string,
  password: string,
  ip: string,
): Promise<{ user: UserRow; tokensRevoked: number }> {
  const now = new Date().toISOString();
  const link = await db
    .selectFrom('password_resets')
    .selectAll()
    .where('token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  const user = link && (await findUserById(db, link.user_id));
  if (!link || !user || link.used_at || link.expires_at <= now || user.active !== 1) {
    await appendAudit(db, {
      actor: ANONYMOUS,
      ip,
      action: 'user.password-reset',
      target: user ? `user/${user.id}` : '',
      outcome: 'denied',
    });
    throw new HttpError(400, 'invalid-reset-link', UNUSABLE);
  }
  const tokensRevoked = await db.transaction().execute(async (tx) => {
    // Claim the link first: of two concurrent uses, only one finds it unused.
    const claimed = await tx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('token_hash', '=', link.token_hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new HttpError(400, 'invalid-reset-link', UNUSABLE);
    const revoked = await setUserPassword(tx, user, password);
    await appendAudit(tx, {
      actor: ANONYMOUS,
      ip,
      action: 'user.password-reset',
      target: `user/${user.id}`,
      detail: { email: user.email, tokensRevoked: revoked },
    });
    return revoked;
  });
  return { user, tokensRevoked };
}
