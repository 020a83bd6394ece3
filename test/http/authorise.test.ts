import { describe, expect, it } from 'vitest';
import type { Actor } from '../../server/http/actor';
import { authorise } from '../../server/http/authorise';
import type { HttpError } from '../../server/http/errors';
import { type AnyRoute, defineRoute } from '../../server/http/route';

const scoped = defineRoute({
  method: 'post',
  path: '/x/:geo',
  tag: 't',
  summary: 't',
  access: {
    kind: 'geo-scoped',
    roles: ['contact_point', 'secretariat'],
    geos: (ctx) => [(ctx.params as { geo: string }).geo],
  },
  handler: () => 'ok',
}) as AnyRoute;

const user = (role: 'contact_point' | 'curator' | 'secretariat', geos: string[]): Actor => ({
  kind: 'user',
  id: 1,
  email: 'a@b.eu',
  role,
  geos,
  via: 'session',
});

async function status(route: AnyRoute, actor: Actor, geo: string): Promise<number> {
  try {
    await authorise(route, { actor, params: { geo } } as never);
    return 200;
  } catch (error) {
    return (error as HttpError).status;
  }
}

describe('route access', () => {
  it('refuses the public with 401 and the wrong role with 403', async () => {
    expect(await status(scoped, { kind: 'anonymous' }, 'NL')).toBe(401);
    expect(await status(scoped, user('curator', ['NL']), 'NL')).toBe(403);
  });
  it('lets a contact point act only for the geos in scope', async () => {
    expect(await status(scoped, user('contact_point', ['NL']), 'NL')).toBe(200);
    expect(await status(scoped, user('contact_point', ['NL']), 'DE')).toBe(403);
  });
  it('lets the secretariat act for any geo', async () => {
    expect(await status(scoped, user('secretariat', []), 'DE')).toBe(200);
  });
});
