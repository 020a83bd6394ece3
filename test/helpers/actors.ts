import type { Actor, Role } from '../../server/http/actor';

const IDS: Record<Role, number> = { contact_point: 11, secretariat: 12, curator: 13 };

/**
 * A signed-in user of `role`, for apps that take the caller as given (no session, no database row).
 * A contact point's email names its first geo (`cp-nl@example.eu`), so tests can tell who submitted.
 */
export function testActor(role: Role, geos: string[] = [], email = defaultEmail(role, geos)): Actor {
  return { kind: 'user', id: IDS[role], email, role, geos, via: 'session' };
}

function defaultEmail(role: Role, geos: string[]): string {
  if (role === 'contact_point' && geos.length > 0) return `cp-${geos[0]!.toLowerCase()}@example.eu`;
  return `${role.replace('_', '-')}@example.eu`;
}
