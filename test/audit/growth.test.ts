import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THROTTLED_FAMILY } from '../../server/accounts/login';
import { ADDRESS_MAX_FAILURES } from '../../server/accounts/login-limiter';
import { countRefusal, pruneRefusals } from '../../server/audit/refusal.repository';
import { createApp } from '../../server/app/compose';
import { addUser, signIn } from '../accounts/fixture';
import { seededDatabase, type TestDatabase } from '../helpers/database';

/** Issue 15, F7: anonymous floods cannot grow the append-only audit log; what matters is still recorded one by one. */
let database: TestDatabase;
let app: Express;
beforeAll(async () => {
  database = await seededDatabase();
  app = createApp({ db: database.db, clientDir: '/nonexistent' });
  await addUser(database.db, 'nl@politie.nl', 'contact_point', ['NL']);
  await addUser(database.db, 'sec@observatory.eu', 'secretariat');
});
afterAll(async () => database.dispose());

const auditRows = async () =>
  Number(
    (
      await database.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const refusalRows = () => database.db.selectFrom('audit_refusals').selectAll().execute();

describe('audit growth', () => {
  it('counts refused anonymous requests per address, route family and minute instead of a row each', async () => {
    const before = await auditRows();
    const routes = [
      () => request(app).post('/api/submissions?geo=NL').type('text/csv').send('geo,indicator,period,value\n'),
      () => request(app).post('/api/import-profiles').send({ name: 'x' }),
      () => request(app).delete('/api/import-profiles/anything'),
    ];
    for (let i = 0; i < 100; i++) for (const send of routes) expect((await send()).status).toBe(401);
    expect(await auditRows()).toBe(before);
    const rows = await refusalRows();
    expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(300);
    expect(new Set(rows.map((r) => r.family))).toEqual(
      new Set(['POST /api/submissions', 'POST /api/import-profiles', 'DELETE /api/import-profiles/:name']),
    );
    // At most one row per family and minute: the loop may straddle a minute boundary or two.
    expect(rows.length).toBeLessThanOrEqual(3 * 3);
  });

  it('still records each refusal of a signed-in user, and each sign-in attempt on an account', async () => {
    const nl = await signIn(app, 'nl@politie.nl');
    const before = await auditRows();
    for (let i = 0; i < 3; i++) {
      const res = await request(app)
        .post('/api/import-profiles')
        .set('Cookie', nl.cookie)
        .set('X-CSRF-Token', nl.csrfToken)
        .send({ name: `de-profile-${i}`, geo: 'DE', shape: 'long' });
      expect(res.status).toBe(403);
    }
    const denied = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', before)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.filter((r) => r.actor === 'nl@politie.nl' && r.action === 'import-profile.create')).toHaveLength(3);
  });

  it('records failed sign-ins one by one, and counts those refused once the address is throttled', async () => {
    const guesser = '203.0.113.9';
    const signInFrom = () =>
      request(createApp({ db: database.db, clientDir: '/nonexistent', config: { TRUST_PROXY: true } }))
        .post('/api/session')
        .set('X-Forwarded-For', guesser)
        .send({ email: 'nl@politie.nl', password: 'a wrong passphrase!' });
    for (let i = 0; i < ADDRESS_MAX_FAILURES; i++) expect((await signInFrom()).status).toBeOneOf([401, 429]);
    const failed = await database.db
      .selectFrom('audit_log')
      .select('id')
      .where('ip', '=', guesser)
      .where('action', '=', 'session.login-failed')
      .execute();
    expect(failed).toHaveLength(ADDRESS_MAX_FAILURES);
    const before = await auditRows();
    for (let i = 0; i < 50; i++) expect((await signInFrom()).status).toBe(429);
    expect(await auditRows()).toBe(before);
    const throttled = (await refusalRows()).filter((r) => r.ip === guesser && r.family === THROTTLED_FAMILY);
    expect(throttled.reduce((sum, r) => sum + r.count, 0)).toBe(50);
  });

  it('keeps aggregated rows for the retention, and exports them as CSV for the secretariat', async () => {
    const old = new Date(Date.now() - 120 * 86_400_000);
    await countRefusal(database.db, '198.51.100.7', 'POST /api/submissions', old);
    await countRefusal(database.db, '198.51.100.7', 'POST /api/submissions', old);
    const sec = await signIn(app, 'sec@observatory.eu');
    const listed = await request(app).get('/api/audit/refusals?ip=198.51.100.7').set('Cookie', sec.cookie);
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual([
      expect.objectContaining({ ip: '198.51.100.7', family: 'POST /api/submissions', count: 2 }),
    ]);
    expect(listed.body.meta).toMatchObject({ total: 1, refusals: 2, retentionDays: 90 });
    const csv = await request(app).get('/api/audit/refusals?format=csv').set('Cookie', sec.cookie);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split('\n')[0]).toBe('minute,ip,family,count,firstAt,lastAt');
    expect(csv.text).toContain('198.51.100.7,POST /api/submissions,2,');

    expect(await pruneRefusals(database.db)).toBe(1);
    expect((await refusalRows()).some((r) => r.ip === '198.51.100.7')).toBe(false);
    expect(await auditRows()).toBeGreaterThan(0);
  });
});
