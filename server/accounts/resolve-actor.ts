import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { Db } from '../db/database';
import { HttpError } from '../http/errors';
import { type Actor, ANONYMOUS } from '../http/actor';
import { readCookie, SESSION_COOKIE } from './cookie';
import { findSession } from './session.service';
import { findTokenActor } from './token.service';
import { userActor } from './user.repository';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A cookie-authenticated write without the session's CSRF token. Carries the actor so the refusal is audited under their name. */
export class CsrfRejected extends HttpError {
  constructor(readonly actor: Actor) {
    super(
      403,
      'csrf-token-invalid',
      `Send the X-CSRF-Token header with the token from GET /api/session on every change made with the session cookie.`,
    );
  }
}

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The bearer token in an Authorization header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * Finds who is calling: an API token (Authorization: Bearer …) or a session cookie, else the public.
 * A token that does not work is refused outright rather than treated as the public, so scripts fail loudly.
 * Cookie-authenticated writes must carry the session's CSRF token; token requests cannot be forged by a browser.
 */
export function createActorResolver(db: Db): (req: Request) => Promise<Actor> {
  return async (req) => {
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const token = bearerToken(authorization);
      const actor = token ? await findTokenActor(db, token) : undefined;
      if (!actor) throw new HttpError(401, 'invalid-token', { key: 'accounts.invalid-token' });
      return actor;
    }
    const sessionId = readCookie(req.headers.cookie, SESSION_COOKIE);
    const found = sessionId ? await findSession(db, sessionId) : undefined;
    if (!found) return ANONYMOUS;
    const actor = userActor(found.user, 'session');
    if (!SAFE_METHODS.has(req.method) && !sameSecret(req.headers[CSRF_HEADER], found.session.csrf_token)) {
      throw new CsrfRejected(actor);
    }
    return actor;
  };
}
