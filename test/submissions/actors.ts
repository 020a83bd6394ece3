import type { Actor } from '../../server/accounts/actor';
import { createApp } from '../../server/http/app';
import type { TestDatabase } from '../helpers/database';

export const contactPoint = (geo: string): Actor => ({ kind: 'user', id: 11, email: `cp-${geo.toLowerCase()}@example.eu`, role: 'contact_point', geos: [geo], via: 'session' });
export const secretariat: Actor = { kind: 'user', id: 12, email: 'secretariat@example.eu', role: 'secretariat', geos: [], via: 'session' };

export function appFor(database: TestDatabase, actor: Actor) {
  return createApp({ db: database.db, resolveActor: () => actor, clientDir: '/nonexistent' });
}
