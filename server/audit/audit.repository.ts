import type { Actor } from '../http/actor';
import type { DbOrTx } from '../db/database';
import type { AuditOutcome, AuditRow } from '../db/tables/audit.table';

export interface AuditEvent {
  actor: Actor;
  ip: string;
  action: string;
  target?: string;
  outcome?: AuditOutcome;
  /** Extra facts; never a password, hash or token. */
  detail?: Record<string, unknown>;
  at?: Date;
}

/** Appends one entry. The log has no update or delete path, here or in the database (triggers refuse both). */
export async function appendAudit(db: DbOrTx, event: AuditEvent): Promise<void> {
  const { actor } = event;
  await db
    .insertInto('audit_log')
    .values({
      at: (event.at ?? new Date()).toISOString(),
      actor_id: actor.kind === 'user' ? actor.id : null,
      actor: actor.kind === 'user' ? actor.email : 'anonymous',
      actor_via: actor.kind === 'user' ? actor.via : 'anonymous',
      ip: event.ip,
      action: event.action,
      target: event.target ?? '',
      outcome: event.outcome ?? 'ok',
      detail: event.detail && Object.keys(event.detail).length ? JSON.stringify(event.detail) : null,
    })
    .execute();
}

export interface AuditFilter {
  /** An email, "anonymous", "system", or a user id. */
  actor?: string;
  /** Exact, or a prefix ending in "*" (e.g. "submission.*"). */
  action?: string;
  /** Exact, or a prefix ending in "*" (e.g. "submission/*"). */
  target?: string;
  outcome?: AuditOutcome;
  /** ISO-8601 instants; `from` inclusive, `to` exclusive. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** Entries newest first, with the total that match the filter. */
export async function listAudit(db: DbOrTx, filter: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
  let query = db.selectFrom('audit_log');
  if (filter.actor !== undefined) {
    query = /^\d+$/.test(filter.actor)
      ? query.where('actor_id', '=', Number(filter.actor))
      : query.where('actor', '=', filter.actor.toLowerCase());
  }
  for (const column of ['action', 'target'] as const) {
    const wanted = filter[column];
    if (wanted === undefined) continue;
    if (wanted.endsWith('*')) {
      const prefix = wanted.slice(0, -1);
      query = query.where((eb) => eb(eb.fn('substr', [eb.ref(column), eb.val(1), eb.val(prefix.length)]), '=', prefix));
    } else {
      query = query.where(column, '=', wanted);
    }
  }
  if (filter.outcome) query = query.where('outcome', '=', filter.outcome);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  const counted = await query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute();
  return { rows, total: Number(counted.n) };
}
