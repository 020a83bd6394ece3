import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../server/http/actor';
import {
  ADDRESS_MAX_FAILURES,
  ADDRESS_WINDOW_MS,
  admitSignIn,
  ATTEMPT_ACTION,
} from '../../server/accounts/login-limiter';
import { appendAudit } from '../../server/audit/audit.repository';
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from '../../server/accounts/login';
import { addUser, expectNoSecretsLeaked, PASSWORD, recordedApp, signIn, storedSecrets } from './fixture';
import { useSeededApp, useTestDatabases } from '../helpers/context';

const ctx = useSeededApp();
const databases = useTestDatabases();
let recorded: ReturnType<typeof recordedApp>;
const app = () => recorded.app;

beforeAll(async () => {
  recorded = recordedApp({ db: ctx.db });
  await addUser(ctx.db, 'secretariat@observatory.eu', 'secretariat');
  await addUser(ctx.db, 'nl@politie.nl', 'contact_point', ['NL']);
});
afterAll(async () => {
  expectNoSecretsLeaked(recorded.responses, await storedSecrets(ctx.db), [PASSWORD], []);
});

async function auditActions(target?: string): Promise<string[]> {
  let query = ctx.db.selectFrom('audit_log').select('action').orderBy('id');
  if (target) query = query.where('target', '=', target);
  return (await query.execute()).map((r) => r.action);
}

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and answers who is signed in with a CSRF token', async () => {
    const res = await request(app())
      .post('/api/session')
      .send({ email: 'NL@politie.nl', password: PASSWORD })
      .expect(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^observatory_session=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.user).toMatchObject({ email: 'nl@politie.nl', role: 'contact_point', geos: ['NL'] });
    expect(res.body.user).not.toHaveProperty('password_hash');
    const me = await request(app()).get('/api/session').set('Cookie', cookie.split(';')[0]!).expect(200);
    expect(me.body).toMatchObject({ via: 'session', user: { email: 'nl@politie.nl' }, csrfToken: res.body.csrfToken });
  });

  it('marks the cookie Secure when served over HTTPS through a trusted proxy', async () => {
    const proxied = recordedApp({ db: ctx.db, config: { TRUST_PROXY: 1 } });
    const res = await request(proxied.app)
      .post('/api/session')
      .set('X-Forwarded-Proto', 'https')
      .send({ email: 'nl@politie.nl', password: PASSWORD })
      .expect(200);
    expect(String(res.headers['set-cookie'])).toContain('; Secure');
  });

  it('answers the public with no user and no CSRF token', async () => {
    const res = await request(app()).get('/api/session').expect(200);
    expect(res.body).toEqual({ user: null, via: null, csrfToken: null, expiresAt: null });
  });

  it('gives a new session id at every sign-in and ends the one the browser carried', async () => {
    const first = await signIn(app(), 'nl@politie.nl');
    const second = await signIn(app(), 'nl@politie.nl', PASSWORD, first);
    expect(second.sessionId).not.toBe(first.sessionId);
    const old = await request(app()).get('/api/session').set('Cookie', first.cookie).expect(200);
    expect(old.body.user).toBeNull();
    const current = await request(app()).get('/api/session').set('Cookie', second.cookie).expect(200);
    expect(current.body.user.email).toBe('nl@politie.nl');
  });

  it('refuses a wrong password or unknown email with the same answer, and audits both', async () => {
    const wrong = await request(app())
      .post('/api/session')
      .send({ email: 'secretariat@observatory.eu', password: 'not the password' })
      .expect(401);
    const unknown = await request(app())
      .post('/api/session')
      .send({ email: 'nobody@observatory.eu', password: PASSWORD })
      .expect(401);
    expect(wrong.body.error).toEqual(unknown.body.error);
    const failures = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'session.login-failed')
      .execute();
    expect(failures.map((f) => JSON.parse(f.detail!).reason)).toEqual(
      expect.arrayContaining(['wrong-password', 'unknown-email']),
    );
    expect(failures.every((f) => f.outcome === 'denied' && f.ip !== '')).toBe(true);
  });

  it('signs out: the session ends, the cookie is cleared, and the sign-out is audited', async () => {
    const session = await signIn(app(), 'nl@politie.nl');
    const res = await request(app())
      .delete('/api/session')
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', session.csrfToken)
      .expect(200);
    expect(String(res.headers['set-cookie'])).toMatch(/observatory_session=;.*Max-Age=0/);
    const after = await request(app()).get('/api/session').set('Cookie', session.cookie).expect(200);
    expect(after.body.user).toBeNull();
    expect(await auditActions()).toContain('session.logout');
  });
});

describe('CSRF protection', () => {
  it('refuses a cookie-authenticated write without the token, or with a wrong one, and audits the refusal', async () => {
    const session = await signIn(app(), 'secretariat@observatory.eu');
    const body = { email: 'new@observatory.eu', role: 'curator' };
    const missing = await request(app()).post('/api/users').set('Cookie', session.cookie).send(body).expect(403);
    expect(missing.body.error.code).toBe('csrf-token-invalid');
    const wrong = await request(app())
      .post('/api/users')
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', 'x'.repeat(43))
      .send(body)
      .expect(403);
    expect(wrong.body.error.code).toBe('csrf-token-invalid');
    expect(
      await ctx.db.selectFrom('users').select('id').where('email', '=', 'new@observatory.eu').executeTakeFirst(),
    ).toBeUndefined();
    const refusals = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.create')
      .where('outcome', '=', 'denied')
      .execute();
    expect(refusals).toHaveLength(2);
    expect(refusals[0]).toMatchObject({ actor: 'secretariat@observatory.eu', target: 'user' });
    await request(app())
      .post('/api/users')
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', session.csrfToken)
      .send(body)
      .expect(200);
  });

  it('does not ask for a token on reads', async () => {
    const session = await signIn(app(), 'secretariat@observatory.eu');
    await request(app()).get('/api/users').set('Cookie', session.cookie).expect(200);
  });
});

describe('lockout', () => {
  it(`locks an account for ${LOCKOUT_MINUTES} minutes after ${MAX_FAILED_LOGINS} wrong passwords, even against the right one`, async () => {
    await addUser(ctx.db, 'target@observatory.eu', 'curator');
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      await request(app())
        .post('/api/session')
        .send({ email: 'target@observatory.eu', password: `wrong guess ${i}` })
        .expect(401);
    }
    await request(app())
      .post('/api/session')
      .send({ email: 'target@observatory.eu', password: 'wrong guess last' })
      .expect(401);
    const locked = await request(app())
      .post('/api/session')
      .send({ email: 'target@observatory.eu', password: PASSWORD })
      .expect(429);
    expect(locked.body.error.message).toContain('locked until');
    expect(locked.body.error.details.retryAfterSeconds).toBeGreaterThan((LOCKOUT_MINUTES - 1) * 60);
    expect(Number(locked.headers['retry-after'])).toBe(locked.body.error.details.retryAfterSeconds);
    const user = await ctx.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'target@observatory.eu')
      .executeTakeFirstOrThrow();
    expect(Date.parse(user.locked_until!)).toBeGreaterThan(Date.now() + (LOCKOUT_MINUTES - 1) * 60_000);
    expect(await auditActions(`user/${user.id}`)).toEqual(expect.arrayContaining(['session.lockout']));
    // Once the lock has passed, the right password works and the count starts afresh.
    await ctx.db
      .updateTable('users')
      .set({ locked_until: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', user.id)
      .execute();
    await signIn(app(), 'target@observatory.eu');
  });

  it('slows down one address guessing across many accounts, counting attempts every server process recorded', async () => {
    // Its own database: the attempts stay in the audit log, where the limiter counts them.
    const own = await databases.seeded();
    await addUser(own.db, 'nl@politie.nl', 'contact_point', ['NL']);
    const app = recordedApp({ db: own.db, config: { TRUST_PROXY: 1 } }).app;
    const signInFrom = (address: string, email: string, password: string) =>
      request(app).post('/api/session').set('X-Forwarded-For', address).send({ email, password });
    const now = Date.now();
    // What one failed sign-in leaves in the audit log, recorded here as another process would.
    const failedSignIn = async (address: string, msAgo: number) => {
      const at = new Date(now - msAgo);
      await appendAudit(own.db, {
        actor: ANONYMOUS,
        ip: address,
        action: ATTEMPT_ACTION,
        detail: { email: 'x@y.eu' },
        at,
      });
      await appendAudit(own.db, {
        actor: ANONYMOUS,
        ip: address,
        action: 'session.login-failed',
        outcome: 'denied',
        at,
      });
    };
    // 19 failures within the window; 50 older ones have left it.
    for (let i = 0; i < ADDRESS_MAX_FAILURES - 1; i++) await failedSignIn('198.51.100.7', 60_000 + i * 1000);
    for (let i = 0; i < 50; i++) await failedSignIn('198.51.100.7', ADDRESS_WINDOW_MS + 1000 + i);
    await signInFrom('198.51.100.7', 'nobody@observatory.eu', 'guess guess guess').expect(401);
    const throttled = await signInFrom('198.51.100.7', 'nl@politie.nl', PASSWORD).expect(429);
    expect(throttled.body.error.code).toBe('too-many-attempts');
    // It may try again once the oldest of the 20 failures leaves the window (about 14 minutes).
    const wait = throttled.body.error.details.retryAfterSeconds * 1000;
    expect(wait).toBeGreaterThan(ADDRESS_WINDOW_MS - 80_000);
    expect(wait).toBeLessThanOrEqual(ADDRESS_WINDOW_MS - 78_000);
    // Refused attempts do not extend the wait: a client that waits as told is let in.
    await signInFrom('198.51.100.7', 'nl@politie.nl', PASSWORD).expect(429);
    expect(await admitSignIn(own.db, '198.51.100.7', 'nl@politie.nl', new Date(Date.now() + wait))).toBe(0);
    // Another address is not slowed down, and a success gives its attempt back.
    await signInFrom('203.0.113.9', 'nl@politie.nl', PASSWORD).expect(200);

    // Many guesses sent at once: recording before counting lets at most the allowance through to
    // the password check (how many exactly depends on how the engine interleaves the requests).
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signInFrom('192.0.2.44', `nobody${i}@observatory.eu`, 'guess guess guess')),
    );
    const checked = burst.filter((r) => r.status === 401).length;
    expect(checked).toBeLessThanOrEqual(ADDRESS_MAX_FAILURES);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(30 - checked);
  });
});

describe('changing and resetting passwords', () => {
  it('changes your own password with the current one; the old one stops working', async () => {
    await addUser(ctx.db, 'changer@observatory.eu', 'curator');
    const session = await signIn(app(), 'changer@observatory.eu');
    const newPassword = 'another long passphrase';
    await request(app())
      .post('/api/session/password')
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', session.csrfToken)
      .send({ currentPassword: 'not it at all', newPassword })
      .expect(400);
    const changed = await request(app())
      .post('/api/session/password')
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', session.csrfToken)
      .send({ currentPassword: PASSWORD, newPassword })
      .expect(200);
    expect(String(changed.headers['set-cookie'])).not.toContain(session.sessionId);
    expect((await request(app()).get('/api/session').set('Cookie', session.cookie)).body.user).toBeNull();
    await request(app()).post('/api/session').send({ email: 'changer@observatory.eu', password: PASSWORD }).expect(401);
    await signIn(app(), 'changer@observatory.eu', newPassword);
  });

  it('sets a password through a one-time link the secretariat issues; the link works once', async () => {
    const admin = await signIn(app(), 'secretariat@observatory.eu');
    const created = await request(app())
      .post('/api/users')
      .set('Cookie', admin.cookie)
      .set('X-CSRF-Token', admin.csrfToken)
      .send({ email: 'be@police.be', role: 'contact_point', geos: ['BE'] })
      .expect(200);
    expect(created.body.user.hasPassword).toBe(false);
    const token = new URL(created.body.setPasswordLink).hash.replace('#token=', '');
    const short = await request(app()).post('/api/password-reset').send({ token, password: 'short' }).expect(400);
    expect(short.body.error.message).toContain('at least 12 characters');
    await request(app()).post('/api/password-reset').send({ token, password: 'belgian passphrase 2026' }).expect(200);
    const again = await request(app())
      .post('/api/password-reset')
      .send({ token, password: 'another passphrase 2026' })
      .expect(400);
    expect(again.body.error.code).toBe('invalid-reset-link');
    await signIn(app(), 'be@police.be', 'belgian passphrase 2026');
  });

  it('refuses an expired link, and an older link once a newer one is issued', async () => {
    const admin = await signIn(app(), 'secretariat@observatory.eu');
    const user = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'nl@politie.nl')
      .executeTakeFirstOrThrow();
    const issue = async () => {
      const res = await request(app())
        .post(`/api/users/${user.id}/reset-link`)
        .set('Cookie', admin.cookie)
        .set('X-CSRF-Token', admin.csrfToken)
        .send({})
        .expect(200);
      return new URL(res.body.link).hash.replace('#token=', '');
    };
    const older = await issue();
    const newer = await issue();
    await request(app())
      .post('/api/password-reset')
      .send({ token: older, password: 'dutch passphrase 2026' })
      .expect(400);
    await ctx.db
      .updateTable('password_resets')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('used_at', 'is', null)
      .execute();
    await request(app())
      .post('/api/password-reset')
      .send({ token: newer, password: 'dutch passphrase 2026' })
      .expect(400);
  });
});
