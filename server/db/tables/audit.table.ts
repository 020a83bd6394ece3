import type { Generated, Insertable, Selectable } from 'kysely';
import type { AuditOutcome } from '../../shared/audit-outcomes';

export { AUDIT_OUTCOMES, type AuditOutcome } from '../../shared/audit-outcomes';

/** One append-only audit entry: who did what to which target, when, from where, and how it ended. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  /** The actor's email, "anonymous" or "system". */
  actor: string;
  actor_via: string;
  ip: string;
  /** e.g. submission.commit, session.login-failed, user.role-change */
  action: string;
  /** e.g. submission/42, user/7, "" when the action has no single target. */
  target: string;
  outcome: AuditOutcome;
  /** Extra facts as JSON text (never a password, hash or token). */
  detail: string | null;
}

export type AuditRow = Selectable<AuditLogTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;

/** Refused anonymous requests of one address and route family within one minute (see refusal.repository.ts). */
export interface AuditRefusalTable {
  ip: string;
  /** "POST /api/submissions": the route's method and path pattern. */
  family: string;
  /** The minute, as an ISO instant truncated to minutes ("2026-12-02T10:15Z"). */
  minute: string;
  count: number;
  first_at: string;
  last_at: string;
}

export type AuditRefusalRow = Selectable<AuditRefusalTable>;
