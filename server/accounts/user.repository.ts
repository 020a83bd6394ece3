import type { DbOrTx } from '../db/database';
import type { UserRow } from '../db/tables/account.table';
import type { UserView } from '../shared/api/accounts';
import type { Actor, Role } from '../http/actor';
import { isLocale, type Locale } from '../shared/i18n';

/** A user as the API shows it: never the password hash. */
export type { UserView } from '../shared/api/accounts';

export function parseGeos(text: string): string[] {
  return text ? text.split(',').filter(Boolean) : [];
}

export function serializeGeos(geos: string[]): string {
  return [...new Set(geos.map((g) => g.toUpperCase()))].sort().join(',');
}

export function userView(row: UserRow, now = new Date()): UserView {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    geos: parseGeos(row.geos),
    active: row.active === 1,
    hasPassword: row.password_hash !== null,
    lockedUntil: row.locked_until && row.locked_until > now.toISOString() ? row.locked_until : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    passwordChangedAt: row.password_changed_at,
    language: row.language && isLocale(row.language) ? row.language : null,
  };
}

export function userActor(row: UserRow, via: 'session' | 'token'): Actor {
  return { kind: 'user', id: row.id, email: row.email, role: row.role, geos: parseGeos(row.geos), via };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserById(db: DbOrTx, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export async function listUsers(db: DbOrTx, filter: { role?: Role; active?: boolean } = {}): Promise<UserRow[]> {
  let query = db.selectFrom('users').selectAll();
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active ? 1 : 0);
  return query.orderBy('email').execute();
}

export async function countSecretariat(db: DbOrTx): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('role', '=', 'secretariat')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Ends every session of a user (disable, password change, reset). */
export async function endUserSessions(db: DbOrTx, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Sets the language a user is written to in. */
export async function setUserLanguage(db: DbOrTx, userId: number, language: Locale, now = new Date()): Promise<void> {
  await db.updateTable('users').set({ language, updated_at: now.toISOString() }).where('id', '=', userId).execute();
}

/**
 * A user who has never chosen a language reads e-mails and notices in the language their browser
 * asked for when they first set a password or signed in; a chosen one is never replaced.
 */
export async function defaultUserLanguage(db: DbOrTx, user: UserRow, language: Locale): Promise<UserRow> {
  if (user.language) return user;
  await db.updateTable('users').set({ language }).where('id', '=', user.id).where('language', 'is', null).execute();
  return { ...user, language };
}
