import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, expectNoSecretsLeaked, PASSWORD, recordedApp, type SignedIn, signIn, storedSecrets } from './fixture';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp();
let recorded: ReturnType<typeof recordedApp>;
const app = () => recorded.app;
let admin: SignedIn;

beforeAll(async () => {
  recorded = recordedApp({ db: ctx.db });
  await addUser(ctx.db, 'secretariat@observatory.eu', 'secretariat');
  await addUser(ctx.db, 'nl@politie.nl', 'contact_point', ['NL']);
  admin = await signIn(app(), 'secretariat@observatory.eu');
});
afterAll(async () => {
  expectNoSecretsLeaked(recorded.responses, await storedSecrets(ctx.db), [PASSWORD], []);
});

const write = (method: 'post' | 'patch' | 'delete', url: string) =>
  request(app())[method](url).set('Cookie', admin.cookie).set('X-CSRF-Token', admin.csrfToken);

describe('user management by the secretariat', () => {
  it('creates, lists, changes role and scope, disables and re-enables users, auditing each change', async () => {
    const created = await write('post', '/api/users')
      .send({ email: 'Curator@Observatory.eu', role: 'curator', displayName: 'C. Urator' })
      .expect(200);
    const id = created.body.user.id;
    expect(created.body.user).toMatchObject({
      email: 'curator@observatory.eu',
      role: 'curator',
      geos: [],
      active: true,
      hasPassword: false,
    });
    const list = await request(app()).get('/api/users').set('Cookie', admin.cookie).expect(200);
    expect(list.body.data.map((u: { email: string }) => u.email)).toEqual([
      'curator@observatory.eu',
      'nl@politie.nl',
      'secretariat@observatory.eu',
    ]);

    const promoted = await write('patch', `/api/users/${id}`)
      .send({ role: 'contact_point', geos: ['fr', 'BE'] })
      .expect(200);
    expect(promoted.body).toMatchObject({ role: 'contact_point', geos: ['BE', 'FR'] });
    await write('delete', `/api/users/${id}`).expect(200);
    expect((await request(app()).get(`/api/users/${id}`).set('Cookie', admin.cookie)).body.active).toBe(false);
    await write('patch', `/api/users/${id}`).send({ active: true }).expect(200);

    const entries = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'detail', 'actor'])
      .where('target', '=', `user/${id}`)
      .orderBy('id')
      .execute();
    expect(entries.map((e) => e.action)).toEqual([
      'user.create',
      'user.reset-link',
      'user.role-change',
      'user.scope-change',
      'user.disable',
      'user.enable',
    ]);
    expect(JSON.parse(entries[2]!.detail!)).toEqual({ from: 'curator', to: 'contact_point' });
    expect(entries.every((e) => e.actor === 'secretariat@observatory.eu')).toBe(true);
  });

  it('explains bad input: duplicate email, unknown or aggregate geo, contact point without geo, short body', async () => {
    expect(
      (await write('post', '/api/users').send({ email: 'nl@politie.nl', role: 'curator' }).expect(409)).body.error
        .message,
    ).toContain('already exists');
    expect(
      (
        await write('post', '/api/users')
          .send({ email: 'a@b.eu', role: 'contact_point', geos: ['EU27_2020'] })
          .expect(400)
      ).body.error.message,
    ).toContain('EU27_2020');
    expect(
      (await write('post', '/api/users').send({ email: 'a@b.eu', role: 'contact_point' }).expect(400)).body.error
        .message,
    ).toContain('at least one geo');
    expect(
      (await write('post', '/api/users').send({ email: 'not-an-email', role: 'curator' }).expect(400)).body.error
        .message,
    ).toContain('email');
    expect(
      (await write('post', '/api/users').send({ email: 'a@b.eu', role: 'admin' }).expect(400)).body.error.message,
    ).toContain('role');
    await write('patch', '/api/users/999').send({ role: 'curator' }).expect(404);
  });

  it('never leaves the deployment without an active secretariat', async () => {
    const me = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'secretariat@observatory.eu')
      .executeTakeFirstOrThrow();
    const res = await write('patch', `/api/users/${me.id}`).send({ role: 'curator' }).expect(409);
    expect(res.body.error.message).toContain('last active secretariat');
    await write('delete', `/api/users/${me.id}`).expect(409);
  });

  it('a role change takes effect on the next request of a signed-in user', async () => {
    const nl = await signIn(app(), 'nl@politie.nl');
    await request(app()).get('/api/users').set('Cookie', nl.cookie).expect(403);
    const user = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'nl@politie.nl')
      .executeTakeFirstOrThrow();
    await write('patch', `/api/users/${user.id}`).send({ role: 'secretariat' }).expect(200);
    await request(app()).get('/api/users').set('Cookie', nl.cookie).expect(200);
  });
});
