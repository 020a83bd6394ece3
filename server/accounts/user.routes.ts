import { z } from 'zod';
import { HttpError } from '../http/errors';
import { type Access, defineRoute, type RouteContext } from '../http/route';
import {
  CreatedUserAnswerSchema,
  PasswordLinkAnswerSchema,
  UsersAnswerSchema,
  UserViewSchema,
} from '../shared/api/accounts';
import { type Actor, ROLES } from '../http/actor';
import { issueResetLink, RESET_LINK_HOURS } from './password-reset';
import { listUsers, userView } from './user.repository';
import { createUser, NewUserInput, requireUser, updateUser, UserChanges } from './user.service';

const SECRETARIAT: Access = { kind: 'roles', roles: ['secretariat'] };
const UserId = z.object({ id: z.coerce.number().int().positive() });

/** Account management needs a person at a browser: a leaked API token cannot create users or mint links. */
function requireSession(actor: Actor): void {
  if (actor.kind === 'user' && actor.via === 'token') {
    throw new HttpError(403, 'session-required', { key: 'accounts.manage-needs-session' });
  }
}

const event = (ctx: Pick<RouteContext<unknown, unknown, unknown>, 'actor' | 'ip'>) => ({
  actor: ctx.actor,
  ip: ctx.ip,
});

export const userRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/users',
    tag: 'accounts',
    summary: 'Every user account with role, geo scope and state (secretariat)',
    access: SECRETARIAT,
    query: z.object({ role: z.enum(ROLES).optional(), active: z.enum(['true', 'false']).optional() }),
    response: UsersAnswerSchema,
    handler: async ({ db, query }) => {
      const rows = await listUsers(db, {
        role: query.role,
        active: query.active === undefined ? undefined : query.active === 'true',
      });
      return { data: rows.map((r) => userView(r)), meta: { count: rows.length } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/users/:id',
    tag: 'accounts',
    summary: 'One user account (secretariat)',
    access: SECRETARIAT,
    params: UserId,
    response: UserViewSchema,
    handler: async ({ db, params }) => userView(await requireUser(db, params.id)),
  }),
  defineRoute({
    method: 'post',
    path: '/api/users',
    tag: 'accounts',
    summary: 'Create a user; answers a one-time link (never a password) for them to set their password',
    access: SECRETARIAT,
    audit: { action: 'user.create', byHandler: true },
    body: NewUserInput,
    response: CreatedUserAnswerSchema,
    handler: async (ctx) => {
      requireSession(ctx.actor);
      const row = await createUser(ctx.db, ctx.body, event(ctx));
      const link = await issueResetLink(ctx.db, row, event(ctx), ctx.config.PUBLIC_URL);
      return { user: userView(row), setPasswordLink: link.url, linkExpiresAt: link.expiresAt };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/users/:id',
    tag: 'accounts',
    summary: "Change a user's role, geo scope, name or active flag (secretariat)",
    access: SECRETARIAT,
    audit: { action: 'user.update', byHandler: true },
    params: UserId,
    body: UserChanges,
    response: UserViewSchema,
    handler: async (ctx) => {
      requireSession(ctx.actor);
      return userView(await updateUser(ctx.db, ctx.params.id, ctx.body, event(ctx)));
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/users/:id',
    tag: 'accounts',
    summary: 'Disable a user: sessions end and tokens stop working; the account and its audit trail remain',
    access: SECRETARIAT,
    audit: { action: 'user.disable', byHandler: true },
    params: UserId,
    response: UserViewSchema,
    handler: async (ctx) => {
      requireSession(ctx.actor);
      return userView(await updateUser(ctx.db, ctx.params.id, { active: false }, event(ctx)));
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/users/:id/reset-link',
    tag: 'accounts',
    summary: 'Issue a one-time password link for a user (earlier links stop working)',
    access: SECRETARIAT,
    audit: { action: 'user.reset-link', byHandler: true },
    params: UserId,
    body: z.object({ hours: z.number().int().min(1).max(168).default(RESET_LINK_HOURS) }).optional(),
    response: PasswordLinkAnswerSchema,
    handler: async (ctx) => {
      requireSession(ctx.actor);
      const user = await requireUser(ctx.db, ctx.params.id);
      const link = await issueResetLink(ctx.db, user, event(ctx), ctx.config.PUBLIC_URL, ctx.body?.hours);
      return { userId: user.id, link: link.url, expiresAt: link.expiresAt };
    },
  }),
];
