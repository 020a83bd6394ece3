import type { Role } from '../shared/roles';

export { ROLES, type Role } from '../shared/roles';

/** Who is making a request. Anonymous callers are the public. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; id: number; email: string; role: Role; geos: string[]; via: 'session' | 'token' | 'system' };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** The actor that loads the seed and runs command-line maintenance. */
export const SYSTEM_ACTOR: Actor = {
  kind: 'user',
  id: 0,
  email: 'system',
  role: 'secretariat',
  geos: [],
  via: 'system',
};

export function actorName(actor: Actor): string {
  return actor.kind === 'user' ? actor.email : 'anonymous';
}

/** True when the actor may act for `geo`: the secretariat everywhere, others within their scope. */
export function actorCovers(actor: Actor, geo: string): boolean {
  if (actor.kind !== 'user') return false;
  return actor.role === 'secretariat' || actor.geos.includes(geo);
}
