import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionBody, created, drugPriority, type EmpactApp, empactApp, kpiBody, oapBody } from './fixture';

/** Issue 16: a KPI's status reason reads in the reader's language, with its message beside. */
let app: EmpactApp;
let priority: { id: number; cycle: string };
let kpi: number;
let silent: number;

beforeAll(async () => {
  app = await empactApp();
  priority = await drugPriority(app);
  const oap = created(await app.as('secretariat').post('/api/empact/oaps').send(oapBody(priority.id)));
  const action = created(
    await app.as('secretariat').post(`/api/empact/oaps/${oap}/actions`).send(actionBody('OA 3.4', 9)),
  );
  kpi = created(await app.as('secretariat').post('/api/empact/kpis').send(kpiBody(action)));
  silent = created(await app.as('secretariat').post('/api/empact/kpis').send(kpiBody(action)));
  await app.as('secretariat').post(`/api/empact/kpis/${kpi}/reports`).send({ period: '2026', value: 62 }).expect(200);
});
afterAll(() => app.dispose());

// (62 − 40) ÷ (120 − 40) = 27.5 % of the way, with a year of four (25 %) used: on track.
const ON_TRACK = {
  en: 'on track: 28% of the way with 25% of the time used',
  nl: 'op koers: 28% van de weg bij 25% van de verstreken tijd',
  fr: 'en bonne voie : 28\u00a0% du chemin pour 25\u00a0% du temps écoulé',
  de: 'im Plan: 28\u00a0% des Weges bei 25\u00a0% der verstrichenen Zeit',
} as const;

describe('EMPACT KPI status reasons in the reader’s language', () => {
  it.each(Object.entries(ON_TRACK))('gives the on-track reason in %s, with its message', async (lang, reason) => {
    const progress = (await app.as('public').get(`/api/empact/kpis/${kpi}?lang=${lang}`).expect(200)).body.progress;
    expect(progress).toMatchObject({ rag: 'green', reason });
    expect(progress.reasonMessage).toEqual({ key: 'empact.kpi.on-track', params: { progress: 0.28, expected: 0.25 } });
  });

  it('writes every KPI of a priority in German, a KPI without a report too', async () => {
    const detail = await app.as('public').get(`/api/empact/priorities/${priority.id}`).set('Accept-Language', 'de');
    const kpis = JSON.stringify(detail.body);
    expect(kpis).toContain(ON_TRACK.de);
    const none = (await app.as('public').get(`/api/empact/kpis/${silent}?lang=de`).expect(200)).body.progress;
    expect(none.rag).toBe('not_reported');
    expect(none.reason).toBe('noch kein Bericht');
    expect(kpis).not.toMatch(/of the way|no report/);
  });
});
