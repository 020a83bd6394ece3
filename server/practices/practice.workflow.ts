import type { Actor, Role } from '../http/actor';
import { HttpError } from '../http/errors';
import type { WorkflowState } from '../shared/practice-vocabulary';

/** Who may propose and edit practices (contact points only within their geos). */
export const PROPOSERS: Role[] = ['contact_point', 'curator', 'secretariat'];
/** Who may review, rate, publish, return and override. */
export const CURATORS: Role[] = ['curator', 'secretariat'];

export const TRANSITIONS = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: PROPOSERS },
  start_review: { from: ['submitted'], to: 'in_review', roles: CURATORS },
  publish: { from: ['in_review'], to: 'published', roles: CURATORS },
  return: { from: ['submitted', 'in_review'], to: 'returned', roles: CURATORS },
} as const satisfies Record<string, { from: WorkflowState[]; to: WorkflowState; roles: Role[] }>;

export type Transition = keyof typeof TRANSITIONS;

const EDITABLE_BY_PROPOSERS: WorkflowState[] = ['draft', 'returned', 'published'];

export function isCurator(actor: Actor): boolean {
  return actor.kind === 'user' && CURATORS.includes(actor.role);
}

/** The state after a transition, or a 409 that says which states allow it. */
export function nextState(current: WorkflowState, transition: Transition): WorkflowState {
  const rule = TRANSITIONS[transition];
  if (!(rule.from as readonly WorkflowState[]).includes(current)) {
    throw new HttpError(409, 'invalid-transition', {
      key: 'ratings.invalid-transition',
      params: { current, transition, from: rule.from.join(' / ') },
    });
  }
  return rule.to;
}

/**
 * Proposers edit drafts, returned and published practices (a published one gets a new draft while
 * the public keeps seeing the published version); a practice under review is the curators' to edit.
 */
export function assertEditable(current: WorkflowState, actor: Actor): void {
  if (EDITABLE_BY_PROPOSERS.includes(current) || isCurator(actor)) return;
  throw new HttpError(409, 'locked-for-review', { key: 'ratings.locked-for-review', params: { current } });
}
