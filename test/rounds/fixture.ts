import request from 'supertest';
import { expect } from 'vitest';
import { createApp } from '../../server/app/compose';
import type { Config } from '../../server/config/config';
import type { Db } from '../../server/db/database';
import { type Actor, SYSTEM_ACTOR } from '../../server/http/actor';
import { createRound } from '../../server/rounds/round.service';
import type { RoundInput } from '../../server/shared/api/rounds';
import { actorFor, addUser } from '../accounts/fixture';

/** A day offset from `from`, written as rounds write dates. */
export const day = (offset: number, from = new Date()) =>
  new Date(from.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

let counter = 0;

export function roundInput(overrides: Partial<RoundInput> = {}): RoundInput {
  return {
    name: `Core indicators 2023 #${++counter}`,
    indicators: ['ICCS0101', 'ICCS0102'],
    periods: ['2023'],
    geos: ['NL', 'DE'],
    opensOn: day(0),
    dueOn: day(30),
    locksOn: day(60),
    cleanValidation: false,
    twoLevelApproval: false,
    guidance: 'Send police-recorded counts.',
    ...overrides,
  };
}

/** A round created as the secretariat would have at `now` (a past `now` makes a round that is already due or locked). */
export async function roundAt(db: Db, now: Date, overrides: Partial<RoundInput> = {}): Promise<number> {
  const detail = await createRound(
    db,
    roundInput({ opensOn: day(0, now), dueOn: day(30, now), locksOn: day(60, now), ...overrides }),
    { actor: SYSTEM_ACTOR, ip: 'test', now },
  );
  return detail.id;
}

export interface People {
  nl: Actor;
  nl2: Actor;
  de: Actor;
  secretariat: Actor;
}

export async function addPeople(db: Db, prefix: string): Promise<People> {
  return {
    nl: actorFor(await addUser(db, `${prefix}-nl@politie.nl`, 'contact_point', ['NL'], undefined)),
    nl2: actorFor(await addUser(db, `${prefix}-nl2@cbs.nl`, 'contact_point', ['NL'], undefined)),
    de: actorFor(await addUser(db, `${prefix}-de@bka.de`, 'contact_point', ['DE'], undefined)),
    secretariat: actorFor(await addUser(db, `${prefix}-sec@observatory.eu`, 'secretariat', [], undefined)),
  };
}

export const appFor = (db: Db, actor: Actor, config: Partial<Config> = {}) =>
  createApp({ db, config, clientDir: '/nonexistent', resolveActor: () => actor });

/** Uploads a canonical CSV for a geo (answers the upload's refusal when it is a 409). */
export async function upload(db: Db, actor: Actor, geo: string, rows: string[], config: Partial<Config> = {}) {
  const csv = ['geo,indicator,period,value,flags,note', ...rows].join('\n');
  return request(appFor(db, actor, config))
    .post(`/api/submissions?geo=${geo}`)
    .type('text/csv')
    .send(csv);
}

/**
 * Uploads a canonical CSV for a geo and commits it; answers the commit's response, or the upload's
 * when the upload itself is refused with a 409 (a locked round refuses before anything is staged).
 */
export async function uploadAndCommit(db: Db, actor: Actor, geo: string, rows: string[], config: Partial<Config> = {}) {
  const uploaded = await upload(db, actor, geo, rows, config);
  if (uploaded.status === 409) return uploaded;
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBeLessThan(300);
  expect(uploaded.body.report.valid, JSON.stringify(uploaded.body.report)).toBe(true);
  // Figures far from the published ones need the contact point's confirmation (docs/ingest.md).
  return request(appFor(db, actor, config))
    .post(`/api/submissions/${uploaded.body.submissionId}/commit`)
    .send({ confirm: true });
}
