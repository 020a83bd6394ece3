import type { Express } from 'express';
import request from 'supertest';
import { expect } from 'vitest';
import type { Role } from '../../server/http/actor';
import { readPracticeSeed } from '../../server/practices/practice.seed';
import { EMPACT_ROUTE_RULES } from '../empact/matrix-rules';

/**
 * Who may call each API route, keyed by "METHOD path". The matrix test fails when a route has no
 * entry here, or an entry names a route that no longer exists. To add a route:
 *   public                     anyone, signed in or not
 *   roles([...])               a signed-in user with one of the roles
 *   scoped([...], sample)      as roles, and contact points only for their own geos
 * A sample builds a real request for a geo (creating what it names, e.g. a submission for that geo),
 * so the in-scope (NL) and out-of-scope (DE) calls reach the route's own geo check.
 */
export type Sample = (geo: string, fx: Fixtures) => Promise<RequestSpec> | RequestSpec;

export interface RequestSpec {
  params?: Record<string, string | number>;
  query?: Record<string, string>;
  body?: unknown;
  /** A raw CSV upload instead of a JSON body. */
  csv?: string;
}

export type Rule =
  | { kind: 'public'; sample?: Sample; writesWhenOk?: boolean }
  | { kind: 'roles'; roles: Role[]; sample?: Sample; writesWhenOk?: boolean }
  | { kind: 'scoped'; roles: Role[]; scopedRoles: Role[]; sample: Sample; writesWhenOk?: boolean };

const ALL: Role[] = ['contact_point', 'curator', 'secretariat'];
const CONTACTS: Role[] = ['contact_point', 'secretariat'];
const CURATORS: Role[] = ['curator', 'secretariat'];
const SECRETARIAT: Role[] = ['secretariat'];

const open = (sample?: Sample, writesWhenOk?: boolean): Rule => ({ kind: 'public', sample, writesWhenOk });
const roles = (r: Role[], sample?: Sample): Rule => ({ kind: 'roles', roles: r, sample });
/** Contact points are held to their geos; curators and the secretariat act everywhere. */
const scoped = (r: Role[], sample: Sample): Rule => ({
  kind: 'scoped',
  roles: r,
  scopedRoles: ['contact_point'],
  sample,
});

let counter = 0;
const unique = (stem: string) => `${stem}-${Date.now().toString(36)}-${++counter}`;

export const csvFor = (geo: string, value = 100 + counter++) =>
  `geo,indicator,period,value,flags,note\n${geo},ICCS0101,2021,${value},,`;

export const profileFor = (geo: string, name = unique('profile').toLowerCase()) => ({
  name,
  geo,
  shape: 'long',
  columns: { geo: 'geo', indicator: 'indicator', period: 'period', value: 'value' },
});

export function practiceFor(geo: string) {
  const [seed] = readPracticeSeed();
  if (!seed) throw new Error('data/practices/entries holds no practice to copy');
  return { ...seed, slug: unique('matrix-practice').toLowerCase(), geos: [geo] };
}

/** Things a sample needs, created through the API by the secretariat. */
export class Fixtures {
  constructor(
    readonly admin: Express,
    readonly userIds: { target: () => Promise<number> },
  ) {}

  private async created(res: request.Response, what: string): Promise<request.Response> {
    expect(res.status, `creating ${what}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res;
  }

  async submission(geo: string): Promise<number> {
    const res = await request(this.admin).post(`/api/submissions?geo=${geo}`).type('text/csv').send(csvFor(geo));
    return (await this.created(res, `a ${geo} submission`)).body.submissionId;
  }

  async profile(geo: string): Promise<string> {
    const res = await request(this.admin).post('/api/import-profiles').send(profileFor(geo));
    return (await this.created(res, `a ${geo} profile`)).body.name;
  }

  async practice(geo: string): Promise<string> {
    const res = await request(this.admin).post('/api/practice-workbench').send(practiceFor(geo));
    return (await this.created(res, `a ${geo} practice`)).body.slug;
  }

  /** A round open today that asks NL and DE for ICCS0101 2024. */
  async round(): Promise<number> {
    const res = await request(this.admin).post('/api/rounds').send(roundFor());
    return (await this.created(res, 'a round')).body.id;
  }

  /** A round with a lock exception for `geo`, granted until tomorrow. */
  async lockException(geo: string): Promise<{ id: number; exceptionId: number }> {
    const id = await this.round();
    const res = await request(this.admin)
      .post(`/api/rounds/${id}/lock-exceptions`)
      .send({ geo, until: new Date(Date.now() + 86_400_000).toISOString(), reason: 'A late correction.' });
    return { id, exceptionId: (await this.created(res, 'a lock exception')).body.lockExceptions[0].id };
  }

  async token(): Promise<number> {
    const res = await request(this.admin)
      .post('/api/tokens')
      .send({ name: unique('token') });
    return (await this.created(res, 'a token')).body.id;
  }
}

export function roundFor(geos = ['NL', 'DE']) {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return {
    name: unique('Core indicators'),
    indicators: ['ICCS0101'],
    periods: ['2024'],
    geos,
    opensOn: day(0),
    dueOn: day(30),
    locksOn: day(60),
  };
}

const round: Sample = async (_geo, fx) => ({ params: { id: await fx.round() } });
const part: Sample = async (geo, fx) => ({ params: { id: await fx.round(), geo } });
const submission: Sample = async (geo, fx) => ({ params: { id: await fx.submission(geo) } });
const practice: Sample = async (geo, fx) => ({ params: { slug: await fx.practice(geo) } });
const targetUser: Sample = async (_geo, fx) => ({ params: { id: await fx.userIds.target() } });

export const ROUTE_RULES: Record<string, Rule> = {
  'GET /api/health': open(),
  'GET /api/openapi.json': open(),
  'GET /api/docs': open(),
  'GET /api/docs.css': open(),
  'GET /api/geos': open(),
  'GET /api/geos/:code': open(() => ({ params: { code: 'NL' } })),
  'GET /api/geos/:code/profile': open((geo) => ({ params: { code: geo } })),
  'GET /api/geos/:code/regions': open((geo) => ({ params: { code: geo }, query: { indicator: 'ICCS0401' } })),
  'GET /api/indicators': open(),
  'GET /api/indicators/:code': open(() => ({ params: { code: 'ICCS0101' } })),
  'GET /api/labels': open(),
  'GET /api/labels/:subject/:code/:locale/history': open(() => ({
    params: { subject: 'theme', code: 'drugs', locale: 'nl' },
  })),
  // A contact point reviews the languages of their countries (the matrix's contact point is NL's).
  'POST /api/labels/:subject/:code/:locale/review': roles(CONTACTS, () => ({
    params: { subject: 'theme', code: 'drugs', locale: 'nl' },
    body: { comment: 'checked' },
  })),
  'GET /api/observations': open(() => ({ query: { indicator: 'ICCS0101' } })),
  'GET /api/observations/history': open((geo) => ({ query: { geo, indicator: 'ICCS0101', period: '2019' } })),
  'GET /api/observations/sources': open((geo) => ({ query: { geo, indicator: 'ICCS0101', period: '2019' } })),
  'GET /api/sources': open(),
  'GET /api/compare': open(() => ({ query: { indicator: 'ICCS0101', period: '2019' } })),
  'GET /api/trends': open((geo) => ({ query: { indicator: 'ICCS0101', geo } })),
  'GET /api/alerts': open(),
  'GET /api/alerts/feed.atom': open((geo) => ({ query: { country: geo, theme: 'violent_crime' } })),

  'GET /api/practices': open(),
  'GET /api/practices/schema': open(),
  'GET /api/practices/export': open(),
  'GET /api/practices/:slug': open(practice),
  'GET /api/practice-workbench': roles(ALL),
  'POST /api/practice-workbench': scoped(ALL, (geo) => ({ body: practiceFor(geo) })),
  'POST /api/practice-workbench/import': roles(CURATORS, (geo) => ({
    body: { format: 'json', practices: [practiceFor(geo)] },
  })),
  'GET /api/practice-workbench/:slug': scoped(ALL, practice),
  'GET /api/practice-workbench/:slug/history': scoped(ALL, practice),
  'PUT /api/practice-workbench/:slug': scoped(ALL, async (geo, fx) => {
    const slug = await fx.practice(geo);
    return { params: { slug }, body: { ...practiceFor(geo), slug } };
  }),
  'POST /api/practice-workbench/:slug/submit': scoped(ALL, practice),
  'POST /api/practice-workbench/:slug/start-review': roles(CURATORS, practice),
  'POST /api/practice-workbench/:slug/publish': roles(CURATORS, practice),
  'POST /api/practice-workbench/:slug/return': roles(CURATORS, async (geo, fx) => ({
    params: { slug: await fx.practice(geo) },
    body: { comment: 'Please add an evaluation reference.' },
  })),
  'PUT /api/practice-workbench/:slug/rating-override': roles(CURATORS, practice),
  'DELETE /api/practice-workbench/:slug/rating-override': roles(CURATORS, practice),
  'PUT /api/practice-workbench/:slug/translations/:locale': roles(CURATORS, async (geo, fx) => ({
    params: { slug: await fx.practice(geo), locale: 'fr' },
    body: {
      title: 'Une pratique traduite',
      summary: 'Un résumé traduit, assez long pour être valable.',
      description: 'Une description traduite, assez longue pour être valable.',
    },
  })),
  'GET /api/practice-workbench/:slug/translations': roles(CURATORS, practice),

  'GET /api/submissions/template': scoped(CONTACTS, (geo) => ({ query: { geo } })),
  'GET /api/submissions': scoped(CONTACTS, (geo) => ({ query: { geo } })),
  'POST /api/submissions': scoped(CONTACTS, (geo) => ({ query: { geo }, csv: csvFor(geo) })),
  'GET /api/submissions/:id': scoped(CONTACTS, submission),
  'POST /api/submissions/:id/commit': scoped(CONTACTS, submission),
  'POST /api/submissions/:id/withdraw': scoped(CONTACTS, submission),
  'GET /api/import-profiles': roles(CONTACTS),
  'GET /api/import-profiles/:name': scoped(CONTACTS, async (geo, fx) => ({ params: { name: await fx.profile(geo) } })),
  'POST /api/import-profiles': scoped(CONTACTS, (geo) => ({ body: profileFor(geo) })),
  'PUT /api/import-profiles/:name': scoped(CONTACTS, async (geo, fx) => {
    const name = await fx.profile(geo);
    return { params: { name }, body: { ...profileFor(geo, name), description: 'edited' } };
  }),
  'DELETE /api/import-profiles/:name': scoped(CONTACTS, async (geo, fx) => ({
    params: { name: await fx.profile(geo) },
  })),
  'GET /api/approvals': roles(CONTACTS),
  'POST /api/submissions/:id/approve': roles(SECRETARIAT, submission),
  'POST /api/submissions/:id/reject': roles(SECRETARIAT, async (geo, fx) => ({
    ...(await submission(geo, fx)),
    body: { message: 'Please correct the 2021 figure.' },
  })),

  'GET /api/rounds': open(),
  'POST /api/rounds': roles(SECRETARIAT, () => ({ body: roundFor() })),
  'GET /api/rounds/:id': open(round),
  'PUT /api/rounds/:id': roles(SECRETARIAT, async (geo, fx) => ({ ...(await round(geo, fx)), body: roundFor() })),
  'GET /api/rounds/:id/completeness': open(round),
  'GET /api/rounds/:id/deliveries': open(round),
  'POST /api/rounds/:id/lock-exceptions': roles(SECRETARIAT, async (geo, fx) => ({
    ...(await round(geo, fx)),
    body: {
      geo,
      until: new Date(Date.now() + 86_400_000).toISOString(),
      reason: 'A late correction of the 2024 figure.',
    },
  })),
  'POST /api/rounds/:id/lock-exceptions/:exceptionId/revoke': roles(SECRETARIAT, async (geo, fx) => ({
    params: await fx.lockException(geo),
    body: { reason: 'The correction arrived; the round is closed again.' },
  })),
  'POST /api/rounds/reminders': roles(SECRETARIAT),
  'GET /api/round-parts': scoped(CONTACTS, (geo) => ({ query: { geo } })),
  'GET /api/rounds/:id/parts/:geo': scoped(CONTACTS, part),
  'GET /api/rounds/:id/parts/:geo/template': scoped(CONTACTS, part),
  'POST /api/rounds/:id/parts/:geo/complete': scoped(CONTACTS, part),
  'POST /api/rounds/:id/parts/:geo/reopen': scoped(CONTACTS, part),
  'POST /api/rounds/:id/parts/:geo/approve': scoped(CONTACTS, part),
  'POST /api/rounds/:id/parts/:geo/accept': roles(SECRETARIAT, part),
  'POST /api/rounds/:id/parts/:geo/unapprove': scoped(CONTACTS, async (geo, fx) => ({
    ...(await part(geo, fx)),
    body: { reason: 'The 2024 figure needs a note.' },
  })),
  'PUT /api/rounds/:id/parts/:geo/unavailable': scoped(CONTACTS, async (geo, fx) => ({
    ...(await part(geo, fx)),
    body: { indicator: 'ICCS0101', period: '2024', reason: 'Not recorded nationally before 2025.' },
  })),
  'GET /api/round-notices': roles(CONTACTS),
  'GET /api/national-representatives': roles(SECRETARIAT),
  'PUT /api/national-representatives/:geo': roles(SECRETARIAT, (geo) => ({
    params: { geo },
    body: { email: 'cp-nl@politie.nl' },
  })),
  'DELETE /api/national-representatives/:geo': roles(SECRETARIAT, async (geo, fx) => {
    await request(fx.admin).put(`/api/national-representatives/${geo}`).send({ email: 'cp-nl@politie.nl' });
    return { params: { geo }, query: { email: 'cp-nl@politie.nl' } };
  }),

  'GET /api/session': open(),
  'POST /api/session': open(() => ({
    body: { email: 'matrix-login@observatory.eu', password: 'a long enough passphrase' },
  })),
  // Signing out without a session cookie changes nothing, so nothing is audited.
  'DELETE /api/session': open(undefined, false),
  'POST /api/session/password': roles(ALL, () => ({
    body: { currentPassword: 'not the password', newPassword: 'another long passphrase' },
  })),
  'POST /api/password-reset': open(() => ({ body: { token: 'no-such-token', password: 'another long passphrase' } })),
  'GET /api/users': roles(SECRETARIAT),
  'GET /api/users/:id': roles(SECRETARIAT, targetUser),
  'POST /api/users': roles(SECRETARIAT, () => ({
    body: { email: `${unique('new')}@observatory.eu`, role: 'curator' },
  })),
  'PATCH /api/users/:id': roles(SECRETARIAT, async (geo, fx) => ({
    ...(await targetUser(geo, fx)),
    body: { displayName: unique('Name') },
  })),
  'DELETE /api/users/:id': roles(SECRETARIAT, targetUser),
  'POST /api/users/:id/reset-link': roles(SECRETARIAT, async (geo, fx) => ({
    ...(await targetUser(geo, fx)),
    body: {},
  })),
  'GET /api/tokens': roles(ALL),
  'POST /api/tokens': roles(ALL, () => ({ body: { name: unique('token') } })),
  'DELETE /api/tokens/:id': roles(ALL, async (_geo, fx) => ({ params: { id: await fx.token() } })),
  'GET /api/audit': roles(SECRETARIAT),
  'GET /api/audit/refusals': roles(SECRETARIAT),

  'GET /sdmx/2.1/data/:flowRef/:key/:providerRef': open(() => ({
    params: { flowRef: 'CPO,CRIME,1.0', key: 'A.ICCS0101.NL', providerRef: 'all' },
  })),
  'GET /sdmx/2.1/data/:flowRef/:key': open(() => ({ params: { flowRef: 'CRIME', key: 'A.ICCS0101.NL' } })),
  'GET /sdmx/2.1/data/:flowRef': open(() => ({
    params: { flowRef: 'CRIME' },
    query: { startPeriod: '2019', endPeriod: '2019' },
  })),
  'GET /sdmx/2.1/:resource/:agency/:id/:version': open(() => ({
    params: { resource: 'datastructure', agency: 'CPO', id: 'DSD_CRIME', version: '1.0' },
  })),
  'GET /sdmx/2.1/:resource/:agency/:id': open(() => ({ params: { resource: 'dataflow', agency: 'CPO', id: 'CRIME' } })),
  'GET /sdmx/2.1/:resource/:agency': open(() => ({ params: { resource: 'codelist', agency: 'CPO' } })),
  'GET /sdmx/2.1/:resource': open(() => ({ params: { resource: 'conceptscheme' } })),
  'GET /sdmx/2.1/*rest': open(),
  'GET /dcat/catalog.ttl': open(),
  'GET /dcat/catalog.jsonld': open(),
  ...EMPACT_ROUTE_RULES,
};

/** Whether a role may call a route, for an actor whose geos do or do not cover the request's geo. */
export function expectedAllowed(rule: Rule, role: Role | 'public', inScope: boolean): boolean {
  if (rule.kind === 'public') return true;
  if (role === 'public' || !rule.roles.includes(role)) return false;
  return rule.kind === 'roles' || inScope || !rule.scopedRoles.includes(role);
}
