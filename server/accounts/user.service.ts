import { z } from 'zod';
import { appendAudit } from '../audit/audit.repository';
import type { Db, DbOrTx } from '../db/database';
import { badRequest, conflict, notFound } from '../http/errors';
import type { UserRow } from '../db/tables/account.table';
import { type Actor, ROLES, type Role } from '../http/actor';
import { hashPassword, passwordRule } from './password';
import {
  countSecretariat,
  endUserSessions,
  findUserByEmail,
  findUserById,
  normaliseEmail,
  parseGeos,
  serializeGeos,
} from './user.repository';

const geoCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9_]{2,16}$/, 'a geo code such as NL');

export const NewUserInput = z.object({
  email: z.email('a valid email address').max(254).transform(normaliseEmail),
  role: z.enum(ROLES),
  geos: z.array(geoCode).max(60).default([]),
  displayName: z.string().trim().min(1).max(200).optional(),
});
export type NewUserInput = z.infer<typeof NewUserInput>;

export const UserChanges = z
  .object({
    role: z.enum(ROLES).optional(),
    geos: z.array(geoCode).max(60).optional(),
    active: z.boolean().optional(),
    displayName: z.string().trim().min(1).max(200).nullable().optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'name at least one of role, geos, active, displayName');
export type UserChanges = z.infer<typeof UserChanges>;

/** Who is acting, from where: every account change is audited with it. */
export interface AccountEvent {
  actor: Actor;
  ip: string;
}

/** Contact points need at least one country; the secretariat covers everything, so stores none. */
async function checkedGeos(db: DbOrTx, role: Role, geos: string[]): Promise<string> {
  if (role === 'secretariat') return '';
  if (role === 'contact_point' && geos.length === 0) {
    throw badRequest({ key: 'accounts.contact-point-needs-geo' });
  }
  if (!geos.length) return '';
  const known = await db.selectFrom('geos').select(['code', 'kind']).where('code', 'in', geos).execute();
  const countries = new Set(known.filter((g) => g.kind === 'country').map((g) => g.code));
  const wrong = geos.filter((g) => !countries.has(g));
  if (wrong.length) throw badRequest({ key: 'accounts.not-country-codes', params: { codes: wrong.join(', ') } });
  return serializeGeos(geos);
}

export async function createUser(
  db: Db,
  input: NewUserInput,
  event: AccountEvent,
  password?: string,
): Promise<UserRow> {
  if (password !== undefined) {
    const problem = passwordRule(password, input.email);
    if (problem) throw badRequest(problem);
  }
  if (await findUserByEmail(db, input.email))
    throw conflict({ key: 'accounts.email-taken', params: { email: input.email } });
  const geos = await checkedGeos(db, input.role, input.geos);
  const now = new Date().toISOString();
  const passwordHash = password === undefined ? null : await hashPassword(password);
  const row = await db
    .insertInto('users')
    .values({
      email: input.email,
      display_name: input.displayName ?? null,
      role: input.role,
      geos,
      password_hash: passwordHash,
      active: 1,
      failed_logins: 0,
      locked_until: null,
      created_at: now,
      updated_at: now,
      password_changed_at: passwordHash ? now : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(db, {
    ...event,
    action: 'user.create',
    target: `user/${row.id}`,
    detail: { email: row.email, role: row.role, geos: parseGeos(geos) },
  });
  return row;
}

export async function requireUser(db: DbOrTx, id: number): Promise<UserRow> {
  const row = await findUserById(db, id);
  if (!row) throw notFound({ key: 'accounts.no-user', params: { id: String(id) } });
  return row;
}

/** Changes role, scope, active flag or name; refuses to leave the deployment without an active secretariat. */
export async function updateUser(db: Db, id: number, changes: UserChanges, event: AccountEvent): Promise<UserRow> {
  const before = await requireUser(db, id);
  const role = changes.role ?? before.role;
  const active = changes.active ?? before.active === 1;
  const losesSecretariat = before.role === 'secretariat' && before.active === 1 && (role !== 'secretariat' || !active);
  if (losesSecretariat && (await countSecretariat(db)) <= 1) {
    throw conflict({ key: 'accounts.last-secretariat' });
  }
  const geos =
    changes.geos !== undefined || changes.role !== undefined
      ? await checkedGeos(db, role, changes.geos ?? parseGeos(before.geos))
      : before.geos;
  const after = await db
    .updateTable('users')
    .set({
      role,
      geos,
      active: active ? 1 : 0,
      updated_at: new Date().toISOString(),
      display_name: changes.displayName === undefined ? before.display_name : changes.displayName,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (!active) await endUserSessions(db, id);
  await auditUserChanges(db, before, after, event);
  return after;
}

async function auditUserChanges(db: Db, before: UserRow, after: UserRow, event: AccountEvent): Promise<void> {
  const target = `user/${after.id}`;
  if (before.role !== after.role) {
    await appendAudit(db, {
      ...event,
      action: 'user.role-change',
      target,
      detail: { from: before.role, to: after.role },
    });
  }
  if (before.geos !== after.geos) {
    await appendAudit(db, {
      ...event,
      action: 'user.scope-change',
      target,
      detail: { from: parseGeos(before.geos), to: parseGeos(after.geos) },
    });
  }
  if (before.active !== after.active) {
    await appendAudit(db, { ...event, action: after.active ? 'user.enable' : 'user.disable', target });
  }
  if (before.display_name !== after.display_name) {
    await appendAudit(db, { ...event, action: 'user.update', target, detail: { displayName: after.display_name } });
  }
}

/** Sets a new password, clears any lockout and ends every session, so a stolen cookie dies with the old password. */
/**
 * Sets a password, ends the user's sessions and revokes the user's API tokens: whoever knew the old
 * password may have issued them (issue 15). Answers how many tokens were revoked, so the user is told.
 */
export async function setUserPassword(db: DbOrTx, user: UserRow, password: string): Promise<number> {
  const problem = passwordRule(password, user.email);
  if (problem) throw badRequest(problem);
  const now = new Date().toISOString();
  await db
    .updateTable('users')
    .set({
      password_hash: await hashPassword(password),
      password_changed_at: now,
      updated_at: now,
      failed_logins: 0,
      locked_until: null,
    })
    .where('id', '=', user.id)
    .execute();
  await endUserSessions(db, user.id);
  const revoked = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now, revoked_by: 'password change' })
    .where('user_id', '=', user.id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(revoked.numUpdatedRows ?? 0);
}
