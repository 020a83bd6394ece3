import { z } from 'zod';
import { appendAudit } from '../audit/audit.repository';
import type { DbOrTx } from '../db/database';
import { actorName } from '../http/actor';
import { badRequest, notFound } from '../http/errors';
import { defineRoute } from '../http/route';
import { NationalRepresentative, NationalRepresentatives } from '../shared/api/rounds';

const code = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'codes contain only letters, digits, "_" and "-"');
const Email = z.string().trim().toLowerCase().email();
const SECRETARIAT = { kind: 'roles' as const, roles: ['secretariat' as const] };

async function listRepresentatives(db: DbOrTx, geo?: string) {
  let query = db.selectFrom('national_representatives').selectAll().orderBy('geo').orderBy('email');
  if (geo) query = query.where('geo', '=', geo);
  const rows = await query.execute();
  return rows.map((r) => ({ geo: r.geo, email: r.email, grantedBy: r.granted_by, grantedAt: r.granted_at }));
}

/** Only an active contact point of the country can represent it. */
async function assertContactPointOf(db: DbOrTx, email: string, geo: string): Promise<void> {
  const user = await db
    .selectFrom('users')
    .select(['email', 'role', 'geos', 'active'])
    .where('email', '=', email)
    .executeTakeFirst();
  if (!user) throw notFound(`No user has the address ${email}.`);
  const geos = user.geos.split(',').map((g) => g.trim());
  if (user.role !== 'contact_point' || !geos.includes(geo) || !user.active) {
    throw badRequest({ key: 'round-approvals.not-contact-point', params: { email, geo } });
  }
}

/**
 * The national representatives: a flag on contact points, set by the secretariat, that lets them
 * approve their country's part of a round (server/rounds/part-approval.ts).
 */
export const representativeRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/national-representatives',
    tag: 'rounds',
    summary: 'The contact points named national representatives, by country (secretariat)',
    access: SECRETARIAT,
    response: NationalRepresentatives,
    handler: async ({ db }) => ({ data: await listRepresentatives(db) }),
  }),
  defineRoute({
    method: 'put',
    path: '/api/national-representatives/:geo',
    tag: 'rounds',
    summary:
      "Name a contact point its country's national representative, who approves the country's part of a round (secretariat)",
    access: SECRETARIAT,
    params: z.object({ geo: code }),
    body: z.object({ email: Email }),
    response: NationalRepresentative,
    audit: { action: 'round.representative', byHandler: true },
    handler: async ({ db, params, body, actor, ip }) => {
      await assertContactPointOf(db, body.email, params.geo);
      await db.transaction().execute(async (tx) => {
        await tx
          .deleteFrom('national_representatives')
          .where('geo', '=', params.geo)
          .where('email', '=', body.email)
          .execute();
        await tx
          .insertInto('national_representatives')
          .values({
            geo: params.geo,
            email: body.email,
            granted_by: actorName(actor),
            granted_at: new Date().toISOString(),
          })
          .execute();
        await appendAudit(tx, {
          actor,
          ip,
          action: 'round.representative',
          target: `representative/${params.geo}`,
          detail: { email: body.email },
        });
      });
      const [named] = (await listRepresentatives(db, params.geo)).filter((r) => r.email === body.email);
      return named!;
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/national-representatives/:geo',
    tag: 'rounds',
    summary: 'Stop a contact point representing its country: approvals it gave stay (secretariat)',
    access: SECRETARIAT,
    params: z.object({ geo: code }),
    query: z.object({ email: Email }),
    response: NationalRepresentatives,
    audit: { action: 'round.representative-remove', byHandler: true },
    handler: async ({ db, params, query, actor, ip }) => {
      await db.transaction().execute(async (tx) => {
        const removed = await tx
          .deleteFrom('national_representatives')
          .where('geo', '=', params.geo)
          .where('email', '=', query.email)
          .executeTakeFirst();
        if (Number(removed.numDeletedRows) !== 1)
          throw notFound({
            key: 'round-approvals.not-representative',
            params: { email: query.email, geo: params.geo },
          });
        await appendAudit(tx, {
          actor,
          ip,
          action: 'round.representative-remove',
          target: `representative/${params.geo}`,
          detail: { email: query.email },
        });
      });
      return { data: await listRepresentatives(db) };
    },
  }),
];
