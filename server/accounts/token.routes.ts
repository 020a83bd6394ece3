import { z } from 'zod';
import { HttpError } from '../http/errors';
import { type Access, defineRoute } from '../http/route';
import { IssuedTokenAnswerSchema, TokensAnswerSchema, TokenViewSchema } from '../shared/api/accounts';
import { type Actor, ROLES } from '../http/actor';
import { findToken, issueToken, listTokens, revokeToken } from './token.service';
import { findUserById } from './user.repository';
import { translate } from '../i18n/translate';

const EVERY_ROLE: Access = { kind: 'roles', roles: [...ROLES] };

function userOf(actor: Actor): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new HttpError(401, 'unauthenticated', { key: 'accounts.tokens-need-sign-in' });
  return actor;
}

export const tokenRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/tokens',
    tag: 'accounts',
    summary: "Your API tokens (the secretariat: anyone's, or one user's with ?user=). Never the tokens themselves",
    access: EVERY_ROLE,
    query: z.object({ user: z.coerce.number().int().positive().optional() }),
    response: TokensAnswerSchema,
    handler: async ({ db, actor, query }) => {
      const me = userOf(actor);
      const userId = me.role === 'secretariat' ? query.user : me.id;
      const data = await listTokens(db, userId);
      return { data, meta: { count: data.length } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/tokens',
    tag: 'accounts',
    summary:
      'Issue an API token for scripted uploads; it acts with your role and geos. The token is shown only in this answer',
    access: EVERY_ROLE,
    audit: { action: 'token.issue', byHandler: true },
    body: z.object({
      name: z.string().trim().min(1, 'required, e.g. "nightly upload"').max(100),
      expiresInDays: z.number().int().min(1).max(730).optional(),
    }),
    response: IssuedTokenAnswerSchema,
    handler: async ({ db, actor, body, ip, locale }) => {
      const me = userOf(actor);
      // A token cannot mint further tokens: a leaked one can be revoked and is then gone for good.
      if (me.via === 'token') throw new HttpError(403, 'session-required', { key: 'accounts.tokens-need-session' });
      const owner = (await findUserById(db, me.id))!;
      const { token, view } = await issueToken(db, owner, body.name, body.expiresInDays, { actor, ip });
      return {
        token,
        ...view,
        // The header is quoted as code: ICU would read "<token>" as a markup tag.
        note: translate(locale, { key: 'accounts.token-note', params: { header: 'Authorization: Bearer <token>' } }),
      };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/tokens/:id',
    tag: 'accounts',
    summary: 'Revoke an API token (your own; the secretariat: any)',
    access: EVERY_ROLE,
    audit: { action: 'token.revoke', byHandler: true },
    params: z.object({ id: z.coerce.number().int().positive() }),
    response: TokenViewSchema,
    handler: async ({ db, actor, params, ip }) => {
      const me = userOf(actor);
      const row = await findToken(db, params.id);
      if (row.user_id !== me.id && me.role !== 'secretariat') {
        throw new HttpError(404, 'not-found', { key: 'accounts.no-token', params: { id: String(params.id) } });
      }
      return revokeToken(db, row, { actor, ip });
    },
  }),
];
