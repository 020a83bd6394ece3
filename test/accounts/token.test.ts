import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, expectNoSecretsLeaked, PASSWORD, recordedApp, type SignedIn, signIn, storedSecrets } from './fixture';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp();
let recorded: ReturnType<typeof recordedApp>;
const app = () => recorded.app;
const issued: string[] = [];
let nl: SignedIn;
let admin: SignedIn;

beforeAll(async () => {
  recorded = recordedApp({ db: ctx.db });
  await addUser(ctx.db, 'secretariat@observatory.eu', 'secretariat');
  await addUser(ctx.db, 'nl@politie.nl', 'contact_point', ['NL']);
  await addUser(ctx.db, 'de@bka.de', 'contact_point', ['DE']);
  nl = await signIn(app(), 'nl@politie.nl');
  admin = await signIn(app(), 'secretariat@observatory.eu');
});
afterAll(async () => {
  expectNoSecretsLeaked(recorded.responses, await storedSecrets(ctx.db), [PASSWORD], issued);
});

async function issue(session: SignedIn, name: string): Promise<{ token: string; id: number }> {
  const res = await request(app())
    .post('/api/tokens')
    .set('Cookie', session.cookie)
    .set('X-CSRF-Token', session.csrfToken)
    .send({ name })
    .expect(200);
  issued.push(res.body.token);
  return res.body;
}

describe('API tokens', () => {
  it("are shown once, stored only as a hash, and act as their owner with the owner's geos", async () => {
    const { token, id } = await issue(nl, 'nightly upload');
    expect(token).toMatch(/^cpo_[\w-]{43}$/);
    const row = await ctx.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    const me = await request(app()).get('/api/session').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body).toMatchObject({ via: 'token', csrfToken: null, user: { email: 'nl@politie.nl', geos: ['NL'] } });
    const list = await request(app()).get('/api/tokens').set('Authorization', `Bearer ${token}`).expect(200);
    expect(list.body.data).toEqual([
      expect.objectContaining({ id, name: 'nightly upload', prefix: token.slice(0, 12), revokedAt: null }),
    ]);
    expect(list.body.data[0].lastUsedAt).not.toBeNull();
  });

  it('need no CSRF token for writes, but cannot mint more tokens or manage accounts', async () => {
    const { token } = await issue(nl, 'script');
    const res = await request(app())
      .post('/api/tokens')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: 'child' })
      .expect(403);
    expect(res.body.error.code).toBe('session-required');
    const refusal = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(refusal).toMatchObject({
      action: 'token.issue',
      outcome: 'denied',
      actor: 'nl@politie.nl',
      actor_via: 'token',
    });
    const adminToken = (await issue(admin, 'admin script')).token;
    const users = await request(app())
      .post('/api/users')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ email: 'x@observatory.eu', role: 'curator' })
      .expect(403);
    expect(users.body.error.code).toBe('session-required');
  });

  it('are refused once revoked, and the revocation is audited', async () => {
    const { token, id } = await issue(nl, 'to revoke');
    await request(app()).get('/api/tokens').set('Authorization', `Bearer ${token}`).expect(200);
    const revoked = await request(app())
      .delete(`/api/tokens/${id}`)
      .set('Cookie', nl.cookie)
      .set('X-CSRF-Token', nl.csrfToken)
      .expect(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const refused = await request(app()).get('/api/tokens').set('Authorization', `Bearer ${token}`).expect(401);
    expect(refused.body.error.code).toBe('invalid-token');
    // A refused token is not quietly treated as the public either.
    await request(app()).get('/api/geos').set('Authorization', `Bearer ${token}`).expect(401);
    const entries = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('target', '=', `token/${id}`)
      .orderBy('id')
      .execute();
    expect(entries).toEqual([
      { action: 'token.issue', actor: 'nl@politie.nl' },
      { action: 'token.revoke', actor: 'nl@politie.nl' },
    ]);
  });

  it('can be revoked by their owner or the secretariat, not by another contact point', async () => {
    const { id } = await issue(nl, 'shared');
    const de = await signIn(app(), 'de@bka.de');
    await request(app())
      .delete(`/api/tokens/${id}`)
      .set('Cookie', de.cookie)
      .set('X-CSRF-Token', de.csrfToken)
      .expect(404);
    const deList = await request(app()).get('/api/tokens').set('Cookie', de.cookie).expect(200);
    expect(deList.body.data).toEqual([]);
    await request(app())
      .delete(`/api/tokens/${id}`)
      .set('Cookie', admin.cookie)
      .set('X-CSRF-Token', admin.csrfToken)
      .expect(200);
    const all = await request(app()).get('/api/tokens').set('Cookie', admin.cookie).expect(200);
    expect(all.body.data.find((t: { id: number }) => t.id === id).revokedAt).not.toBeNull();
  });

  it('stop working when their owner is disabled, and expire', async () => {
    const { token, id } = await issue(nl, 'expiring');
    await ctx.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', id)
      .execute();
    await request(app()).get('/api/tokens').set('Authorization', `Bearer ${token}`).expect(401);
    const live = await issue(nl, 'live');
    const user = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'nl@politie.nl')
      .executeTakeFirstOrThrow();
    await request(app())
      .delete(`/api/users/${user.id}`)
      .set('Cookie', admin.cookie)
      .set('X-CSRF-Token', admin.csrfToken)
      .expect(200);
    await request(app()).get('/api/tokens').set('Authorization', `Bearer ${live.token}`).expect(401);
    expect((await request(app()).get('/api/session').set('Cookie', nl.cookie)).body.user).toBeNull();
  });
});
