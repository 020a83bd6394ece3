import { z } from 'zod';
import { appendAudit } from '../audit/audit.repository';
import type { Db } from '../db/database';
import { HttpError } from '../http/errors';
import { defineRoute, RouteResponse } from '../http/route';
import { PasswordSetAnswerSchema } from '../shared/api/accounts';
import type { UserRow } from '../db/tables/account.table';
import { type Actor, ROLES } from '../http/actor';
import { readCookie, SESSION_COOKIE, sessionCookie } from './cookie';
import { checkLogin } from './login';
import { MAX_PASSWORD_LENGTH, verifyPassword } from './password';
import { consumeResetLink } from './password-reset';
import { findSession, endSession, SESSION_HOURS, startSession, type StartedSession } from './session.service';
import { defaultUserLanguage, findUserById, setUserLanguage, userView } from './user.repository';
import { LOCALES } from '../shared/i18n';
import { setUserPassword } from './user.service';

const password = z.string().min(1, 'required').max(MAX_PASSWORD_LENGTH);
const NO_STORE = { 'Cache-Control': 'no-store' };

/** What a user is told after a password change or reset: every other session ended, and the tokens that stopped working. */
function revokedNotice(tokens: number): string {
  const revoked =
    tokens === 0 ? 'You had no API tokens.' : `Your ${tokens} API token${tokens === 1 ? ' was' : 's were'} revoked.`;
  return `Your other sessions were ended. ${revoked} Issue new tokens under Account > API tokens (POST /api/tokens) where you need them.`;
}

function signedIn(user: UserRow, session: StartedSession, secure: boolean): RouteResponse {
  return new RouteResponse(
    { user: userView(user), via: 'session', csrfToken: session.csrfToken, expiresAt: session.expiresAt },
    { headers: { ...NO_STORE, 'Set-Cookie': sessionCookie(session.id, { maxAge: SESSION_HOURS * 3600, secure }) } },
  );
}

async function sessionState(db: Db, actor: Actor, cookie: string | undefined) {
  if (actor.kind !== 'user' || actor.via === 'system')
    return { user: null, via: null, csrfToken: null, expiresAt: null };
  const user = await findUserById(db, actor.id);
  const session = actor.via === 'session' && cookie ? await findSession(db, cookie) : undefined;
  return {
    user: user ? userView(user) : null,
    via: actor.via,
    csrfToken: session?.session.csrf_token ?? null,
    expiresAt: session?.session.expires_at ?? null,
  };
}

export const sessionRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/session',
    tag: 'accounts',
    summary:
      'Who is signed in, and the CSRF token to send as X-CSRF-Token with every change made with the session cookie',
    access: { kind: 'public' },
    handler: async ({ db, actor, headers }) =>
      new RouteResponse(await sessionState(db, actor, readCookie(headers.cookie, SESSION_COOKIE)), {
        headers: NO_STORE,
      }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/session',
    tag: 'accounts',
    summary: 'Sign in with email and password; sets the session cookie (a new session id every time)',
    access: { kind: 'public' },
    audit: { action: 'session.login', byHandler: true },
    body: z.object({ email: z.string().trim().min(1, 'required').max(254), password }),
    handler: async ({ db, body, headers, ip, secure, locale }) => {
      const user = await defaultUserLanguage(db, await checkLogin(db, body.email, body.password, ip), locale);
      const previous = readCookie(headers.cookie, SESSION_COOKIE);
      const session = await startSession(
        db,
        user,
        { ip, userAgent: headers['user-agent'] as string | undefined },
        previous,
      );
      return signedIn(user, session, secure === true);
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/session',
    tag: 'accounts',
    summary: 'Sign out: ends the session and clears the cookie',
    access: { kind: 'public' },
    audit: { action: 'session.logout', byHandler: true },
    handler: async ({ db, actor, headers, ip, secure }) => {
      const cookie = readCookie(headers.cookie, SESSION_COOKIE);
      if (cookie && (await endSession(db, cookie)) && actor.kind === 'user') {
        await appendAudit(db, { actor, ip, action: 'session.logout', target: `user/${actor.id}` });
      }
      return new RouteResponse(
        { signedOut: true },
        { headers: { ...NO_STORE, 'Set-Cookie': sessionCookie('', { maxAge: 0, secure: secure === true }) } },
      );
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/session/password',
    tag: 'accounts',
    summary: 'Change your own password; every other session of yours ends and your API tokens are revoked',
    access: { kind: 'roles', roles: [...ROLES] },
    audit: { action: 'user.password-change', byHandler: true },
    body: z.object({ currentPassword: password, newPassword: password }),
    handler: async ({ db, actor, body, headers, ip, secure }) => {
      if (actor.kind !== 'user' || actor.via !== 'session') {
        throw new HttpError(403, 'session-required', { key: 'accounts.password-change-needs-session' });
      }
      const user = (await findUserById(db, actor.id))!;
      if (!(await verifyPassword(body.currentPassword, user.password_hash))) {
        await appendAudit(db, {
          actor,
          ip,
          action: 'user.password-change',
          target: `user/${user.id}`,
          outcome: 'denied',
        });
        throw new HttpError(400, 'wrong-password', { key: 'accounts.wrong-current-password' });
      }
      const tokensRevoked = await setUserPassword(db, user, body.newPassword);
      await appendAudit(db, {
        actor,
        ip,
        action: 'user.password-change',
        target: `user/${user.id}`,
        detail: { tokensRevoked },
      });
      const session = await startSession(db, user, { ip, userAgent: headers['user-agent'] as string | undefined });
      const answer = signedIn(user, session, secure === true);
      return new RouteResponse(
        { ...(answer.body as object), tokensRevoked, notice: revokedNotice(tokensRevoked) },
        answer.options,
      );
    },
  }),
  defineRoute({
    method: 'put',
    path: '/api/session/language',
    tag: 'accounts',
    summary: 'Choose the language your e-mails and round notices are written in (en, nl, fr, de)',
    access: { kind: 'roles', roles: [...ROLES] },
    audit: { action: 'user.language', byHandler: true },
    body: z.object({ language: z.enum(LOCALES) }),
    handler: async ({ db, actor, body, ip }) => {
      if (actor.kind !== 'user') throw new HttpError(401, 'unauthenticated', { key: 'http.unauthenticated' });
      const before = (await findUserById(db, actor.id))!;
      await setUserLanguage(db, actor.id, body.language);
      await appendAudit(db, {
        actor,
        ip,
        action: 'user.language',
        target: `user/${actor.id}`,
        detail: { from: before.language, to: body.language },
      });
      return { user: userView((await findUserById(db, actor.id))!) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/password-reset',
    tag: 'accounts',
    summary: 'Set a password with a one-time link issued by the secretariat (the token from the link)',
    access: { kind: 'public' },
    audit: { action: 'user.password-reset', byHandler: true },
    body: z.object({ token: z.string().min(1, 'required').max(128), password }),
    response: PasswordSetAnswerSchema,
    handler: async ({ db, body, ip, locale }) => {
      const { user, tokensRevoked } = await consumeResetLink(db, body.token, body.password, ip);
      await defaultUserLanguage(db, user, locale);
      return { passwordSet: true as const, email: user.email, tokensRevoked, notice: revokedNotice(tokensRevoked) };
    },
  }),
];
