import type { Express } from 'express';
import request from 'supertest';
import { expect } from 'vitest';
import type { Actor } from '../../server/http/actor';
import { createApp } from '../../server/app/compose';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { actorFor, addUser } from '../accounts/fixture';

/** The real app on a seeded database, with the caller switched per request: the public, a coordinator, the secretariat, ... */
export async function empactApp() {
  const database: TestDatabase = await seededDatabase();
  let current: Actor = { kind: 'anonymous' };
  const app: Express = createApp({ db: database.db, clientDir: '/nonexistent', resolveActor: () => current });
  const actors = {
    public: { kind: 'anonymous' } as Actor,
    secretariat: actorFor(await addUser(database.db, 'secretariat@eucpn.eu', 'secretariat')),
    coordinator: actorFor(await addUser(database.db, 'coordinator@eucpn.eu', 'curator')),
    curator: actorFor(await addUser(database.db, 'curator@eucpn.eu', 'curator')),
    contactPoint: actorFor(await addUser(database.db, 'cp@politie.nl', 'contact_point', ['NL'])),
  };
  const as = (who: keyof typeof actors) => {
    current = actors[who];
    return request(app);
  };
  return { database, app, actors, as, dispose: () => database.dispose() };
}

export type EmpactApp = Awaited<ReturnType<typeof empactApp>>;

export function created(res: request.Response): number {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as number;
}

/** The priority "Drug trafficking" of the 2026–2029 cycle, as the data file ships it. */
export async function drugPriority(app: EmpactApp): Promise<{ id: number; cycle: string }> {
  const res = await app.as('public').get('/api/empact/cycles');
  const cycle = res.body.cycles.find((c: { code: string }) => c.code === '2026-2029');
  const priority = cycle.priorities.find((p: { code: string }) => p.code === 'drug_trafficking');
  return { id: priority.id, cycle: cycle.code };
}

export const oapBody = (priorityId: number, classification = 'public') => ({
  priorityId,
  firstYear: 2026,
  lastYear: 2027,
  title: 'OAP Drugs 2026-2027',
  driver: 'NL',
  coDrivers: ['BE', 'EUROPOL'],
  status: 'adopted',
  classification,
});

export const actionBody = (number: string, chsgNumber: number, classification = 'public') => ({
  number,
  title:
    chsgNumber === 7
      ? 'Awareness campaign on synthetic drugs for young people'
      : 'Administrative barriers against drug-related premises',
  chsgNumber,
  leader: chsgNumber === 7 ? 'EUCPN' : 'NL',
  participants: ['BE', 'DE', 'FR'],
  startDate: '2026-01-01',
  endDate: '2027-12-31',
  expectedOutput: 'A campaign toolkit used in at least five member states',
  status: 'ongoing',
  classification,
});

export const kpiBody = (actionId: number, classification = 'public') => ({
  actionId,
  definition: 'Municipalities applying the administrative approach to drug-related crime',
  unit: 'municipalities',
  baselineValue: 40,
  baselineDate: '2025-12-31',
  targetValue: 120,
  targetDate: '2029-12-31',
  frequency: 'annual',
  dataSource: 'EUCPN survey of national administrative-approach contact points',
  classification,
});
