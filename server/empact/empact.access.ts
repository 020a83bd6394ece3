import type { Actor } from '../http/actor';
import type { DbOrTx } from '../db/database';
import { HttpError, notFound } from '../http/errors';
import { empactDb } from './empact.table';

/**
 * What an actor may see and change in EMPACT. Restricted records are visible to the secretariat and
 * to the EMPACT coordinators of their priority (curator accounts the secretariat assigns); everyone
 * else, signed in or not, is told they do not exist (404), so their existence does not leak.
 */
export interface EmpactScope {
  secretariat: boolean;
  /** Priorities the actor coordinates. */
  priorities: Set<number>;
}

export async function empactScope(db: DbOrTx, actor: Actor): Promise<EmpactScope> {
  if (actor.kind !== 'user') return { secretariat: false, priorities: new Set() };
  if (actor.role === 'secretariat') return { secretariat: true, priorities: new Set() };
  if (actor.role !== 'curator') return { secretariat: false, priorities: new Set() };
  const rows = await empactDb(db)
    .selectFrom('empact_coordinators')
    .select('priority_id')
    .where('user_id', '=', actor.id)
    .execute();
  return { secretariat: false, priorities: new Set(rows.map((r) => r.priority_id)) };
}

export function maySee(scope: EmpactScope, classification: string, priorityId: number): boolean {
  return classification === 'public' || scope.secretariat || scope.priorities.has(priorityId);
}

export function mayEdit(scope: EmpactScope, priorityId: number): boolean {
  return scope.secretariat || scope.priorities.has(priorityId);
}

/** 404 for a record the caller may not see, exactly as for one that does not exist. */
/** The plan parts requireVisible names, as message selectors. */
const PLAN_PARTS: Readonly<Record<string, string>> = {
  'operational action plan': 'oap',
  'operational action': 'action',
  KPI: 'kpi',
};

export function requireVisible(
  scope: EmpactScope,
  record: { classification: string } | undefined,
  priorityId: number,
  what: string,
): void {
  if (!record || !maySee(scope, record.classification, priorityId))
    throw notFound({ key: 'empact.not-visible', params: { kind: PLAN_PARTS[what] ?? 'other', what } });
}

export function requireEditor(scope: EmpactScope, priorityId: number, priorityName: string): void {
  if (mayEdit(scope, priorityId)) return;
  throw new HttpError(403, 'priority-not-yours', {
    key: 'empact.not-your-priority',
    params: { priority: priorityName },
  });
}
