import express from 'express';
import { z } from 'zod';
import { sql } from 'kysely';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS } from '../../server/http/actor';
import { auditAction, deriveAction } from '../../server/audit/audit.action';
import { appendAudit } from '../../server/audit/audit.repository';
import * as auditRepository from '../../server/audit/audit.repository';
import { badRequest } from '../../server/http/errors';
import { auditHooks } from '../../server/app/compose';
import { defaultConfig } from '../../server/config/config';
import { errorHandler, mountRoutes } from '../../server/http/mount';
import { type AnyRoute, defineRoute } from '../../server/http/route';
import { addUser, recordedApp, type SignedIn, signIn } from '../accounts/fixture';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp();

const entries = () => ctx.db.selectFrom('audit_log').selectAll().orderBy('id').execute();

describe('default audit actions', () => {
  it('are derived from method and path', () => {
    expect(deriveAction('post', '/api/submissions/:id/commit')).toBe('submission.commit');
    expect(deriveAction('post', '/api/submissions')).toBe('submission.create');
    expect(deriveAction('put', '/api/import-profiles/:name')).toBe('import-profile.update');
    expect(deriveAction('delete', '/api/practices/:id')).toBe('practice.delete');
    expect(deriveAction('post', '/api/practices/:id/evaluations')).toBe('practice.evaluation.create');
    expect(deriveAction('patch', '/api/categories/:code')).toBe('category.update');
    expect(deriveAction('post', '/api/submissions/:id/withdraw')).toBe('submission.withdraw');
    const upload = { method: 'post', path: '/api/submissions', upload: { maxBytes: () => 1 } } as unknown as AnyRoute;
    expect(auditAction(upload)).toBe('submission.upload');
    expect(auditAction({ ...upload, audit: 'submission.receive' })).toBe('submission.receive');
  });
});

describe('the generic audit hook around every route', () => {
  const nl: Actor = { kind: 'user', id: 41, email: 'nl@politie.nl', role: 'contact_point', geos: ['NL'], via: 'token' };
  const routes: AnyRoute[] = [
    defineRoute({
      method: 'post',
      path: '/api/widgets',
      tag: 't',
      summary: 't',
      access: { kind: 'roles', roles: ['contact_point'] },
      handler: () => ({ id: 12 }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/widgets/:geo/:id/polish',
      tag: 't',
      summary: 't',
      params: z.object({ geo: z.string(), id: z.string() }),
      access: { kind: 'geo-scoped', roles: ['contact_point'], geos: (ctx) => [(ctx.params as { geo: string }).geo] },
      handler: () => ({ polished: true }),
    }),
    defineRoute({
      method: 'put',
      path: '/api/gadgets/:id',
      tag: 't',
      summary: 't',
      access: { kind: 'public' },
      audit: 'gadget.tune',
      handler: () => 'ok',
    }),
    defineRoute({
      method: 'post',
      path: '/api/broken',
      tag: 't',
      summary: 't',
      access: { kind: 'public' },
      handler: () => {
        throw badRequest('no');
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/widgets',
      tag: 't',
      summary: 't',
      access: { kind: 'public' },
      handler: () => [],
    }),
  ];
  let actor: Actor = nl;
  const app = express();
  app.use(express.json());
  const router = express.Router();
  app.use(router);
  app.use(errorHandler);

  it('records every successful write with actor, time, address, action and target; reads and failures are not writes', async () => {
    mountRoutes(router, routes, { db: ctx.db, config: defaultConfig(), resolveActor: () => actor, hooks: auditHooks });
    const before = (await entries()).length;
    const started = new Date().toISOString();
    await request(app).post('/api/widgets').send({}).expect(200);
    await request(app).post('/api/widgets/NL/7/polish').expect(200);
    actor = ANONYMOUS;
    await request(app).put('/api/gadgets/g1').expect(200);
    await request(app).post('/api/broken').expect(400);
    await request(app).get('/api/widgets').expect(200);
    const written = (await entries()).slice(before);
    expect(written.map((e) => [e.action, e.target, e.actor, e.actor_via, e.outcome])).toEqual([
      ['widget.create', 'widget/12', 'nl@politie.nl', 'token', 'ok'],
      ['widget.polish', 'widget/NL/7', 'nl@politie.nl', 'token', 'ok'],
      ['gadget.tune', 'gadget/g1', 'anonymous', 'anonymous', 'ok'],
    ]);
    expect(written[1]!.ip).toMatch(/127\.0\.0\.1/);
    expect(written[1]!.at >= started).toBe(true);
    expect(JSON.parse(written[1]!.detail!)).toEqual({ route: 'POST /api/widgets/:geo/:id/polish', geo: 'NL' });
  });

  it('records refused writes of signed-in users (403) as denied security events, and counts anonymous ones (401)', async () => {
    const before = (await entries()).length;
    actor = ANONYMOUS;
    await request(app).post('/api/widgets').send({}).expect(401);
    actor = nl;
    await request(app).post('/api/widgets/DE/7/polish').expect(403);
    const written = (await entries()).slice(before);
    expect(written.map((e) => [e.action, e.target, e.actor, e.outcome, JSON.parse(e.detail!).code])).toEqual([
      ['widget.polish', 'widget/DE/7', 'nl@politie.nl', 'denied', 'geo-not-yours'],
    ]);
    // Anonymous refusals are aggregated per address, route family and minute (issue 15).
    const counted = await ctx.db.selectFrom('audit_refusals').select(['family', 'count']).execute();
    expect(counted).toEqual([{ family: 'POST /api/widgets', count: 1 }]);
  });
});

describe('append-only', () => {
  it('has no update or delete path in code', () => {
    expect(Object.keys(auditRepository).sort()).toEqual(['appendAudit', 'listAudit']);
  });

  it('refuses UPDATE and DELETE in the database itself, and earlier entries never change', async () => {
    await appendAudit(ctx.db, { actor: ANONYMOUS, ip: '10.0.0.1', action: 'test.event', target: 'x/1' });
    const snapshot = await entries();
    await expect(ctx.db.updateTable('audit_log').set({ action: 'tampered' }).execute()).rejects.toThrow(/append-only/);
    await expect(ctx.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(sql`update audit_log set actor = 'someone else'`.execute(ctx.db)).rejects.toThrow(/append-only/);
    for (let i = 0; i < 3; i++)
      await appendAudit(ctx.db, { actor: ANONYMOUS, ip: '10.0.0.2', action: 'test.later', target: `x/${i}` });
    const after = await entries();
    expect(after.slice(0, snapshot.length)).toEqual(snapshot);
    expect(after).toHaveLength(snapshot.length + 3);
  });
});

describe('GET /api/audit', () => {
  let recorded: ReturnType<typeof recordedApp>;
  let admin: SignedIn;
  beforeAll(async () => {
    recorded = recordedApp({ db: ctx.db });
    await addUser(ctx.db, 'secretariat@observatory.eu', 'secretariat');
    await addUser(ctx.db, 'nl@politie.nl', 'contact_point', ['NL']);
    admin = await signIn(recorded.app, 'secretariat@observatory.eu');
    const at = (day: number) => new Date(Date.UTC(2026, 0, day, 12));
    for (let day = 1; day <= 5; day++) {
      await appendAudit(ctx.db, {
        actor: ANONYMOUS,
        ip: '10.1.1.1',
        action: day % 2 ? 'submission.commit' : 'submission.withdraw',
        target: `submission/${day}`,
        at: at(day),
      });
    }
  });
  const get = (query: string) => request(recorded.app).get(`/api/audit?${query}`).set('Cookie', admin.cookie);

  it('is for the secretariat only', async () => {
    await request(recorded.app).get('/api/audit').expect(401);
    const nl = await signIn(recorded.app, 'nl@politie.nl');
    await request(recorded.app).get('/api/audit').set('Cookie', nl.cookie).expect(403);
  });

  it('filters by action (exact or prefix), target, actor, outcome and time range, newest first', async () => {
    const commits = await get('action=submission.commit').expect(200);
    expect(commits.body.data.map((e: { target: string }) => e.target)).toEqual([
      'submission/5',
      'submission/3',
      'submission/1',
    ]);
    const january = await get('action=submission.*&from=2026-01-02&to=2026-01-04').expect(200);
    expect(january.body.data.map((e: { target: string }) => e.target)).toEqual([
      'submission/4',
      'submission/3',
      'submission/2',
    ]);
    expect((await get('target=submission/2').expect(200)).body.data).toHaveLength(1);
    const logins = await get('actor=secretariat@observatory.eu&action=session.login').expect(200);
    expect(logins.body.data[0]).toMatchObject({
      actor: 'secretariat@observatory.eu',
      via: 'session',
      action: 'session.login',
      outcome: 'ok',
    });
    expect(logins.body.data[0].ip).not.toBe('');
    const denied = await get('outcome=denied').expect(200);
    expect(denied.body.data.length).toBeGreaterThan(0);
    expect(denied.body.data.every((e: { outcome: string }) => e.outcome === 'denied')).toBe(true);
  });

  it('pages with limit and offset and reports the total', async () => {
    const first = await get('action=submission.*&limit=2').expect(200);
    const second = await get('action=submission.*&limit=2&offset=2').expect(200);
    expect(first.body.meta).toMatchObject({ total: 5, limit: 2, offset: 0, count: 2 });
    expect([...first.body.data, ...second.body.data].map((e: { target: string }) => e.target)).toEqual([
      'submission/5',
      'submission/4',
      'submission/3',
      'submission/2',
    ]);
  });

  it('explains bad filters', async () => {
    expect((await get('from=yesterday').expect(400)).body.error.message).toContain('"from"');
    expect((await get('from=2026-02-01&to=2026-01-01').expect(400)).body.error.message).toContain('before');
    await get('limit=5000').expect(400);
  });
});
