import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THROTTLED_FAMILY } from '../../server/accounts/login';
import { ADDRESS_MAX_FAILURES } from '../../server/accounts/login-limiter';
import { countRefusal, pruneRefusals } from '../../server/audit/refusal.repository';
import { createApp } from '../../server/app/compose';
import { RATE_LIMITED_SUFFIX, RefusalLimiter } from '../../server/audit/refusal-limiter';
import { addUser, signIn } from '../accounts/fixture';
import { seededDatabase, type TestDatabase } from '../helpers/database';

/** Issue 15, F7: anonymous floods cannot grow the append-only audit log; what matters is still recorded one by one. */
let database: TestDatabase;
let app: Express;
beforeAll(async () => {
  database = await seededDatabase();
  // Above the 100 refusals per route the aggregation test sends: the rate limit has its own test.
  app = createApp({ db: database.db, clientDir: '/nonexistent', config: { ANONYMOUS_REFUSALS_PER_MINUTE: 1000 } });
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

  it('rate-limits refused anonymous requests per address and route family, with 429 and Retry-After', async () => {
    const limiter = new RefusalLimiter(database.db, 5, 90);
    const limited = createApp({
      db: database.db,
      clientDir: '/nonexistent',
      config: { TRUST_PROXY: true, ANONYMOUS_REFUSALS_PER_MINUTE: 5 },
      refusalLimiter: limiter,
    });
    const flooder = '192.0.2.44';
    const upload = (ip: string) =>
      request(limited).post('/api/submissions?geo=NL').set('X-Forwarded-For', ip).type('text/csv').send('geo\n');
    const before = await auditRows();
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 12; i++) {
      last = await upload(flooder);
      statuses.push(last.status);
    }
    // The 5 refusals of a minute, then 429: a run may straddle one minute boundary, which allows 5 more.
    const refused = statuses.filter((s) => s === 401).length;
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    expect(refused === 5 || refused === 10).toBe(true);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(last!.status).toBe(429);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(last!.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(last!.body.error).toMatchObject({ status: 429, code: 'too-many-refusals' });
    expect(last!.body.error.message).toMatch(/refused more than 5 times this minute.*Wait \d+ seconds?, then sign in/);
    const dutch = await request(limited).post('/api/submissions?geo=NL&lang=nl').set('X-Forwarded-For', flooder);
    expect(dutch.status).toBe(429);
    expect(dutch.body.error.message).toMatch(/meer dan 5 keer geweigerd/);
    // Another address, and another route family from the same address, are not limited.
    expect((await upload('192.0.2.45')).status).toBe(401);
    const profile = await request(limited).post('/api/import-profiles').set('X-Forwarded-For', flooder).send({});
    expect(profile.status).toBe(401);
    // A signed-in user at the same address acts as usual, and each refusal is still recorded on its own.
    const nl = await signIn(limited, 'nl@politie.nl');
    const own = await request(limited)
      .post('/api/import-profiles')
      .set('X-Forwarded-For', flooder)
      .set('Cookie', nl.cookie)
      .set('X-CSRF-Token', nl.csrfToken)
      .send({ name: 'de-limited', geo: 'DE', shape: 'long' });
    expect(own.status).toBe(403);
    expect(await auditRows()).toBeGreaterThan(before);
    // The limited answers are written once, as one row of the minute with their count.
    await limiter.flush();
    const rows = (await refusalRows()).filter((r) => r.ip === flooder);
    const count = (family: string) => rows.filter((r) => r.family === family).reduce((n, r) => n + r.count, 0);
    expect(count('POST /api/submissions')).toBe(refused);
    // The 12 requests of the loop, and the one in Dutch.
    expect(count(`POST /api/submissions${RATE_LIMITED_SUFFIX}`)).toBe(13 - refused);
    expect(count('POST /api/import-profiles')).toBe(1);
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
