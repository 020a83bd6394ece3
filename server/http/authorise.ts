import { type Actor, actorCovers } from './actor';
import { HttpError } from './errors';
import type { AnyRoute, RouteContext } from './route';

/** The part of a route's access that needs no request input: signed in, with one of the roles. */
export function authoriseRole(route: AnyRoute, actor: Actor): void {
  const access = route.access;
  if (access.kind === 'public') return;
  if (actor.kind !== 'user') throw new HttpError(401, 'unauthenticated', { key: 'http.unauthenticated' });
  if (!access.roles.includes(actor.role)) {
    throw new HttpError(403, 'forbidden', {
      key: 'http.forbidden-role',
      params: { roles: access.roles.join(' / '), role: actor.role },
    });
  }
}

/** Enforces a route's declared access; throws 401 for the public and 403 for a user without rights. */
export async function authorise(route: AnyRoute, ctx: RouteContext<unknown, unknown, unknown>): Promise<void> {
  const access = route.access;
  authoriseRole(route, ctx.actor);
  const { actor } = ctx;
  if (access.kind === 'geo-scoped' && actor.kind === 'user') {
    const outside = (await access.geos(ctx)).filter((geo) => !actorCovers(actor, geo));
    if (outside.length) {
      throw new HttpError(403, 'geo-not-yours', {
        key: 'http.geo-not-yours',
        params: { outside: outside.join(', '), covered: actor.geos.join(', ') || 'none' },
      });
    }
  }
}
