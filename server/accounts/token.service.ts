import { appendAudit } from '../audit/audit.repository';
import type { Db, DbOrTx } from '../db/database';
import { notFound } from '../http/errors';
import type { ApiTokenRow, UserRow } from '../db/tables/account.table';
import type { TokenView } from '../shared/api/accounts';
import type { Actor } from '../http/actor';
import { hashSecret, newSecret } from './secret';
import type { AccountEvent } from './user.service';
import { findUserById, userActor } from './user.repository';

const TOKEN_PREFIX = 'cpo_';

/** A token as listed: never the token itself nor its hash. */
export type { TokenView } from '../shared/api/accounts';

export function tokenView(row: ApiTokenRow): TokenView {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/** Issues a token for a user. The returned secret is shown once; only its hash is kept. */
export async function issueToken(
  db: Db,
  owner: UserRow,
  name: string,
  expiresInDays: number | undefined,
  event: AccountEvent,
): Promise<{ token: string; view: TokenView }> {
  const token = TOKEN_PREFIX + newSecret();
  const now = new Date();
  const row = await db
    .insertInto('api_tokens')
    .values({
      user_id: owner.id,
      name,
      prefix: token.slice(0, 12),
      token_hash: hashSecret(token),
      created_at: now.toISOString(),
      expires_at: expiresInDays ? new Date(now.getTime() + expiresInDays * 86_400_000).toISOString() : null,
      last_used_at: null,
      revoked_at: null,
      revoked_by: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(db, {
    ...event,
    action: 'token.issue',
    target: `token/${row.id}`,
    detail: { owner: owner.email, name, prefix: row.prefix },
  });
  return { token, view: tokenView(row) };
}

export async function listTokens(db: DbOrTx, userId?: number): Promise<TokenView[]> {
  let query = db.selectFrom('api_tokens').selectAll();
  if (userId !== undefined) query = query.where('user_id', '=', userId);
  return (await query.orderBy('id').execute()).map(tokenView);
}

export async function findToken(db: DbOrTx, id: number): Promise<ApiTokenRow> {
  const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound({ key: 'accounts.no-token', params: { id: String(id) } });
  return row;
}

export async function revokeToken(db: Db, row: ApiTokenRow, event: AccountEvent): Promise<TokenView> {
  if (row.revoked_at) return tokenView(row);
  const revoked = await db
    .updateTable('api_tokens')
    .set({
      revoked_at: new Date().toISOString(),
      revoked_by: event.actor.kind === 'user' ? event.actor.email : 'anonymous',
    })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(db, {
    ...event,
    action: 'token.revoke',
    target: `token/${row.id}`,
    detail: { prefix: row.prefix },
  });
  return tokenView(revoked);
}

/** The user a bearer token acts for, with that user's current role and geos; undefined if invalid, expired or revoked. */
export async function findTokenActor(db: Db, token: string): Promise<Actor | undefined> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 128) return undefined;
  const row = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  const now = new Date();
  if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now.toISOString())) return undefined;
  const user = await findUserById(db, row.user_id);
  if (user?.active !== 1) return undefined;
  if (!row.last_used_at || Date.parse(row.last_used_at) < now.getTime() - 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return userActor(user, 'token');
}
