import type { Actor } from '../http/actor';
import { actorName } from '../http/actor';
import type { DbOrTx } from '../db/database';
import { badRequest, conflict, notFound } from '../http/errors';
import type { Frequency } from '../shared/api/empact';
import { type EmpactScope, empactScope, requireEditor, requireVisible } from './empact.access';
import type { ActionInput, KpiInput, OapInput, ReportInput } from './empact.schema';
import { empactDb } from './empact.table';
import { PERIOD_FORMS, periodBounds } from './kpi.periods';
import { smartProblems } from './kpi.smart';
import * as plans from './plan.repository';

interface PriorityContext {
  id: number;
  name: string;
  cycle: { code: string; startYear: number; endYear: number; planYears: number };
}

async function priorityContext(db: DbOrTx, priorityId: number): Promise<PriorityContext | undefined> {
  const row = await empactDb(db)
    .selectFrom('empact_priorities')
    .innerJoin('empact_cycles', 'empact_cycles.code', 'empact_priorities.cycle')
    .select([
      'empact_priorities.id',
      'empact_priorities.name',
      'empact_cycles.code',
      'start_year',
      'end_year',
      'plan_years',
    ])
    .where('empact_priorities.id', '=', priorityId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    cycle: { code: row.code, startYear: row.start_year, endYear: row.end_year, planYears: row.plan_years },
  };
}

/** The priority, checked to exist and to be editable by the actor. */
async function editablePriority(db: DbOrTx, scope: EmpactScope, priorityId: number): Promise<PriorityContext> {
  const priority = await priorityContext(db, priorityId);
  if (!priority) throw badRequest({ key: 'empact.body-no-priority', params: { id: String(priorityId) } });
  requireEditor(scope, priority.id, priority.name);
  return priority;
}

function checkPlanYears(input: OapInput, priority: PriorityContext): void {
  const { cycle } = priority;
  if (input.firstYear < cycle.startYear || input.lastYear > cycle.endYear) {
    throw badRequest({
      key: 'empact.plan-years-outside',
      params: { first: String(input.firstYear), last: String(input.lastYear), cycle: cycle.code },
    });
  }
  if (input.lastYear - input.firstYear + 1 !== cycle.planYears) {
    throw badRequest({ key: 'empact.plan-span', params: { cycle: cycle.code, years: cycle.planYears } });
  }
}

export async function createOap(db: DbOrTx, actor: Actor, input: OapInput): Promise<number> {
  const priority = await editablePriority(db, await empactScope(db, actor), input.priorityId);
  checkPlanYears(input, priority);
  const id = await plans.insertOap(db, input, actorName(actor));
  await plans.recordRevision(db, 'oap', id, actorName(actor));
  return id;
}

export async function editOap(db: DbOrTx, actor: Actor, id: number, input: OapInput): Promise<void> {
  const scope = await empactScope(db, actor);
  const oap = await plans.getOap(db, id);
  requireVisible(scope, oap, oap?.priority_id ?? 0, 'operational action plan');
  if (input.priorityId !== oap!.priority_id) throw badRequest({ key: 'empact.plan-cannot-move' });
  const priority = await editablePriority(db, scope, oap!.priority_id);
  checkPlanYears(input, priority);
  await plans.updateOap(db, id, input, actorName(actor));
  await plans.recordRevision(db, 'oap', id, actorName(actor));
}

async function chsgId(db: DbOrTx, cycle: string, number: number): Promise<number> {
  const row = await empactDb(db)
    .selectFrom('empact_chsgs')
    .select('id')
    .where('cycle', '=', cycle)
    .where('number', '=', number)
    .executeTakeFirst();
  if (!row) throw badRequest({ key: 'empact.no-chsg', params: { cycle, number: String(number) } });
  return row.id;
}

async function duplicateNumber(db: DbOrTx, oapId: number, number: string, except?: number): Promise<void> {
  let query = empactDb(db)
    .selectFrom('empact_actions')
    .select('id')
    .where('oap_id', '=', oapId)
    .where('number', '=', number);
  if (except !== undefined) query = query.where('id', '!=', except);
  if (await query.executeTakeFirst())
    throw conflict({ key: 'empact.action-number-taken', params: { number: String(number) } });
}

export async function createAction(db: DbOrTx, actor: Actor, oapId: number, input: ActionInput): Promise<number> {
  const scope = await empactScope(db, actor);
  const oap = await plans.getOap(db, oapId);
  requireVisible(scope, oap, oap?.priority_id ?? 0, 'operational action plan');
  const priority = await editablePriority(db, scope, oap!.priority_id);
  await duplicateNumber(db, oapId, input.number);
  const id = await plans.insertAction(
    db,
    oapId,
    input,
    await chsgId(db, priority.cycle.code, input.chsgNumber),
    actorName(actor),
  );
  await plans.recordRevision(db, 'action', id, actorName(actor));
  return id;
}

export async function editAction(db: DbOrTx, actor: Actor, id: number, input: ActionInput): Promise<void> {
  const scope = await empactScope(db, actor);
  const action = await plans.getAction(db, id);
  requireVisible(scope, action, action?.priority_id ?? 0, 'operational action');
  const priority = await editablePriority(db, scope, action!.priority_id);
  await duplicateNumber(db, action!.oap_id, input.number, id);
  await plans.updateAction(db, id, input, await chsgId(db, priority.cycle.code, input.chsgNumber), actorName(actor));
  await plans.recordRevision(db, 'action', id, actorName(actor));
}

export async function linkActionPractices(
  db: DbOrTx,
  actor: Actor,
  id: number,
  links: { slug: string; relation: string }[],
): Promise<void> {
  const scope = await empactScope(db, actor);
  const action = await plans.getAction(db, id);
  requireVisible(scope, action, action?.priority_id ?? 0, 'operational action');
  await editablePriority(db, scope, action!.priority_id);
  const known = new Set(
    (
      await db
        .selectFrom('practices')
        .select('slug')
        .where('slug', 'in', links.length ? links.map((l) => l.slug) : [''])
        .execute()
    ).map((p) => p.slug),
  );
  const unknown = links.findIndex((l) => !known.has(l.slug));
  if (unknown >= 0)
    throw badRequest({ key: 'empact.no-practice', params: { index: String(unknown), slug: links[unknown]!.slug } });
  await plans.replaceActionPractices(db, id, links);
  await plans.recordRevision(db, 'action', id, actorName(actor));
}

export async function createKpi(db: DbOrTx, actor: Actor, input: KpiInput): Promise<number> {
  const scope = await empactScope(db, actor);
  const action = input.actionId === undefined ? undefined : await plans.getAction(db, input.actionId);
  if (input.actionId !== undefined) requireVisible(scope, action, action?.priority_id ?? 0, 'operational action');
  const oapId = action?.oap_id ?? input.oapId!;
  const oap = await plans.getOap(db, oapId);
  requireVisible(scope, oap, oap?.priority_id ?? 0, 'operational action plan');
  const priority = await editablePriority(db, scope, oap!.priority_id);
  await checkKpi(db, input, priority);
  const id = await plans.insertKpi(db, oapId, input as plans.CheckedKpi, actorName(actor));
  await plans.recordRevision(db, 'kpi', id, actorName(actor));
  return id;
}

async function checkKpi(db: DbOrTx, input: KpiInput, priority: PriorityContext): Promise<void> {
  const problems = smartProblems(input, priority.cycle);
  if (problems.length) {
    throw badRequest(
      { key: 'empact.kpi-not-smart', params: { problems: problems.map((p) => p.localised) } },
      problems.map(({ localised: _localised, ...p }) => ({ in: 'body', ...p })),
    );
  }
  if (input.indicator) await checkIndicator(db, input.indicator, input.indicatorGeo!);
}

/** A KPI's definition, baseline or target may be corrected; it stays with its action or plan, and its history keeps every state. */
export async function editKpi(db: DbOrTx, actor: Actor, id: number, input: KpiInput): Promise<void> {
  const scope = await empactScope(db, actor);
  const kpi = await plans.getKpi(db, id);
  requireVisible(scope, kpi, kpi?.priority_id ?? 0, 'KPI');
  if ((input.actionId ?? null) !== kpi!.action_id || (input.actionId === undefined && input.oapId !== kpi!.oap_id)) {
    throw badRequest({ key: 'empact.kpi-cannot-move' });
  }
  const priority = await editablePriority(db, scope, kpi!.priority_id);
  await checkKpi(db, input, priority);
  await plans.updateKpi(db, id, input as plans.CheckedKpi, actorName(actor));
  await plans.recordRevision(db, 'kpi', id, actorName(actor));
}

async function checkIndicator(db: DbOrTx, indicator: string, geo: string): Promise<void> {
  if (!(await db.selectFrom('indicators').select('code').where('code', '=', indicator).executeTakeFirst())) {
    throw badRequest({ key: 'empact.no-indicator', params: { indicator } });
  }
  if (!(await db.selectFrom('geos').select('code').where('code', '=', geo).executeTakeFirst())) {
    throw badRequest({ key: 'empact.no-indicator-geo', params: { geo } });
  }
}

export async function reportOnKpi(db: DbOrTx, actor: Actor, kpiId: number, report: ReportInput): Promise<number> {
  const scope = await empactScope(db, actor);
  const kpi = await plans.getKpi(db, kpiId);
  requireVisible(scope, kpi, kpi?.priority_id ?? 0, 'KPI');
  const priority = await priorityContext(db, kpi!.priority_id);
  requireEditor(scope, kpi!.priority_id, priority!.name);
  if (kpi!.indicator) {
    throw badRequest({
      key: 'empact.kpi-reads-observatory',
      params: { indicator: kpi!.indicator ?? '', geo: kpi!.indicator_geo ?? '' },
    });
  }
  const frequency = kpi!.frequency as Frequency;
  const bounds = periodBounds(report.period, frequency);
  if (!bounds) {
    throw badRequest({
      key: 'empact.bad-period',
      params: { period: report.period, frequency, example: PERIOD_FORMS[frequency].example },
    });
  }
  if (bounds.end <= kpi!.baseline_date || bounds.start > kpi!.target_date) {
    throw badRequest({
      key: 'empact.period-outside',
      params: {
        ...{ period: report.period, start: bounds.start, end: bounds.end },
        ...{ baseline: kpi!.baseline_date, target: kpi!.target_date },
      },
    });
  }
  return plans.insertReport(db, kpiId, report, actorName(actor));
}

export async function requirePriority(db: DbOrTx, id: number): Promise<PriorityContext> {
  const priority = await priorityContext(db, id);
  if (!priority) throw notFound({ key: 'empact.no-priority', params: { id: String(id) } });
  return priority;
}
