import { z } from 'zod';
import { appendAudit } from '../audit/audit.repository';
import type { DbOrTx } from '../db/database';
import { actorName } from '../http/actor';
import { toCsv } from '../http/csv';
import { badRequest } from '../http/errors';
import { assertKnownCodes } from '../http/known-codes';
import { defineRoute, RouteResponse } from '../http/route';
import { Notice, RoundPart } from '../shared/api/rounds';
import type { Locale } from '../shared/i18n';
import { roundStatus } from './round-dates';
import { listRounds } from './round.repository';
import { noticesFor } from './notices';
import { acceptPart, approvePart, unapprovePart } from './part-approval';
import { completePart, describePart, reopenPart } from './part.service';

const code = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'codes contain only letters, digits, "_" and "-"');
const PartParams = z.object({ id: z.coerce.number().int().positive(), geo: code });
const CONTACTS = ['contact_point' as const, 'secretariat' as const];
const byGeo = {
  kind: 'geo-scoped' as const,
  roles: CONTACTS,
  geos: (ctx: { params: { geo: string } }) => [ctx.params.geo],
};

async function assertCellAsked(db: DbOrTx, roundId: number, geo: string, indicator: string, period: string) {
  const part = await describePart(db, roundId, geo);
  if (!part.cells.some((c) => c.indicator === indicator && c.period === period)) {
    throw badRequest({ key: 'rounds.cell-not-asked', params: { round: part.roundName, geo, indicator, period } });
  }
  return part;
}

/**
 * The part as a service answered it (in English, the reference), told again in the reader's language:
 * the change warnings and the indicators' names and definitions.
 */
async function inLanguage(db: DbOrTx, part: RoundPart, locale: Locale): Promise<RoundPart> {
  return locale === 'en' ? part : describePart(db, part.roundId, part.geo, locale);
}

/** A geo's part of a round: what it owes, its template, completion and the two approval levels. */
export const partRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/round-parts',
    tag: 'rounds',
    summary: 'What a geo owes: its part of every round that is open or past due, cell by cell',
    access: { kind: 'geo-scoped', roles: CONTACTS, geos: (ctx) => [ctx.query.geo] },
    query: z.object({ geo: code }),
    response: z.object({ data: z.array(RoundPart) }),
    handler: async ({ db, query, locale }) => {
      await assertKnownCodes(db, 'geo', [query.geo]);
      const now = new Date();
      const rounds = (await listRounds(db)).filter(
        (r) => r.geos.includes(query.geo) && ['open', 'past-due'].includes(roundStatus(r.row, now)),
      );
      return { data: await Promise.all(rounds.map((r) => describePart(db, r.id, query.geo, locale))) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/rounds/:id/parts/:geo',
    tag: 'rounds',
    summary: "A geo's part of a round, cell by cell",
    access: byGeo,
    params: PartParams,
    response: RoundPart,
    handler: ({ db, params, locale }) => describePart(db, params.id, params.geo, locale),
  }),
  defineRoute({
    method: 'get',
    path: '/api/rounds/:id/parts/:geo/template',
    tag: 'rounds',
    summary:
      "The round's upload template for a geo: every expected cell, with indicator name, unit, definition and last period's value",
    access: byGeo,
    params: PartParams,
    handler: async ({ db, params, locale }) => {
      // Codes and headers stay English; the indicator's name and definition follow the language.
      const part = await describePart(db, params.id, params.geo, locale);
      const rows = part.cells.map((c) => ({
        geo: params.geo,
        indicator: c.indicator,
        period: c.period,
        value: c.value ?? '',
        flags: c.flags,
        note: c.note ?? '',
        indicator_name: c.indicatorName,
        unit: c.unit,
        definition: c.definition,
        previous_value: c.previousValue ?? '',
      }));
      const columns = [
        'geo',
        'indicator',
        'period',
        'value',
        'flags',
        'note',
        'indicator_name',
        'unit',
        'definition',
        'previous_value',
      ] as const;
      return new RouteResponse(toCsv(rows, [...columns]), {
        contentType: 'text/csv; charset=utf-8',
        fileName: `round-${params.id}-${params.geo}.csv`,
      });
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/rounds/:id/parts/:geo/complete',
    tag: 'rounds',
    summary: "Mark a geo's part complete (refused while the round's clean-validation rule fails)",
    access: byGeo,
    params: PartParams,
    response: RoundPart,
    audit: { action: 'round.complete', byHandler: true },
    handler: async ({ db, params, actor, ip, locale }) =>
      inLanguage(db, await completePart(db, params.id, params.geo, { actor, ip }), locale),
  }),
  defineRoute({
    method: 'post',
    path: '/api/rounds/:id/parts/:geo/reopen',
    tag: 'rounds',
    summary: "Undo a geo's completion, until its part is approved",
    access: byGeo,
    params: PartParams,
    response: RoundPart,
    audit: { action: 'round.reopen', byHandler: true },
    handler: async ({ db, params, actor, ip, locale }) =>
      inLanguage(db, await reopenPart(db, params.id, params.geo, { actor, ip }), locale),
  }),
  defineRoute({
    method: 'post',
    path: '/api/rounds/:id/parts/:geo/approve',
    tag: 'rounds',
    summary: "First level of approval: the geo's national representative approves its completed part",
    access: byGeo,
    params: PartParams,
    response: RoundPart,
    audit: { action: 'round.approve', byHandler: true },
    handler: async ({ db, params, actor, ip, locale }) =>
      inLanguage(db, await approvePart(db, params.id, params.geo, { actor, ip }), locale),
  }),
  defineRoute({
    method: 'post',
    path: '/api/rounds/:id/parts/:geo/accept',
    tag: 'rounds',
    summary: 'Second level of approval: the secretariat accepts a nationally approved part; its data is then locked',
    access: { kind: 'roles', roles: ['secretariat'] },
    params: PartParams,
    response: RoundPart,
    audit: { action: 'round.accept', byHandler: true },
    handler: async ({ db, params, actor, ip, locale }) =>
      inLanguage(db, await acceptPart(db, params.id, params.geo, { actor, ip }), locale),
  }),
  defineRoute({
    method: 'post',
    path: '/api/rounds/:id/parts/:geo/unapprove',
    tag: 'rounds',
    summary:
      'Take a part back one level with a reason (accepted, approved, complete); back to open it is returned with comments',
    access: byGeo,
    params: PartParams,
    body: z.object({
      reason: z.string().trim().min(5, 'say why, so the contact point knows what to change').max(2000),
    }),
    response: RoundPart,
    audit: { action: 'round.unapprove', byHandler: true },
    handler: async ({ db, params, body, actor, ip, locale }) =>
      inLanguage(db, await unapprovePart(db, params.id, params.geo, body.reason, { actor, ip }), locale),
  }),
  defineRoute({
    method: 'put',
    path: '/api/rounds/:id/parts/:geo/unavailable',
    tag: 'rounds',
    summary: 'Declare that a figure does not exist nationally, and why (not the same as not delivered)',
    access: byGeo,
    params: PartParams,
    response: RoundPart,
    audit: { action: 'round.unavailable', byHandler: true },
    body: z.object({
      indicator: code,
      period: z.string().max(16),
      reason: z.string().trim().min(5, 'say why the figure does not exist').max(2000),
    }),
    handler: async ({ db, params, body, actor, ip, locale }) => {
      await assertCellAsked(db, params.id, params.geo, body.indicator, body.period);
      const at = new Date().toISOString();
      await db.transaction().execute(async (tx) => {
        await tx
          .deleteFrom('round_unavailable_cells')
          .where('round_id', '=', params.id)
          .where('geo', '=', params.geo)
          .where('indicator', '=', body.indicator)
          .where('period', '=', body.period)
          .execute();
        await tx
          .insertInto('round_unavailable_cells')
          .values({
            round_id: params.id,
            geo: params.geo,
            indicator: body.indicator,
            period: body.period,
            reason: body.reason,
            declared_by: actorName(actor),
            declared_at: at,
          })
          .execute();
        await appendAudit(tx, {
          actor,
          ip,
          action: 'round.unavailable',
          target: `round/${params.id}/${params.geo}`,
          detail: { indicator: body.indicator, period: body.period, reason: body.reason },
        });
      });
      return describePart(db, params.id, params.geo, locale);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/round-notices',
    tag: 'rounds',
    summary:
      'Notices about rounds for the geos the caller acts for (round opened, due soon, overdue, returned with comments)',
    access: { kind: 'roles', roles: CONTACTS },
    response: z.object({ data: z.array(Notice) }),
    handler: async ({ db, actor, locale }) => ({ data: await noticesFor(db, actor, locale) }),
  }),
];
