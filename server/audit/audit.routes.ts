import { z } from 'zod';
import { badRequest } from '../http/errors';
import { defineRoute } from '../http/route';
import { AuditAnswerSchema } from '../shared/api/audit';
import { listAudit } from './audit.repository';
import { AUDIT_OUTCOMES, type AuditRow } from '../db/tables/audit.table';

/** "2026-11-22" or a full ISO instant → an ISO instant; a bare date as `to` means the end of that day. */
function instant(value: string | undefined, name: string, endOfDay: boolean): string | undefined {
  if (value === undefined) return undefined;
  const dateOnly = /^\d{4}-\d\d-\d\d$/.test(value);
  const time = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time)) throw badRequest(`"${name}" is not a date or ISO-8601 time: "${value}". Example: 2026-11-22 or 2026-11-22T18:00:00Z.`);
  return new Date(time + (dateOnly && endOfDay ? 86_400_000 : 0)).toISOString();
}

function entryView(row: AuditRow) {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    actorId: row.actor_id,
    via: row.actor_via,
    ip: row.ip,
    action: row.action,
    target: row.target,
    outcome: row.outcome,
    detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null,
  };
}

const text = z.string().trim().min(1).max(200);

export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/audit',
    tag: 'audit',
    summary: 'The audit log, newest first: filter by actor, action (or "submission.*"), target (or "user/*"), outcome and time; paged',
    access: { kind: 'roles', roles: ['secretariat'] },
    query: z.object({
      actor: text.optional(),
      action: text.optional(),
      target: text.optional(),
      outcome: z.enum(AUDIT_OUTCOMES).optional(),
      from: z.string().max(40).optional(),
      to: z.string().max(40).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    response: AuditAnswerSchema,
    handler: async ({ db, query }) => {
      const from = instant(query.from, 'from', false);
      const to = instant(query.to, 'to', true);
      if (from && to && from >= to) throw badRequest(`"from" (${query.from}) must be before "to" (${query.to}).`);
      const { rows, total } = await listAudit(db, { ...query, from, to });
      return { data: rows.map(entryView), meta: { total, limit: query.limit, offset: query.offset, count: rows.length } };
    },
  }),
];
