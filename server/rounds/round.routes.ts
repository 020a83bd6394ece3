import { z } from 'zod';
import { appendAudit } from '../audit/audit.repository';
import { toCsv } from '../http/csv';
import { notFound } from '../http/errors';
import { defineRoute, RouteResponse } from '../http/route';
import { Completeness, RoundDetail, RoundInput, RoundSummary } from '../shared/api/rounds';
import { completenessRows, roundCompleteness } from './completeness';
import { grantLockException, revokeLockException } from './locks';
import { smtpMailer } from './mailer';
import { runReminders } from './reminders';
import { findRound, listRounds } from './round.repository';
import { createRound, describeRound, summariseRound, updateRound } from './round.service';
import { DELIVERY_COLUMNS, roundDeliveries } from './transparency';

export const RoundParams = z.object({ id: z.coerce.number().int().positive() });
const Format = z.object({ format: z.enum(['json', 'csv']).default('json') });
const SECRETARIAT = ['secretariat' as const];

async function roundOrNotFound(db: Parameters<typeof findRound>[0], id: number) {
  const round = await findRound(db, id);
  if (!round) throw notFound({ key: 'rounds.missing', params: { id: String(id) } });
  return round;
}

/** Collection rounds: the secretariat defines them; everyone can see them, their completeness and, once due, who delivered what. */
export const roundRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/rounds',
    tag: 'rounds',
    summary: 'Every collection round, newest first',
    access: { kind: 'public' },
    response: z.object({ data: z.array(RoundSummary) }),
    handler: async ({ db }) => ({ data: (await listRounds(db)).map((r) => summariseRound(r, new Date())) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/rounds',
    tag: 'rounds',
    summary: 'Create a collection round (secretariat)',
    access: { kind: 'roles', roles: SECRETARIAT },
    body: RoundInput,
    response: RoundDetail,
    audit: { action: 'round.create', byHandler: true },
    handler: async ({ db, body, actor, ip }) =>
      new RouteResponse(await createRound(db, body, { actor, ip }), { status: 201 }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/rounds/:id',
    tag: 'rounds',
    summary: 'A round: its definition, its changes since creation and its lock exceptions',
    access: { kind: 'public' },
    params: RoundParams,
    response: RoundDetail,
    handler: ({ db, params }) => describeRound(db, params.id),
  }),
  defineRoute({
    method: 'put',
    path: '/api/rounds/:id',
    tag: 'rounds',
    summary: 'Change a round: a new version, audited, and shown on the round when it was already open (secretariat)',
    access: { kind: 'roles', roles: SECRETARIAT },
    params: RoundParams,
    body: RoundInput.extend({ version: z.number().int().positive().optional() }),
    response: RoundDetail,
    audit: { action: 'round.update', byHandler: true },
    handler: ({ db, params, body, actor, ip }) => {
      const { version, ...input } = body;
      return updateRound(db, params.id, input, version, { actor, ip });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/rounds/:id/completeness',
    tag: 'rounds',
    summary:
      'Completeness and timeliness per geo and overall (DHIS2 reporting rates), with the cells still missing; JSON or CSV',
    access: { kind: 'public' },
    params: RoundParams,
    query: Format,
    response: Completeness,
    handler: async ({ db, params, query }) => {
      const completeness = await roundCompleteness(db, await roundOrNotFound(db, params.id));
      if (query.format === 'json') return completeness;
      const rows = completenessRows(completeness);
      return new RouteResponse(toCsv(rows, Object.keys(rows[0] ?? { round: '' }) as (keyof (typeof rows)[number])[]), {
        contentType: 'text/csv; charset=utf-8',
        fileName: `round-${params.id}-completeness.csv`,
      });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/rounds/:id/deliveries',
    tag: 'rounds',
    summary: 'Who delivered what and when, cell by cell, once the round is past its due date; JSON or CSV',
    access: { kind: 'public' },
    params: RoundParams,
    query: Format,
    handler: async ({ db, params, query, locale }) => {
      const rows = await roundDeliveries(db, await roundOrNotFound(db, params.id), new Date(), locale);
      if (query.format === 'json') return { data: rows };
      return new RouteResponse(toCsv(rows, [...DELIVERY_COLUMNS]), {
        contentType: 'text/csv; charset=utf-8',
        fileName: `round-${params.id}-deliveries.csv`,
      });
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/rounds/:id/lock-exceptions',
    tag: 'rounds',
    summary: "Let one geo change a locked round's cells until a given time (secretariat)",
    access: { kind: 'roles', roles: SECRETARIAT },
    params: RoundParams,
    body: z.object({
      geo: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
      until: z.iso.datetime({ offset: true }),
      reason: z.string().trim().min(5).max(2000),
    }),
    audit: { action: 'round.lock-exception', byHandler: true },
    handler: async ({ db, params, body, actor, ip }) => {
      await grantLockException(db, params.id, body, { actor, ip });
      return describeRound(db, params.id);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/rounds/:id/lock-exceptions/:exceptionId/revoke',
    tag: 'rounds',
    summary:
      'End a lock exception early, with a reason; a commit in flight either finishes first or is refused (secretariat)',
    access: { kind: 'roles', roles: SECRETARIAT },
    params: RoundParams.extend({ exceptionId: z.coerce.number().int().positive() }),
    body: z.object({ reason: z.string().trim().min(5, 'say why the exception ends early').max(2000) }),
    response: RoundDetail,
    audit: { action: 'round.lock-exception-revoke', byHandler: true },
    handler: async ({ db, params, body, actor, ip }) => {
      await revokeLockException(db, params.id, params.exceptionId, body.reason, { actor, ip });
      return describeRound(db, params.id);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/rounds/reminders',
    tag: 'rounds',
    summary:
      'Send the reminders due now: in-app notices, and email when SMTP_URL is set; each once (secretariat; also run hourly by the server)',
    access: { kind: 'roles', roles: SECRETARIAT },
    audit: { action: 'round.reminders', byHandler: true },
    handler: async ({ db, config, actor, ip }) => {
      const run = await runReminders(db, smtpMailer(config.SMTP_URL, config.PUBLIC_URL));
      await appendAudit(db, { actor, ip, action: 'round.reminders', target: 'round', detail: { ...run } });
      return run;
    },
  }),
];
