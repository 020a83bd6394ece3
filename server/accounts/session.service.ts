import type { Db, DbOrTx } from '../db/database';
import type { SessionRow, UserRow } from '../db/tables/account.table';
import { hashSecret, newSecret } from './secret';
import { findUserById } from './user.repository';

/** A session lasts one working day; signing in again starts a new one. */
export const SESSION_HOURS = 12;

export interface StartedSession {
  /** The cookie value. Only its hash is stored. */
  id: string;
  csrfToken: string;
  expiresAt: string;
}

export interface ClientInfo {
  ip: string;
  userAgent?: string;
}

/**
 * Starts a session with a fresh random id. Any session the browser already carried is ended, so the
 * id always changes at sign-in (no session fixation).
 */
export async function startSession(
  db: Db,
  user: UserRow,
  client: ClientInfo,
  previousId?: string,
): Promise<StartedSession> {
  const now = new Date();
  const id = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
  await db.transaction().execute(async (tx) => {
    if (previousId) await endSession(tx, previousId);
    await tx.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).execute();
    await tx
      .insertInto('sessions')
      .values({
        id_hash: hashSecret(id),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        ip: client.ip,
        user_agent: client.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
  });
  return { id, csrfToken, expiresAt };
}

/** The live session for a cookie value, with its active user; undefined when unknown, expired or disabled. */
export async function findSession(db: DbOrTx, id: string): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  if (!id || id.length > 128) return undefined;
  const session = await db.selectFrom('sessions').selectAll().where('id_hash', '=', hashSecret(id)).executeTakeFirst();
  if (!session || session.expires_at <= new Date().toISOString()) return undefined;
  const user = await findUserById(db, session.user_id);
  if (user?.active !== 1) return undefined;
  return { session, user };
}

export async function endSession(db: DbOrTx, id: string): Promise<boolean> {
  const result = await db.deleteFrom('sessions').where('id_hash', '=', hashSecret(id)).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
