import request from 'supertest';
import { expect } from 'vitest';
import type { Role } from '../../server/http/actor';
import type { Fixtures, Rule, Sample } from '../accounts/route-expectations';
import { actionBody, kpiBody, oapBody } from './fixture';

/**
 * The EMPACT routes in the authorisation matrix. The samples create RESTRICTED plans, actions and
 * KPIs, so the matrix also proves that reading them never fails or leaks for any caller: the public
 * and other accounts get 404 (not a denial: the record "does not exist" for them).
 */
const EDITORS: Role[] = ['curator', 'secretariat'];
const SECRETARIAT: Role[] = ['secretariat'];
const open = (sample?: Sample): Rule => ({ kind: 'public', sample });
const roles = (r: Role[], sample?: Sample): Rule => ({ kind: 'roles', roles: r, sample });

let counter = 0;

async function createdId(fx: Fixtures, method: 'post' | 'put', url: string, body: object): Promise<number> {
  const res = await request(fx.admin)[method](url).send(body);
  expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body.id;
}

async function priority(fx: Fixtures): Promise<number> {
  const res = await request(fx.admin).get('/api/empact/cycles');
  return res.body.cycles.find((c: { code: string }) => c.code === '2026-2029').priorities[2].id;
}

const oap = async (fx: Fixtures) =>
  createdId(fx, 'post', '/api/empact/oaps', oapBody(await priority(fx), 'restricted'));
const action = async (fx: Fixtures) =>
  createdId(fx, 'post', `/api/empact/oaps/${await oap(fx)}/actions`, actionBody(`OA 3.${++counter}`, 7, 'restricted'));
const kpi = async (fx: Fixtures) => createdId(fx, 'post', '/api/empact/kpis', kpiBody(await action(fx), 'restricted'));
const assessmentBody = () => ({
  cycle: '2026-2029',
  kind: 'mid_term',
  asOf: '2027-12-31',
  title: `Matrix assessment ${++counter}`,
});
const assessment = async (fx: Fixtures, frozen = false) => {
  const id = await createdId(fx, 'post', '/api/empact/assessments', assessmentBody());
  if (frozen) expect((await request(fx.admin).post(`/api/empact/assessments/${id}/freeze`)).status).toBe(200);
  return id;
};

export const EMPACT_ROUTE_RULES: Record<string, Rule> = {
  'GET /api/empact/cycles': open(),
  'POST /api/empact/cycles/:cycle/chsgs': roles(SECRETARIAT, () => ({
    params: { cycle: '2026-2029' },
    body: { number: 10 + (++counter % 10), title: 'A goal entered in the matrix', source: 'the matrix test' },
  })),
  'POST /api/empact/cycles/:cycle/results': roles(SECRETARIAT, () => ({
    params: { cycle: '2026-2029' },
    body: {
      year: 2026,
      measure: `matrix_${++counter}`,
      label: 'Matrix figure',
      value: 1,
      unit: 'cases',
      source: 'the matrix test',
      sourceUrl: 'https://example.org/x',
    },
  })),
  'GET /api/empact/priorities/:id': open(async (_geo, fx) => ({ params: { id: await priority(fx) } })),
  'PUT /api/empact/priorities/:id/coordinators': roles(SECRETARIAT, async (_geo, fx) => ({
    params: { id: await priority(fx) },
    body: { emails: [] },
  })),
  'GET /api/empact/practices/:slug/actions': open(async (geo, fx) => ({ params: { slug: await fx.practice(geo) } })),
  'GET /api/empact/oaps/:id': open(async (_geo, fx) => ({ params: { id: await oap(fx) } })),
  'GET /api/empact/actions/:id': open(async (_geo, fx) => ({ params: { id: await action(fx) } })),
  'GET /api/empact/kpis/:id': open(async (_geo, fx) => ({ params: { id: await kpi(fx) } })),
  'POST /api/empact/oaps': roles(EDITORS, async (_geo, fx) => ({ body: oapBody(await priority(fx)) })),
  'PUT /api/empact/oaps/:id': roles(EDITORS, async (_geo, fx) => ({
    params: { id: await oap(fx) },
    body: oapBody(await priority(fx), 'restricted'),
  })),
  'POST /api/empact/oaps/:id/actions': roles(EDITORS, async (_geo, fx) => ({
    params: { id: await oap(fx) },
    body: actionBody(`OA 3.${++counter}`, 9, 'restricted'),
  })),
  'PUT /api/empact/actions/:id': roles(EDITORS, async (_geo, fx) => ({
    params: { id: await action(fx) },
    body: actionBody(`OA 3.${++counter}`, 9, 'restricted'),
  })),
  'PUT /api/empact/actions/:id/practices': roles(EDITORS, async (_geo, fx) => ({
    params: { id: await action(fx) },
    body: { practices: [] },
  })),
  'POST /api/empact/kpis': roles(EDITORS, async (_geo, fx) => ({ body: kpiBody(await action(fx), 'restricted') })),
  'PUT /api/empact/kpis/:id': roles(EDITORS, async (_geo, fx) => {
    const actionId = await action(fx);
    const id = await createdId(fx, 'post', '/api/empact/kpis', kpiBody(actionId, 'restricted'));
    return { params: { id }, body: { ...kpiBody(actionId, 'restricted'), targetValue: 150 } };
  }),
  'GET /api/empact/history/:record/:id': open(async (_geo, fx) => ({ params: { record: 'kpi', id: await kpi(fx) } })),
  'POST /api/empact/kpis/:id/reports': roles(EDITORS, async (_geo, fx) => ({
    params: { id: await kpi(fx) },
    body: { period: '2026', value: 50 },
  })),
  'POST /api/empact/assessments': roles(SECRETARIAT, () => ({ body: assessmentBody() })),
  'PUT /api/empact/assessments/:id': roles(SECRETARIAT, async (_geo, fx) => ({
    params: { id: await assessment(fx) },
    body: { title: 'Edited in the matrix', narrative: 'Edited.' },
  })),
  'POST /api/empact/assessments/:id/freeze': roles(SECRETARIAT, async (_geo, fx) => ({
    params: { id: await assessment(fx) },
  })),
  'GET /api/empact/assessments/:id': open(async (_geo, fx) => ({ params: { id: await assessment(fx, true) } })),
  'GET /api/empact/assessments/:id/diff': open(async (_geo, fx) => ({ params: { id: await assessment(fx, true) } })),
  'GET /api/empact/factsheet': open(() => ({ query: { cycle: '2022-2025' } })),
  // A cycle that does not exist answers 404 before Chromium starts: the matrix checks access without printing eight PDFs.
  'GET /api/empact/factsheet.pdf': open(() => ({ query: { cycle: '2098-2099' } })),
};
