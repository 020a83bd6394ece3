import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionBody, created, drugPriority, type EmpactApp, empactApp, kpiBody, oapBody } from './fixture';

let app: EmpactApp;
let priority: { id: number; cycle: string };

beforeAll(async () => {
  app = await empactApp();
  priority = await drugPriority(app);
});
afterAll(() => app.dispose());

describe('cycles and priorities as data', () => {
  it('ships both cycles with their public priorities, CHSG 7 and 9, and the published 2023 results', async () => {
    const res = await app.as('public').get('/api/empact/cycles');
    expect(res.status).toBe(200);
    const [old, current] = res.body.cycles;
    expect(old.code).toBe('2022-2025');
    expect(old.priorities).toHaveLength(10);
    expect(current.code).toBe('2026-2029');
    expect(current.planYears).toBe(2);
    expect(current.priorities.map((p: { name: string }) => p.name)).toEqual([
      'The most threatening criminal networks and individuals',
      'The fastest-growing online crimes',
      'Drug trafficking',
      'Migrant smuggling and trafficking in human beings',
      'Firearms and explosives',
      'Environmental crime networks',
      'Economic and financial crime',
    ]);
    for (const cycle of [old, current]) expect(cycle.chsgs.map((c: { number: number }) => c.number)).toEqual([7, 9]);
    const results = Object.fromEntries(
      old.results.map((r: { measure: string; value: number }) => [r.measure, r.value]),
    );
    expect(results).toMatchObject({ arrests: 13871, seized_eur: 797_000_000 });
    expect(old.results[0].sourceUrl).toMatch(/^https:\/\//);
    const drugs = current.priorities.find((p: { code: string }) => p.code === 'drug_trafficking');
    expect(drugs.indicators).toEqual(['ICCS0601']);
  });

  it('lets the secretariat add a CHSG, and refuses a second one with the same number', async () => {
    const body = {
      number: 1,
      title: 'Criminal intelligence picture',
      source: 'EMPACT terms of reference, as entered by the secretariat',
    };
    expect((await app.as('secretariat').post('/api/empact/cycles/2026-2029/chsgs').send(body)).status).toBe(200);
    const again = await app.as('secretariat').post('/api/empact/cycles/2026-2029/chsgs').send(body);
    expect(again.status).toBe(409);
    expect(
      (
        await app
          .as('coordinator')
          .post('/api/empact/cycles/2026-2029/chsgs')
          .send({ ...body, number: 2 })
      ).status,
    ).toBe(403);
  });
});

describe('plans, actions and KPIs', () => {
  it("lets only the secretariat and the priority's coordinators write, and checks the plan's period", async () => {
    expect((await app.as('coordinator').post('/api/empact/oaps').send(oapBody(priority.id))).body.error.code).toBe(
      'priority-not-yours',
    );
    await app
      .as('secretariat')
      .put(`/api/empact/priorities/${priority.id}/coordinators`)
      .send({ emails: ['coordinator@eucpn.eu'] })
      .expect(200);
    const oneYear = await app
      .as('coordinator')
      .post('/api/empact/oaps')
      .send({ ...oapBody(priority.id), lastYear: 2026 });
    expect(oneYear.status).toBe(400);
    expect(oneYear.body.error.message).toContain('covers 2 years');
    created(await app.as('coordinator').post('/api/empact/oaps').send(oapBody(priority.id)));
    expect((await app.as('secretariat').get(`/api/empact/priorities/${priority.id}`)).body.coordinators).toEqual([
      'coordinator@eucpn.eu',
    ]);
    expect((await app.as('public').get(`/api/empact/priorities/${priority.id}`)).body.coordinators).toBeNull();
    expect((await app.as('coordinator').get(`/api/empact/priorities/${priority.id}`)).body).toMatchObject({
      editable: true,
      coordinators: null,
    });
    const cp = await app
      .as('secretariat')
      .put(`/api/empact/priorities/${priority.id}/coordinators`)
      .send({ emails: ['cp@politie.nl'] });
    expect(cp.body.error.message).toContain('EMPACT coordinators are curator accounts');
  });

  it('refuses a KPI that is not SMART, naming the missing part, and a target date before the baseline date', async () => {
    const oap = created(await app.as('secretariat').post('/api/empact/oaps').send(oapBody(priority.id)));
    const action = created(
      await app.as('secretariat').post(`/api/empact/oaps/${oap}/actions`).send(actionBody('OA 3.1', 7)),
    );
    const { targetValue: _, ...noTarget } = kpiBody(action);
    const missing = await app.as('secretariat').post('/api/empact/kpis').send(noTarget);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('body "targetValue" (measurable): the target value is missing');
    const backwards = await app
      .as('secretariat')
      .post('/api/empact/kpis')
      .send({ ...kpiBody(action), targetDate: '2025-01-31' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toContain(
      'the target date 2025-01-31 is not after the baseline date 2025-12-31',
    );
    const noChsg = await app.as('secretariat').post(`/api/empact/oaps/${oap}/actions`).send(actionBody('OA 3.9', 4));
    expect(noChsg.body.error.message).toContain('has no CHSG 4 yet');
  });

  it("computes progress and RAG from reports, refuses periods outside the KPI's range, and keeps corrections as revisions", async () => {
    const oap = created(await app.as('secretariat').post('/api/empact/oaps').send(oapBody(priority.id)));
    const action = created(
      await app.as('secretariat').post(`/api/empact/oaps/${oap}/actions`).send(actionBody('OA 3.2', 9)),
    );
    const kpi = created(await app.as('secretariat').post('/api/empact/kpis').send(kpiBody(action)));
    const outside = await app
      .as('secretariat')
      .post(`/api/empact/kpis/${kpi}/reports`)
      .send({ period: '2031', value: 50 });
    expect(outside.status).toBe(400);
    expect(outside.body.error.message).toContain("2031 (2031-01-01 to 2031-12-31) is outside the KPI's range");
    const spelled = await app
      .as('secretariat')
      .post(`/api/empact/kpis/${kpi}/reports`)
      .send({ period: '2026-Q1', value: 50 });
    expect(spelled.body.error.message).toContain('is not a annual period; write it like 2027');
    await app
      .as('secretariat')
      .post(`/api/empact/kpis/${kpi}/reports`)
      .send({ period: '2026', value: 60, narrative: 'First survey' })
      .expect(200);
    const correction = await app
      .as('secretariat')
      .post(`/api/empact/kpis/${kpi}/reports`)
      .send({ period: '2026', value: 62 });
    expect(correction.body.revision).toBe(2);
    const shown = (await app.as('public').get(`/api/empact/kpis/${kpi}`)).body;
    expect(shown.reports.map((r: { value: number }) => r.value)).toEqual([60, 62]);
    // (62 − 40) ÷ (120 − 40) = 0.275 of the way with a quarter of the time used: on track.
    expect(shown.progress).toMatchObject({ progress: 0.275, rag: 'green' });
    expect(shown.progress.latest.value).toBe(62);
  });

  it("reads a KPI linked to an observatory indicator from the observatory's own figures", async () => {
    const oap = created(await app.as('secretariat').post('/api/empact/oaps').send(oapBody(priority.id)));
    const body = {
      ...kpiBody(0),
      actionId: undefined,
      oapId: oap,
      indicator: 'ICCS0601',
      indicatorGeo: 'NL',
      baselineDate: '2015-12-31',
      baselineValue: 1,
      targetValue: 2,
      targetDate: '2029-12-31',
      definition: 'Police-recorded drug offences in the Netherlands per year',
    };
    const kpi = created(await app.as('secretariat').post('/api/empact/kpis').send(body));
    const shown = (await app.as('public').get(`/api/empact/kpis/${kpi}`)).body;
    const observed = await app.database.db
      .selectFrom('observations')
      .select(['period', 'value'])
      .where('indicator', '=', 'ICCS0601')
      .where('geo', '=', 'NL')
      .where('period', '>', '2015')
      .orderBy('period')
      .execute();
    expect(observed.length).toBeGreaterThan(0);
    expect(shown.reports.map((r: { period: string; value: number }) => [r.period, r.value])).toEqual(
      observed.filter((o) => o.value !== null).map((o) => [o.period, Number(o.value)]),
    );
    const typed = await app
      .as('secretariat')
      .post(`/api/empact/kpis/${kpi}/reports`)
      .send({ period: '2026', value: 3 });
    expect(typed.body.error.message).toContain("reads its values from the observatory's ICCS0601 for NL");
  });
});

describe('restricted records', () => {
  it('are 404 for the public, contact points and curators who do not coordinate the priority; visible to its coordinators', async () => {
    const oap = created(await app.as('secretariat').post('/api/empact/oaps').send(oapBody(priority.id, 'public')));
    const hidden = created(
      await app
        .as('secretariat')
        .post(`/api/empact/oaps/${oap}/actions`)
        .send(actionBody('OA 3.7', 7, 'restricted')),
    );
    const kpi = created(await app.as('secretariat').post('/api/empact/kpis').send(kpiBody(hidden, 'public')));
    for (const who of ['public', 'contactPoint', 'curator'] as const) {
      const res = await app.as(who).get(`/api/empact/actions/${hidden}`);
      expect(res.status, who).toBe(404);
      expect(res.body.error.message).toBe(`There is no operational action ${hidden}.`);
      // A public KPI under a restricted action is hidden with it.
      expect((await app.as(who).get(`/api/empact/kpis/${kpi}`)).status, who).toBe(404);
      const page = (await app.as(who).get(`/api/empact/priorities/${priority.id}`)).body;
      expect(page.oaps.flatMap((o: { actions: { id: number }[] }) => o.actions.map((a) => a.id))).not.toContain(hidden);
    }
    expect((await app.as('public').get('/api/empact/actions/999999')).status).toBe(404);
    for (const who of ['coordinator', 'secretariat'] as const)
      expect((await app.as(who).get(`/api/empact/actions/${hidden}`)).status, who).toBe(200);
  });
});

describe('assessments', () => {
  it('freeze every KPI at a date: a later correction changes the live view and the difference, never the assessment', async () => {
    const oap = created(await app.as('secretariat').post('/api/empact/oaps').send(oapBody(priority.id)));
    const action = created(
      await app.as('secretariat').post(`/api/empact/oaps/${oap}/actions`).send(actionBody('OA 3.4', 9)),
    );
    const kpi = created(await app.as('secretariat').post('/api/empact/kpis').send(kpiBody(action)));
    await app.as('secretariat').post(`/api/empact/kpis/${kpi}/reports`).send({ period: '2026', value: 62 }).expect(200);
    const body = {
      cycle: '2026-2029',
      kind: 'mid_term',
      asOf: '2027-06-30',
      title: 'Mid-term assessment 2026-2029',
      narrative: 'On course.',
    };
    const id = created(await app.as('secretariat').post('/api/empact/assessments').send(body));
    expect((await app.as('coordinator').post(`/api/empact/assessments/${id}/freeze`)).status).toBe(403);
    await app.as('secretariat').post(`/api/empact/assessments/${id}/freeze`).expect(200);
    const before = (await app.as('public').get(`/api/empact/assessments/${id}`)).body;
    const frozenKpi = () =>
      before.snapshot.priorities
        .flatMap((p: { oaps: { actions: { kpis: { id: number }[] }[] }[] }) =>
          p.oaps.flatMap((o) => o.actions.flatMap((a) => a.kpis)),
        )
        .find((k: { id: number }) => k.id === kpi);
    expect(frozenKpi().progress).toMatchObject({ rag: 'green', latest: expect.objectContaining({ value: 62 }) });

    await app
      .as('secretariat')
      .post(`/api/empact/kpis/${kpi}/reports`)
      .send({ period: '2026', value: 30, narrative: 'Corrected' })
      .expect(200);
    const after = (await app.as('public').get(`/api/empact/assessments/${id}`)).body;
    expect(after).toEqual(before);
    expect((await app.as('public').get(`/api/empact/kpis/${kpi}`)).body.progress.latest.value).toBe(30);
    const diff = (await app.as('public').get(`/api/empact/assessments/${id}/diff`)).body;
    expect(diff.changes).toContainEqual(
      // biome-ignore lint/suspicious/noThenProperty: "then" is the value at the assessment (beside "now"), an API field name; no object here is awaited
      expect.objectContaining({ record: 'kpi', id: kpi, field: 'report 2026', then: '62', now: '30' }),
    );
    expect(diff.changes).toContainEqual(
      // biome-ignore lint/suspicious/noThenProperty: "then" is the value at the assessment (beside "now"), an API field name; no object here is awaited
      expect.objectContaining({ record: 'kpi', id: kpi, field: 'status', then: 'green', now: 'red' }),
    );

    const edit = await app
      .as('secretariat')
      .put(`/api/empact/assessments/${id}`)
      .send({ title: 'Rewritten', narrative: 'Changed' });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('assessment-frozen');
    expect((await app.as('secretariat').post(`/api/empact/assessments/${id}/freeze`)).status).toBe(409);
  });
});

describe('practice tags and links', () => {
  it('lets a curator tag a practice with a 2026-2029 priority, and refuses a cycle that does not exist', async () => {
    const listed = (await app.as('public').get('/api/practices').query({ empact: '2022-2025/firearms_trafficking' }))
      .body;
    expect(listed.meta.total).toBeGreaterThan(0);
    const slug = listed.data[0].slug;
    const record = (await app.as('curator').get(`/api/practice-workbench/${slug}`)).body.record;
    const { ratingOverride: _, ...input } = record;
    const ok = await app
      .as('curator')
      .put(`/api/practice-workbench/${slug}`)
      .send({ ...input, empactTags: [...record.empactTags, '2026-2029/firearms_explosives'] });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const bad = await app
      .as('curator')
      .put(`/api/practice-workbench/${slug}`)
      .send({ ...input, empactTags: ['2030-2033/drug_trafficking'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain(
      'the EMPACT cycle "2030-2033" of tag "2030-2033/drug_trafficking" does not exist',
    );
    const old = await app
      .as('curator')
      .put(`/api/practice-workbench/${slug}`)
      .send({ ...input, empactTags: ['drug_trafficking'] });
    expect(old.body.error.message).toContain('an EMPACT tag is "<cycle>/<priority or chsg-N>"');
  });

  it('shows on a practice the EMPACT actions that use it', async () => {
    const slug = (await app.as('public').get('/api/practices')).body.data[0].slug;
    const oap = created(await app.as('secretariat').post('/api/empact/oaps').send(oapBody(priority.id)));
    const action = created(
      await app.as('secretariat').post(`/api/empact/oaps/${oap}/actions`).send(actionBody('OA 3.5', 7)),
    );
    await app
      .as('secretariat')
      .put(`/api/empact/actions/${action}/practices`)
      .send({ practices: [{ slug, relation: 'uses' }] })
      .expect(200);
    const unknown = await app
      .as('secretariat')
      .put(`/api/empact/actions/${action}/practices`)
      .send({ practices: [{ slug: 'no-such-practice', relation: 'uses' }] });
    expect(unknown.body.error.message).toContain('there is no practice "no-such-practice"');
    const shown = (await app.as('public').get(`/api/empact/practices/${slug}/actions`)).body;
    expect(shown.actions).toContainEqual(
      expect.objectContaining({ id: action, number: 'OA 3.5', chsgNumber: 7, relation: 'uses', cycle: '2026-2029' }),
    );
  });
});

describe('history', () => {
  it('keeps every state of a plan, an action with its practice links, and a corrected KPI', async () => {
    const oap = created(await app.as('secretariat').post('/api/empact/oaps').send(oapBody(priority.id)));
    await app
      .as('secretariat')
      .put(`/api/empact/oaps/${oap}`)
      .send({ ...oapBody(priority.id), status: 'implementing' })
      .expect(200);
    const action = created(
      await app.as('secretariat').post(`/api/empact/oaps/${oap}/actions`).send(actionBody('OA 3.8', 7)),
    );
    const kpi = created(await app.as('secretariat').post('/api/empact/kpis').send(kpiBody(action)));
    const smart = await app
      .as('secretariat')
      .put(`/api/empact/kpis/${kpi}`)
      .send({ ...kpiBody(action), targetDate: null });
    expect(smart.body.error.message).toContain('the target date (the deadline) is missing');
    const moved = await app
      .as('secretariat')
      .put(`/api/empact/kpis/${kpi}`)
      .send({ ...kpiBody(action), actionId: undefined, oapId: oap });
    expect(moved.body.error.message).toContain('cannot move to another action or plan');
    await app
      .as('secretariat')
      .put(`/api/empact/kpis/${kpi}`)
      .send({ ...kpiBody(action), targetValue: 150 })
      .expect(200);

    const oapHistory = (await app.as('public').get(`/api/empact/history/oap/${oap}`)).body;
    expect(oapHistory.revisions.map((r: { document: { status: string } }) => r.document.status)).toEqual([
      'adopted',
      'implementing',
    ]);
    const kpiHistory = (await app.as('public').get(`/api/empact/history/kpi/${kpi}`)).body;
    expect(kpiHistory.revisions.map((r: { document: { target_value: number } }) => r.document.target_value)).toEqual([
      120, 150,
    ]);
    expect(kpiHistory.revisions[1].recordedBy).toBe('secretariat@eucpn.eu');
    expect((await app.as('public').get(`/api/empact/kpis/${kpi}`)).body.targetValue).toBe(150);
  });

  it('hides the history of a restricted record like the record itself', async () => {
    const oap = created(await app.as('secretariat').post('/api/empact/oaps').send(oapBody(priority.id, 'restricted')));
    expect((await app.as('public').get(`/api/empact/history/oap/${oap}`)).status).toBe(404);
    expect((await app.as('secretariat').get(`/api/empact/history/oap/${oap}`)).body.revisions).toHaveLength(1);
  });
});

describe('a KPI that is not SMART, in the reader language', () => {
  it('names each problem and its SMART quality in German', async () => {
    const oap = created(await app.as('secretariat').post('/api/empact/oaps').send(oapBody(priority.id)));
    const action = created(
      await app.as('secretariat').post(`/api/empact/oaps/${oap}/actions`).send(actionBody('OA 3.7', 7)),
    );
    const { targetValue: _, ...noTarget } = kpiBody(action);
    const missing = await app.as('secretariat').post('/api/empact/kpis?lang=de').send(noTarget);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe(
      'Dieser KPI ist nicht SMART: body „targetValue“ (messbar): der Zielwert fehlt: Ein KPI braucht ein messbares Ziel',
    );
    // The details keep the English message for programs, with the field and quality.
    expect(missing.body.error.details).toEqual([
      expect.objectContaining({ in: 'body', path: 'targetValue', quality: 'measurable' }),
    ]);
  });
});
