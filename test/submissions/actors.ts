import type { Actor } from '../../server/http/actor';
import { createApp } from '../../server/app/compose';
import type { Config } from '../../server/config/config';
import type { TestDatabase } from '../helpers/database';

export const contactPoint = (geo: string): Actor => ({ kind: 'user', id: 11, email: `cp-${geo.toLowerCase()}@example.eu`, role: 'contact_point', geos: [geo], via: 'session' });
export const secretariat: Actor = { kind: 'user', id: 12, email: 'secretariat@example.eu', role: 'secretariat', geos: [], via: 'session' };

export function appFor(database: TestDatabase, actor: Actor, config: Partial<Config> = {}) {
  return createApp({ db: database.db, config, resolveActor: () => actor, clientDir: '/nonexistent' });
}
