import type { Actor } from '../http/actor';
import type { DbOrTx } from '../db/database';
import { badRequest, conflict, notFound } from '../http/errors';
import type { CycleList, PracticeActions, PriorityDetail } from '../shared/api/empact';
import { listAssessments } from './assessment.service';
import { empactScope, mayEdit, maySee } from './empact.access';
import type { EmpactResult } from '../shared/api/empact';
import { empactDb } from './empact.table';
import * as cycles from './cycle.repository';
import { requirePriority } from './plan.service';
import { LIVE, loadPlans, visibleTree } from './plan.tree';

export async function cycleList(db: DbOrTx, actor: Actor): Promise<CycleList> {
  const scope = await empactScope(db, actor);
  const [rows, priorities, chsgs] = await Promise.all([
    cycles.listCycles(db),
    cycles.listPriorities(db),
    cycles.listChsgs(db),
  ]);
  return {
    cycles: await Promise.all(
      rows.map(async (cycle) => ({
        ...cycle,
        priorities: priorities.filter((p) => p.cycle === cycle.code),
        chsgs: chsgs.filter((c) => c.cycle === cycle.code),
        results: await cycles.listResults(db, cycle.code),
        assessments: await listAssessments(db, scope, cycle.code),
      })),
    ),
  };
}

async function requireCycle(db: DbOrTx, code: string): Promise<void> {
  const known = await empactDb(db)
    .selectFrom('empact_cycles')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  if (!known) throw notFound({ key: 'empact.no-cycle', params: { cycle: code } });
}

export async function addChsg(
  db: DbOrTx,
  cycle: string,
  chsg: { number: number; title: string; source: string },
): Promise<number> {
  await requireCycle(db, cycle);
  const taken = await empactDb(db)
    .selectFrom('empact_chsgs')
    .select('id')
    .where('cycle', '=', cycle)
    .where('number', '=', chsg.number)
    .executeTakeFirst();
  if (taken) throw conflict({ key: 'empact.chsg-taken', params: { cycle, number: String(chsg.number) } });
  return cycles.insertChsg(db, { cycle, ...chsg });
}

export async function addResult(db: DbOrTx, cycle: string, result: EmpactResult): Promise<void> {
  await requireCycle(db, cycle);
  const taken = await empactDb(db)
    .selectFrom('empact_results')
    .select('id')
    .where('cycle', '=', cycle)
    .where('year', '=', result.year)
    .where('measure', '=', result.measure)
    .executeTakeFirst();
  if (taken)
    throw conflict({
      key: 'empact.result-taken',
      params: { cycle, year: String(result.year), measure: result.measure },
    });
  await cycles.insertResult(db, { cycle, ...result });
}

export async function priorityDetail(db: DbOrTx, actor: Actor, id: number): Promise<PriorityDetail> {
  await requirePriority(db, id);
  const scope = await empactScope(db, actor);
  const [priority] = await cycles.listPriorities(db, { id });
  const oaps = await loadPlans(db, [id], LIVE);
  return {
    priority: priority!,
    cycle: priority!.cycle,
    chsgs: await cycles.listChsgs(db, priority!.cycle),
    oaps: visibleTree(oaps, scope),
    editable: mayEdit(scope, id),
    coordinators: scope.secretariat ? await coordinatorEmails(db, id) : null,
  };
}

async function coordinatorEmails(db: DbOrTx, priorityId: number): Promise<string[]> {
  const rows = await empactDb(db)
    .selectFrom('empact_coordinators')
    .innerJoin('users', 'users.id', 'empact_coordinators.user_id')
    .select('users.email')
    .where('empact_coordinators.priority_id', '=', priorityId)
    .orderBy('users.email')
    .execute();
  return rows.map((r) => r.email);
}

/** The secretariat names a priority's EMPACT coordinators: curator accounts, replacing the previous list. */
export async function setCoordinators(db: DbOrTx, priorityId: number, emails: string[]): Promise<void> {
  await requirePriority(db, priorityId);
  const users = emails.length
    ? await db.selectFrom('users').select(['id', 'email', 'role']).where('email', 'in', emails).execute()
    : [];
  emails.forEach((email, i) => {
    const user = users.find((u) => u.email === email);
    if (!user) throw badRequest({ key: 'empact.no-account', params: { index: String(i), email } });
    if (user.role !== 'curator')
      throw badRequest({ key: 'empact.coordinator-not-curator', params: { index: String(i), email, role: user.role } });
  });
  const edb = empactDb(db);
  await edb.deleteFrom('empact_coordinators').where('priority_id', '=', priorityId).execute();
  if (users.length)
    await edb
      .insertInto('empact_coordinators')
      .values(users.map((u) => ({ user_id: u.id, priority_id: priorityId })))
      .execute();
}

/** The operational actions that use or produced a practice, as far as the caller may see them. */
export async function practiceActions(db: DbOrTx, actor: Actor, slug: string): Promise<PracticeActions> {
  const scope = await empactScope(db, actor);
  const rows = await empactDb(db)
    .selectFrom('empact_action_practices')
    .innerJoin('empact_actions', 'empact_actions.id', 'empact_action_practices.action_id')
    .innerJoin('empact_oaps', 'empact_oaps.id', 'empact_actions.oap_id')
    .innerJoin('empact_priorities', 'empact_priorities.id', 'empact_oaps.priority_id')
    .innerJoin('empact_chsgs', 'empact_chsgs.id', 'empact_actions.chsg_id')
    .select([
      'empact_actions.id',
      'empact_actions.number',
      'empact_actions.title',
      'empact_actions.status',
      'empact_actions.classification',
      'empact_oaps.classification as oapClassification',
      'empact_priorities.id as priorityId',
      'empact_priorities.name as priorityName',
      'empact_priorities.cycle',
      'empact_chsgs.number as chsgNumber',
      'empact_action_practices.relation',
    ])
    .where('empact_action_practices.practice_slug', '=', slug)
    .orderBy('empact_priorities.cycle')
    .orderBy('empact_actions.number')
    .execute();
  const visible = rows.filter(
    (r) => maySee(scope, r.classification, r.priorityId) && maySee(scope, r.oapClassification, r.priorityId),
  );
  return {
    slug,
    actions: visible.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      cycle: r.cycle,
      priorityId: r.priorityId,
      priorityName: r.priorityName,
      chsgNumber: r.chsgNumber,
      relation: r.relation as 'uses' | 'produced',
      status: r.status as PracticeActions['actions'][number]['status'],
    })),
  };
}

/** One plan, action or KPI as the priority page shows it; a record the caller may not see is a 404 like a missing one. */
export async function planRecord(db: DbOrTx, actor: Actor, kind: 'oap' | 'action' | 'kpi', id: number) {
  const edb = empactDb(db);
  const owner =
    kind === 'oap'
      ? await edb.selectFrom('empact_oaps').select('priority_id').where('id', '=', id).executeTakeFirst()
      : await edb
          .selectFrom(kind === 'action' ? 'empact_actions' : 'empact_kpis')
          .innerJoin(
            'empact_oaps',
            'empact_oaps.id',
            kind === 'action' ? 'empact_actions.oap_id' : 'empact_kpis.oap_id',
          )
          .select('empact_oaps.priority_id')
          .where(kind === 'action' ? 'empact_actions.id' : 'empact_kpis.id', '=', id)
          .executeTakeFirst();
  const missing = notFound({
    key: 'empact.no-plan-part',
    params: { kind: kind === 'oap' || kind === 'action' ? kind : 'kpi', id: String(id) },
  });
  if (!owner) throw missing;
  const oaps = visibleTree(await loadPlans(db, [owner.priority_id], LIVE), await empactScope(db, actor));
  const actions = oaps.flatMap((o) => o.actions);
  const found =
    kind === 'oap'
      ? oaps.find((o) => o.id === id)
      : kind === 'action'
        ? actions.find((a) => a.id === id)
        : [...oaps.flatMap((o) => o.kpis), ...actions.flatMap((a) => a.kpis)].find((k) => k.id === id);
  if (!found) throw missing;
  return found;
}
