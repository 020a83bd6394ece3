import { z } from 'zod';
import type { Db, DbOrTx } from '../db/database';
import { type Access, defineRoute } from '../http/route';
import { inReaderLanguage } from '../analytics/answer-language';
import {
  AssessmentDetail,
  AssessmentDiff,
  Created,
  CycleList,
  EmpactAction,
  EmpactKpi,
  EmpactOap,
  PracticeActions,
  PriorityDetail,
  RecordHistory,
} from '../shared/api/empact';
import * as assessments from './assessment.service';
import * as cycles from './cycle.service';
import {
  ActionInput,
  ActionPracticesInput,
  AssessmentEdit,
  AssessmentInput,
  ChsgInput,
  CoordinatorsInput,
  CycleParams,
  IdParams,
  KpiInput,
  OapInput,
  ReportInput,
  ResultInput,
} from './empact.schema';
import { factsheetRoutes } from './factsheet.routes';
import { listRevisions } from './plan.repository';
import * as plans from './plan.service';

const TAG = 'empact';
const EDITORS: Access = { kind: 'roles', roles: ['curator', 'secretariat'] };
const SECRETARIAT: Access = { kind: 'roles', roles: ['secretariat'] };
const PUBLIC: Access = { kind: 'public' };
const Ok = z.object({ ok: z.literal(true) });
const SlugParams = z.strictObject({ slug: z.string().regex(/^[a-z0-9-]{3,80}$/, 'a practice slug') });

/** Every write runs in one transaction: its checks and its rows stand or fall together. */
const inTx = <T>(db: Db, work: (tx: DbOrTx) => Promise<T>) => db.transaction().execute(work);

const cycleRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/empact/cycles',
    tag: TAG,
    access: PUBLIC,
    response: CycleList,
    summary: 'EMPACT cycles with their priorities, CHSGs, published results and the assessments the caller may see',
    handler: ({ db, actor }) => cycles.cycleList(db, actor),
  }),
  defineRoute({
    method: 'post',
    path: '/api/empact/cycles/:cycle/chsgs',
    tag: TAG,
    access: SECRETARIAT,
    params: CycleParams,
    body: ChsgInput,
    response: Created,
    summary: 'Add a common horizontal strategic goal (CHSG) to a cycle',
    handler: async ({ db, params, body }) => ({ id: await inTx(db, (tx) => cycles.addChsg(tx, params.cycle, body)) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/empact/cycles/:cycle/results',
    tag: TAG,
    access: SECRETARIAT,
    params: CycleParams,
    body: ResultInput,
    response: Ok,
    summary: 'Record a published EMPACT result (e.g. arrests in a year) with its source',
    handler: async ({ db, params, body }) => {
      await inTx(db, (tx) => cycles.addResult(tx, params.cycle, body));
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/empact/priorities/:id',
    tag: TAG,
    access: PUBLIC,
    params: IdParams,
    response: PriorityDetail,
    summary:
      'A priority with its plans, actions and KPIs (restricted records only for the secretariat and its coordinators)',
    handler: async ({ db, actor, params, locale }) =>
      inReaderLanguage(await cycles.priorityDetail(db, actor, params.id), locale),
  }),
  defineRoute({
    method: 'put',
    path: '/api/empact/priorities/:id/coordinators',
    tag: TAG,
    access: SECRETARIAT,
    params: IdParams,
    body: CoordinatorsInput,
    response: Ok,
    summary: "Name a priority's EMPACT coordinators (curator accounts), replacing the previous list",
    handler: async ({ db, params, body }) => {
      await inTx(db, (tx) => cycles.setCoordinators(tx, params.id, body.emails));
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/empact/practices/:slug/actions',
    tag: TAG,
    access: PUBLIC,
    params: SlugParams,
    response: PracticeActions,
    summary: 'The EMPACT operational actions that use or produced a practice',
    handler: async ({ db, actor, params, locale }) =>
      inReaderLanguage(await cycles.practiceActions(db, actor, params.slug), locale),
  }),
];

const readRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/empact/oaps/:id',
    tag: TAG,
    access: PUBLIC,
    params: IdParams,
    response: EmpactOap,
    summary: 'An operational action plan (404 when it is restricted and the caller may not see it)',
    handler: async ({ db, actor, params, locale }) =>
      inReaderLanguage((await cycles.planRecord(db, actor, 'oap', params.id)) as EmpactOap, locale),
  }),
  defineRoute({
    method: 'get',
    path: '/api/empact/actions/:id',
    tag: TAG,
    access: PUBLIC,
    params: IdParams,
    response: EmpactAction,
    summary: 'An operational action with its practices and KPIs (404 when restricted and the caller may not see it)',
    handler: async ({ db, actor, params, locale }) =>
      inReaderLanguage((await cycles.planRecord(db, actor, 'action', params.id)) as EmpactAction, locale),
  }),
  defineRoute({
    method: 'get',
    path: '/api/empact/kpis/:id',
    tag: TAG,
    access: PUBLIC,
    params: IdParams,
    response: EmpactKpi,
    summary:
      'A KPI with every report revision, its progress and RAG status (404 when restricted and the caller may not see it)',
    handler: async ({ db, actor, params, locale }) =>
      inReaderLanguage((await cycles.planRecord(db, actor, 'kpi', params.id)) as EmpactKpi, locale),
  }),
];

const RecordParams = z.strictObject({ record: z.enum(['oap', 'action', 'kpi']), id: IdParams.shape.id });

const historyRoute = defineRoute({
  method: 'get',
  path: '/api/empact/history/:record/:id',
  tag: TAG,
  access: PUBLIC,
  params: RecordParams,
  response: RecordHistory,
  summary:
    'Every state a plan, action or KPI has had, with who changed it and when (404 when the caller may not see it)',
  handler: async ({ db, actor, params }) => {
    await cycles.planRecord(db, actor, params.record, params.id);
    return { record: params.record, id: params.id, revisions: await listRevisions(db, params.record, params.id) };
  },
});

const planRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/empact/oaps',
    tag: TAG,
    access: EDITORS,
    body: OapInput,
    response: Created,
    summary: "Create an operational action plan for a priority (secretariat, or the priority's EMPACT coordinators)",
    handler: async ({ db, actor, body }) => ({ id: await inTx(db, (tx) => plans.createOap(tx, actor, body)) }),
  }),
  defineRoute({
    method: 'put',
    path: '/api/empact/oaps/:id',
    tag: TAG,
    access: EDITORS,
    params: IdParams,
    body: OapInput,
    response: Ok,
    summary: 'Edit an operational action plan',
    handler: async ({ db, actor, params, body }) => {
      await inTx(db, (tx) => plans.editOap(tx, actor, params.id, body));
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/empact/oaps/:id/actions',
    tag: TAG,
    access: EDITORS,
    params: IdParams,
    body: ActionInput,
    response: Created,
    summary: "Add an operational action to a plan, under one of its cycle's CHSGs",
    handler: async ({ db, actor, params, body }) => ({
      id: await inTx(db, (tx) => plans.createAction(tx, actor, params.id, body)),
    }),
  }),
  defineRoute({
    method: 'put',
    path: '/api/empact/actions/:id',
    tag: TAG,
    access: EDITORS,
    params: IdParams,
    body: ActionInput,
    response: Ok,
    summary: 'Edit an operational action',
    handler: async ({ db, actor, params, body }) => {
      await inTx(db, (tx) => plans.editAction(tx, actor, params.id, body));
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/api/empact/actions/:id/practices',
    tag: TAG,
    access: EDITORS,
    params: IdParams,
    body: ActionPracticesInput,
    response: Ok,
    summary: 'Link an action to the practices it uses or produced, replacing the previous links',
    handler: async ({ db, actor, params, body }) => {
      await inTx(db, (tx) => plans.linkActionPractices(tx, actor, params.id, body.practices));
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/empact/kpis',
    tag: TAG,
    access: EDITORS,
    body: KpiInput,
    response: Created,
    summary: 'Add a KPI to an action or a plan; a KPI that is not SMART is refused with the missing part named',
    handler: async ({ db, actor, body }) => ({ id: await inTx(db, (tx) => plans.createKpi(tx, actor, body)) }),
  }),
  defineRoute({
    method: 'put',
    path: '/api/empact/kpis/:id',
    tag: TAG,
    access: EDITORS,
    params: IdParams,
    body: KpiInput,
    response: Ok,
    summary: 'Correct a KPI (checked SMART again); its earlier states stay in its history',
    handler: async ({ db, actor, params, body }) => {
      await inTx(db, (tx) => plans.editKpi(tx, actor, params.id, body));
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/empact/kpis/:id/reports',
    tag: TAG,
    access: EDITORS,
    params: IdParams,
    body: ReportInput,
    response: z.object({ revision: z.number() }),
    summary: 'Report a KPI value for a period; reporting a period again adds a correction (the next revision)',
    handler: async ({ db, actor, params, body }) => ({
      revision: await inTx(db, (tx) => plans.reportOnKpi(tx, actor, params.id, body)),
    }),
  }),
];

const assessmentRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/empact/assessments',
    tag: TAG,
    access: SECRETARIAT,
    body: AssessmentInput,
    response: Created,
    summary: 'Start a mid-term or final assessment of a cycle (a draft until frozen)',
    handler: async ({ db, actor, body }) => ({
      id: await inTx(db, (tx) => assessments.createAssessment(tx, actor, body)),
    }),
  }),
  defineRoute({
    method: 'put',
    path: '/api/empact/assessments/:id',
    tag: TAG,
    access: SECRETARIAT,
    params: IdParams,
    body: AssessmentEdit,
    response: Ok,
    summary: "Edit a draft assessment's title and narrative; a frozen assessment is refused (409)",
    handler: async ({ db, actor, params, body }) => {
      await inTx(db, (tx) => assessments.editAssessment(tx, actor, params.id, body));
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/empact/assessments/:id/freeze',
    tag: TAG,
    access: SECRETARIAT,
    params: IdParams,
    response: Ok,
    summary: 'Freeze an assessment: the state of every plan, action, KPI and report is kept as it is now, for good',
    handler: async ({ db, actor, params }) => {
      await inTx(db, (tx) => assessments.freezeAssessment(tx, actor, params.id));
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/empact/assessments/:id',
    tag: TAG,
    access: PUBLIC,
    params: IdParams,
    response: AssessmentDetail,
    summary: 'An assessment and its frozen snapshot, as far as the caller may see',
    handler: async ({ db, actor, params, locale }) =>
      inReaderLanguage(await assessments.getAssessment(db, actor, params.id), locale),
  }),
  defineRoute({
    method: 'get',
    path: '/api/empact/assessments/:id/diff',
    tag: TAG,
    access: PUBLIC,
    params: IdParams,
    response: AssessmentDiff,
    summary: 'What has changed since a frozen assessment: reports, targets, progress, RAG, statuses',
    handler: ({ db, actor, params }) => assessments.assessmentDiff(db, actor, params.id),
  }),
];

/** Every EMPACT route: cycles and priorities, plans and KPIs, assessments, factsheets. */
export const empactRoutes = [
  ...cycleRoutes,
  ...readRoutes,
  historyRoute,
  ...planRoutes,
  ...assessmentRoutes,
  ...factsheetRoutes,
];
