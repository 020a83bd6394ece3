import { z } from 'zod';
import { badRequest } from '../http/errors';
import { toCsv } from '../http/csv';
import { AuditAnswerSchema } from '../shared/api/audit';
import { defineRoute, RouteResponse } from '../http/route';
import { listRefusals } from './refusal.repository';
import { listAudit } from './audit.repository';
import { AUDIT_OUTCOMES, type AuditRow } from '../db/tables/audit.table';

/** "2026-11-22" or a full ISO instant → an ISO instant; a bare date as `to` means the end of that day. */
function instant(value: string | undefined, name: string, endOfDay: boolean): string | undefined {
  if (value === undefined) return undefined;
  const dateOnly = /^\d{4}-\d\d-\d\d$/.test(value);
  const time = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time)) throw badRequest({ key: 'analytics.bad-time', params: { name, value } });
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
    summary:
      'The audit log, newest first: filter by actor, action (or "submission.*"), target (or "user/*"), outcome and time; paged',
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
      if (from && to && from >= to)
        throw badRequest({ key: 'analytics.from-not-before-to', params: { from: query.from, to: query.to } });
      const { rows, total } = await listAudit(db, { ...query, from, to });
      return {
        data: rows.map(entryView),
        meta: { total, limit: query.limit, offset: query.offset, count: rows.length },
      };
    },
  }),
];

/** Apart from auditRoutes, whose answer type the client derives from that list alone. */
export const auditRefusalRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/audit/refusals',
    tag: 'audit',
    summary:
      'Refused anonymous requests, counted per address, route family and minute, newest first; format=csv exports them',
    access: { kind: 'roles', roles: ['secretariat'] },
    query: z.object({
      ip: text.optional(),
      from: z.string().max(40).optional(),
      to: z.string().max(40).optional(),
      format: z.enum(['json', 'csv']).default('json'),
      limit: z.coerce.number().int().min(1).max(100_000).default(1000),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    handler: async ({ db, query, config }) => {
      const from = instant(query.from, 'from', false);
      const to = instant(query.to, 'to', true);
      const { rows, total, refusals } = await listRefusals(db, { ...query, from, to });
      const data = rows.map((r) => ({
        minute: r.minute,
        ip: r.ip,
        family: r.family,
        count: r.count,
        firstAt: r.first_at,
        lastAt: r.last_at,
      }));
      if (query.format === 'csv') {
        return new RouteResponse(toCsv(data, ['minute', 'ip', 'family', 'count', 'firstAt', 'lastAt']), {
          contentType: 'text/csv; charset=utf-8',
          fileName: 'audit-refusals.csv',
        });
      }
      return {
        data,
        meta: {
          total,
          refusals,
          retentionDays: config.AUDIT_REFUSAL_RETENTION_DAYS,
          limit: query.limit,
          offset: query.offset,
        },
      };
    },
  }),
];
