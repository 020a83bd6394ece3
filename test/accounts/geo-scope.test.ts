import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorFor,
  addUser,
  expectNoSecretsLeaked,
  PASSWORD,
  recordedApp,
  type SignedIn,
  signIn,
  storedSecrets,
} from './fixture';
import { csvFor, practiceFor, profileFor } from './route-expectations';
import { cellVersions } from '../../server/cells/cell-versions';
import { useSeededApp } from '../helpers/context';
import type { Express } from 'express';

/** A contact point for NL, with real credentials (session and API token), tries every way to write DE data. */
const ctx = useSeededApp();
let recorded: ReturnType<typeof recordedApp>;
let admin: Express;
let session: SignedIn;
let bearer: string;
const issued: string[] = [];

beforeAll(async () => {
  recorded = recordedApp({ db: ctx.db });
  await addUser(ctx.db, 'nl@politie.nl', 'contact_point', ['NL']);
  const secretariat = actorFor(await addUser(ctx.db, 'secretariat@observatory.eu', 'secretariat'));
  admin = ctx.as(secretariat);
  session = await signIn(recorded.app, 'nl@politie.nl');
  const token = await request(recorded.app)
    .post('/api/tokens')
    .set('Cookie', session.cookie)
    .set('X-CSRF-Token', session.csrfToken)
    .send({ name: 'upload script' })
    .expect(200);
  bearer = `Bearer ${token.body.token}`;
  issued.push(token.body.token);
});
afterAll(async () => {
  expectNoSecretsLeaked(recorded.responses, await storedSecrets(ctx.db), [PASSWORD], issued);
});

/** 200 or 201: the owners of those routes choose. */
const created = (res: request.Response) => expect(res.status, JSON.stringify(res.body)).toBeOneOf([200, 201]);

const asToken = (method: 'post' | 'put' | 'delete', url: string) =>
  request(recorded.app)[method](url).set('Authorization', bearer);
const asSession = (method: 'post' | 'put' | 'delete', url: string) =>
  request(recorded.app)[method](url).set('Cookie', session.cookie).set('X-CSRF-Token', session.csrfToken);

async function germanState() {
  const db = ctx.db;
  return {
    revisions: await db.selectFrom(cellVersions(db)).selectAll().where('geo', '=', 'DE').orderBy('id').execute(),
    observations: await db
      .selectFrom('observations')
      .selectAll()
      .where('geo', '=', 'DE')
      .orderBy('indicator')
      .orderBy('period')
      .execute(),
    profiles: await db.selectFrom('import_profiles').selectAll().orderBy('name').execute(),
    practices: await db
      .selectFrom('practices' as never)
      .selectAll()
      .execute(),
  };
}

describe('a contact point for NL can never write DE data', () => {
  it('not by upload, commit or withdrawal, with a token or a session', async () => {
    const before = await germanState();
    let n = 0;
    for (const as of [asToken, asSession]) {
      n += 10;
      expect(
        (
          await as('post', '/api/submissions?geo=DE')
            .type('text/csv')
            .send(csvFor('DE', n + 1))
        ).body.error.code,
      ).toBe('geo-not-yours');
      const multipart = await as('post', '/api/submissions')
        .field('geo', 'DE')
        .attach('file', Buffer.from(csvFor('DE', n + 2)), 'de.csv');
      expect(multipart.body.error.code).toBe('geo-not-yours');
      // An NL submission carrying German rows is refused by validation, so there is nothing to commit.
      const smuggled = await as('post', '/api/submissions?geo=NL')
        .type('text/csv')
        .send(`${csvFor('NL', n + 3)}\nDE,ICCS0101,2020,${n},,`);
      expect(smuggled.body.status).toBe('rejected');
      expect((await as('post', `/api/submissions/${smuggled.body.submissionId}/commit`)).status).toBe(409);
      const german = await request(admin)
        .post('/api/submissions?geo=DE')
        .type('text/csv')
        .send(csvFor('DE', n + 4))
        .expect(201);
      expect((await as('post', `/api/submissions/${german.body.submissionId}/commit`)).body.error.code).toBe(
        'geo-not-yours',
      );
      expect((await as('post', `/api/submissions/${german.body.submissionId}/withdraw`)).body.error.code).toBe(
        'geo-not-yours',
      );
    }
    const after = await germanState();
    expect(after.revisions).toEqual(before.revisions);
    expect(after.observations).toEqual(before.observations);
  });

  it('not by import profile: creating, editing, moving or deleting one for DE', async () => {
    const german = await request(admin)
      .post('/api/import-profiles')
      .send(profileFor('DE', 'bka-export'))
      .expect(created);
    const own = await asToken('post', '/api/import-profiles').send(profileFor('NL', 'cbs-export')).expect(created);
    const before = await germanState();
    for (const as of [asToken, asSession]) {
      expect((await as('post', '/api/import-profiles').send(profileFor('DE', 'my-de-profile'))).body.error.code).toBe(
        'geo-not-yours',
      );
      expect(
        (await as('put', `/api/import-profiles/${german.body.name}`).send({ ...profileFor('NL', german.body.name) }))
          .body.error.code,
      ).toBe('geo-not-yours');
      expect(
        (await as('put', `/api/import-profiles/${own.body.name}`).send({ ...profileFor('DE', own.body.name) })).body
          .error.code,
      ).toBe('geo-not-yours');
      expect((await as('delete', `/api/import-profiles/${german.body.name}`)).body.error.code).toBe('geo-not-yours');
    }
    expect((await germanState()).profiles).toEqual(before.profiles);
  });

  it('not by practice: proposing one for DE, or editing, widening or submitting one of another country', async () => {
    const german = await request(admin).post('/api/practice-workbench').send(practiceFor('DE')).expect(201);
    const own = await asToken('post', '/api/practice-workbench').send(practiceFor('NL')).expect(201);
    const before = await germanState();
    for (const as of [asToken, asSession]) {
      expect((await as('post', '/api/practice-workbench').send(practiceFor('DE'))).body.error.code).toBe(
        'geo-not-yours',
      );
      expect(
        (
          await as('put', `/api/practice-workbench/${german.body.slug}`).send({
            ...practiceFor('NL'),
            slug: german.body.slug,
          })
        ).body.error.code,
      ).toBe('geo-not-yours');
      expect(
        (
          await as('put', `/api/practice-workbench/${own.body.slug}`).send({
            ...practiceFor('NL'),
            geos: ['NL', 'DE'],
            slug: own.body.slug,
          })
        ).body.error.code,
      ).toBe('geo-not-yours');
      expect((await as('post', `/api/practice-workbench/${german.body.slug}/submit`)).body.error.code).toBe(
        'geo-not-yours',
      );
    }
    expect((await germanState()).practices).toEqual(before.practices);
  });

  it("and every one of those refusals is in the audit log under the contact point's name", async () => {
    const refusals = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor', '=', 'nl@politie.nl')
      .where('outcome', '=', 'denied')
      .execute();
    const actions = new Set(refusals.map((r) => r.action));
    for (const action of [
      'submission.upload',
      'submission.commit',
      'submission.withdraw',
      'import-profile.create',
      'import-profile.update',
      'import-profile.delete',
      'practice-workbench.create',
      'practice-workbench.update',
      'practice-workbench.submit',
    ]) {
      expect(actions, action).toContain(action);
    }
    expect(new Set(refusals.map((r) => r.actor_via))).toEqual(new Set(['token', 'session']));
  });
});
