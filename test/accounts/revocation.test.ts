import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { addUser, PASSWORD, recordedApp, type SignedIn, signIn } from './fixture';

/** Issue 15: a password reset or change revokes the user's API tokens and other sessions, and says so. */
let database: TestDatabase;
let app: ReturnType<typeof recordedApp>['app'];
beforeAll(async () => {
  database = await seededDatabase();
  app = recordedApp({ db: database.db }).app;
  await addUser(database.db, 'secretariat@observatory.eu', 'secretariat');
  await addUser(database.db, 'nl@politie.nl', 'contact_point', ['NL']);
});
afterAll(async () => database.dispose());

async function issue(session: SignedIn, name: string): Promise<string> {
  const res = await request(app)
    .post('/api/tokens')
    .set('Cookie', session.cookie)
    .set('X-CSRF-Token', session.csrfToken)
    .send({ name });
  expect(res.status).toBe(200);
  return res.body.token as string;
}

const tokenWorks = async (token: string) =>
  (await request(app).get('/api/submissions?geo=NL').set('Authorization', `Bearer ${token}`)).status === 200;

describe('credentials after a password change or reset', () => {
  it("a change revokes the user's API tokens and ends other sessions; the answer says so; new tokens work", async () => {
    const session = await signIn(app, 'nl@politie.nl');
    const other = await signIn(app, 'nl@politie.nl');
    const nightly = await issue(session, 'nightly');
    expect(await tokenWorks(nightly)).toBe(true);
    const changed = await request(app)
      .post('/api/session/password')
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', session.csrfToken)
      .send({ currentPassword: PASSWORD, newPassword: 'a brand new passphrase' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ tokensRevoked: 1 });
    expect(changed.body.notice).toMatch(/1 API token was revoked.*Issue new tokens/);
    expect(await tokenWorks(nightly)).toBe(false);
    expect((await request(app).get('/api/submissions?geo=NL').set('Cookie', other.cookie)).status).toBe(401);

    const fresh = await signIn(app, 'nl@politie.nl', 'a brand new passphrase');
    expect(await tokenWorks(await issue(fresh, 'new nightly'))).toBe(true);
  });

  it('a reset through a one-time link revokes them too', async () => {
    const session = await signIn(app, 'nl@politie.nl', 'a brand new passphrase');
    const tokens = [await issue(session, 'a'), await issue(session, 'b')];
    const admin = await signIn(app, 'secretariat@observatory.eu');
    const user = await database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'nl@politie.nl')
      .executeTakeFirstOrThrow();
    const link = await request(app)
      .post(`/api/users/${user.id}/reset-link`)
      .set('Cookie', admin.cookie)
      .set('X-CSRF-Token', admin.csrfToken)
      .send({});
    const token = new URL(link.body.link).hash.replace('#token=', '');
    const reset = await request(app).post('/api/password-reset').send({ token, password: 'a third passphrase here' });
    expect(reset.status).toBe(200);
    // The token issued after the earlier change ('new nightly') goes as well: three in all.
    expect(reset.body).toMatchObject({ passwordSet: true, tokensRevoked: 3 });
    for (const t of tokens) expect(await tokenWorks(t)).toBe(false);
    const audit = await database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'user.password-reset')
      .where('outcome', '=', 'ok')
      .execute();
    expect(JSON.parse(audit.at(-1)!.detail!)).toMatchObject({ tokensRevoked: 3 });
  });
});
