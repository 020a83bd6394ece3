import { type Actor, actorName } from '../http/actor';
import type { DbOrTx } from '../db/database';
import { badRequest, HttpError, notFound } from '../http/errors';
import type { AssessmentDetail, AssessmentSnapshot, AssessmentSummary, EmpactOap } from '../shared/api/empact';
import { type EmpactScope, empactScope, maySee } from './empact.access';
import type { AssessmentInput } from './empact.schema';
import { empactDb, type EmpactAssessmentRow } from './empact.table';
import { listPriorities } from './cycle.repository';
import { diffPlans } from './assessment.diff';
import { LIVE, loadPlans, todayIso, visibleTree } from './plan.tree';

/** Assessments span every priority of a cycle, so a restricted one is for the secretariat only. */
const NO_PRIORITY = -1;

const summary = (row: EmpactAssessmentRow): AssessmentSummary => ({
  id: row.id,
  cycle: row.cycle,
  kind: row.kind as AssessmentSummary['kind'],
  asOf: row.as_of,
  title: row.title,
  classification: row.classification as AssessmentSummary['classification'],
  frozenAt: row.frozen_at,
  frozenBy: row.frozen_by,
});

export async function listAssessments(db: DbOrTx, scope: EmpactScope, cycle: string): Promise<AssessmentSummary[]> {
  const rows = await empactDb(db)
    .selectFrom('empact_assessments')
    .selectAll()
    .where('cycle', '=', cycle)
    .orderBy('as_of')
    .orderBy('id')
    .execute();
  return rows.filter((r) => maySee(scope, r.classification, NO_PRIORITY)).map(summary);
}

async function visibleAssessment(db: DbOrTx, scope: EmpactScope, id: number): Promise<EmpactAssessmentRow> {
  const row = await empactDb(db).selectFrom('empact_assessments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !maySee(scope, row.classification, NO_PRIORITY))
    throw notFound({ key: 'empact.no-assessment', params: { id: String(id) } });
  return row;
}

export async function createAssessment(db: DbOrTx, actor: Actor, input: AssessmentInput): Promise<number> {
  const cycle = await empactDb(db)
    .selectFrom('empact_cycles')
    .selectAll()
    .where('code', '=', input.cycle)
    .executeTakeFirst();
  if (!cycle) throw badRequest({ key: 'empact.body-no-cycle', params: { cycle: input.cycle } });
  const year = Number(input.asOf.slice(0, 4));
  if (year < cycle.start_year || year > cycle.end_year + 1) {
    throw badRequest({ key: 'empact.as-of-outside', params: { asOf: input.asOf, cycle: cycle.code } });
  }
  const row = await empactDb(db)
    .insertInto('empact_assessments')
    .values({
      cycle: input.cycle,
      kind: input.kind,
      as_of: input.asOf,
      title: input.title,
      narrative: input.narrative,
      classification: input.classification,
      created_by: actorName(actor),
      created_at: new Date().toISOString(),
      frozen_by: null,
      frozen_at: null,
      snapshot: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function refuseFrozen(row: EmpactAssessmentRow): void {
  if (row.frozen_at) {
    throw new HttpError(409, 'assessment-frozen', {
      key: 'empact.assessment-frozen',
      params: { id: String(row.id), on: row.frozen_at.slice(0, 10), by: row.frozen_by ?? '' },
    });
  }
}

export async function editAssessment(
  db: DbOrTx,
  actor: Actor,
  id: number,
  edit: { title: string; narrative: string },
): Promise<void> {
  const row = await visibleAssessment(db, await empactScope(db, actor), id);
  refuseFrozen(row);
  await empactDb(db)
    .updateTable('empact_assessments')
    .set(edit)
    .where('id', '=', id)
    .where('frozen_at', 'is', null)
    .execute();
}

/** Freezes the state of every priority's plans, actions, KPIs and reports at the assessment's date, once. */
export async function freezeAssessment(db: DbOrTx, actor: Actor, id: number): Promise<void> {
  const row = await visibleAssessment(db, await empactScope(db, actor), id);
  refuseFrozen(row);
  const snapshot = await cycleState(db, row.cycle, row.as_of, row.narrative);
  const frozen = await empactDb(db)
    .updateTable('empact_assessments')
    .set({ snapshot: JSON.stringify(snapshot), frozen_at: new Date().toISOString(), frozen_by: actorName(actor) })
    .where('id', '=', id)
    .where('frozen_at', 'is', null)
    .executeTakeFirst();
  // Two secretariat members freezing at once: the second finds it frozen.
  if (Number(frozen.numUpdatedRows) !== 1)
    refuseFrozen({ ...row, frozen_at: new Date().toISOString(), frozen_by: 'another user' });
}

async function cycleState(db: DbOrTx, cycle: string, asOf: string, narrative: string): Promise<AssessmentSnapshot> {
  const priorities = await listPriorities(db, { cycle });
  const oaps = await loadPlans(
    db,
    priorities.map((p) => p.id),
    asOf,
  );
  return {
    asOf,
    narrative,
    priorities: priorities.map((priority) => ({ priority, oaps: oaps.filter((o) => o.priorityId === priority.id) })),
  };
}

function visibleSnapshot(snapshot: AssessmentSnapshot, scope: EmpactScope): AssessmentSnapshot {
  return { ...snapshot, priorities: snapshot.priorities.map((p) => ({ ...p, oaps: visibleTree(p.oaps, scope) })) };
}

export async function getAssessment(db: DbOrTx, actor: Actor, id: number): Promise<AssessmentDetail> {
  const scope = await empactScope(db, actor);
  const row = await visibleAssessment(db, scope, id);
  const snapshot = row.snapshot ? visibleSnapshot(JSON.parse(row.snapshot) as AssessmentSnapshot, scope) : null;
  return { ...summary(row), narrative: row.narrative, snapshot };
}

/** What changed between the frozen assessment and today's live state, as far as the caller may see. */
export async function assessmentDiff(db: DbOrTx, actor: Actor, id: number) {
  const scope = await empactScope(db, actor);
  const row = await visibleAssessment(db, scope, id);
  if (!row.snapshot)
    throw new HttpError(409, 'assessment-not-frozen', {
      key: 'empact.assessment-not-frozen',
      params: { id: String(id) },
    });
  const today = todayIso();
  const then = visibleSnapshot(JSON.parse(row.snapshot) as AssessmentSnapshot, scope);
  const live = visibleSnapshot(await cycleState(db, row.cycle, LIVE, row.narrative), scope);
  const flat = (s: AssessmentSnapshot): EmpactOap[] => s.priorities.flatMap((p) => p.oaps);
  return { assessmentId: id, asOf: row.as_of, today, changes: diffPlans(flat(then), flat(live)) };
}
