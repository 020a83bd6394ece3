import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../server/http/actor';
import { auditAction } from '../../server/audit/audit.action';
import type { AnyRoute } from '../../server/http/route';
import { apiRoutes } from '../../server/app/compose';
import {
  actorFor,
  addUser,
  expectNoSecretsLeaked,
  PASSWORD,
  type RecordedResponse,
  recordedApp,
  storedSecrets,
} from './fixture';
import { expectedAllowed, Fixtures, type RequestSpec, ROUTE_RULES, type Rule } from './route-expectations';
import { useSeededApp } from '../helpers/context';
import type { Express } from 'express';

const IN_SCOPE = 'NL';
const OUT_OF_SCOPE = 'DE';
const CALLERS: (Role | 'public')[] = ['public', 'contact_point', 'curator', 'secretariat'];
/** The refusals authorise.ts gives; a handler's own 403 for another reason is not an access denial. */
const DENIALS = new Set(['401 unauthenticated', '403 forbidden', '403 geo-not-yours']);

const keyOf = (route: AnyRoute) => `${route.method.toUpperCase()} ${route.path}`;

const ctx = useSeededApp();
let current: Actor = { kind: 'anonymous' };
let app: Express;
let responses: RecordedResponse[];
let fixtures: Fixtures;
const actors = new Map<Role | 'public', Actor>();

beforeAll(async () => {
  const db = ctx.db;
  actors.set('public', { kind: 'anonymous' });
  actors.set('contact_point', actorFor(await addUser(db, 'cp-nl@politie.nl', 'contact_point', [IN_SCOPE])));
  actors.set('curator', actorFor(await addUser(db, 'curator@observatory.eu', 'curator')));
  const secretariat = actorFor(await addUser(db, 'secretariat@observatory.eu', 'secretariat'));
  actors.set('secretariat', secretariat);
  await addUser(db, 'matrix-login@observatory.eu', 'curator');
  ({ app, responses } = recordedApp({ db, resolveActor: () => current }));
  const admin = ctx.as(secretariat);
  let n = 0;
  fixtures = new Fixtures(admin, {
    target: async () => (await addUser(db, `target-${++n}@observatory.eu`, 'curator', [], undefined)).id,
  });
});
afterAll(async () => {
  // Every answer of every route to every caller: no password, hash or session id, and each token only in its issuing answer.
  const issued = responses
    .filter((r) => r.method === 'POST' && r.url === '/api/tokens' && r.status === 200)
    .map((r) => JSON.parse(r.body).token as string);
  expectNoSecretsLeaked(responses, await storedSecrets(ctx.db), [PASSWORD, 'a long enough passphrase'], issued);
});

function send(route: AnyRoute, spec: RequestSpec): request.Test {
  const url = route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = spec.params?.[name];
    if (value === undefined) throw new Error(`${keyOf(route)}: the sample gives no value for :${name}`);
    return encodeURIComponent(String(value));
  });
  let req = request(app)[route.method](url);
  if (spec.query) req = req.query(spec.query);
  if (spec.csv !== undefined) return req.type('text/csv').send(spec.csv);
  return spec.body === undefined ? req : req.send(spec.body as object);
}

/** Refusals of the public are counted per address, route family and minute (issue 15), not logged one by one. */
const refusalCount = async (family: string) =>
  Number(
    (
      await ctx.db
        .selectFrom('audit_refusals')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('count'), eb.lit(0)).as('n'))
        .where('family', '=', family)
        .executeTakeFirstOrThrow()
    ).n,
  );
const auditCount = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the authorisation matrix', () => {
  it('has a rule for every route in the router, and no rule for a route that does not exist', () => {
    const routes = apiRoutes.map(keyOf);
    expect(
      routes.filter((k) => !(k in ROUTE_RULES)),
      'routes without a rule in test/accounts/route-expectations.ts',
    ).toEqual([]);
    expect(
      Object.keys(ROUTE_RULES).filter((k) => !routes.includes(k)),
      'rules for routes that no longer exist',
    ).toEqual([]);
  });

  it("matches each route's declared access to its rule", () => {
    for (const route of apiRoutes) {
      const rule = ROUTE_RULES[keyOf(route)];
      if (!rule) continue;
      const declared = route.access;
      const expected = rule.kind === 'scoped' ? 'geo-scoped' : rule.kind;
      expect(declared.kind, keyOf(route)).toBe(expected);
      if (declared.kind !== 'public' && rule.kind !== 'public')
        expect([...declared.roles].sort(), keyOf(route)).toEqual([...rule.roles].sort());
    }
  });

  for (const route of apiRoutes) {
    const rule: Rule | undefined = ROUTE_RULES[keyOf(route)];
    if (!rule) continue;
    it(`${keyOf(route)}: every role, in and out of scope`, async () => {
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const caller of CALLERS) {
        for (const inScope of [true, false]) {
          const spec = rule.sample ? await rule.sample(inScope ? IN_SCOPE : OUT_OF_SCOPE, fixtures) : {};
          current = actors.get(caller)!;
          const before = await auditCount();
          const family = `${route.method.toUpperCase()} ${route.path}`;
          const refusalsBefore = await refusalCount(family);
          const res = await send(route, spec);
          const label = `${caller} ${inScope ? 'in scope' : 'out of scope'}`;
          expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
          const denied = DENIALS.has(`${res.status} ${res.body?.error?.code}`);
          outcomes.push(`${label}: ${denied ? 'denied' : 'allowed'}`);
          expected.push(`${label}: ${expectedAllowed(rule, caller, inScope) ? 'allowed' : 'denied'}`);
          if (route.method === 'get') continue;
          const written = await ctx.db
            .selectFrom('audit_log')
            .selectAll()
            .orderBy('id')
            .offset(before)
            .limit(100)
            .execute();
          if (denied && caller === 'public') {
            expect(await refusalCount(family), `${label}: the refusal is counted`).toBe(refusalsBefore + 1);
          } else if (denied) {
            expect(
              written.map((e) => `${e.action} ${e.outcome}`),
              `${label}: the refusal is audited`,
            ).toContain(`${auditAction(route)} denied`);
          } else if (res.status < 300 && rule.writesWhenOk !== false) {
            expect(written.filter((e) => e.outcome === 'ok').length, `${label}: the write is audited`).toBeGreaterThan(
              0,
            );
          }
        }
      }
      expect(outcomes).toEqual(expected);
    });
  }
});
