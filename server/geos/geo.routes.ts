import { z } from 'zod';
import type { DbOrTx } from '../db/database';
import type { GeoRow } from '../db/tables/geo.table';
import { notFound } from '../http/errors';
import { singleCode } from '../http/query';
import { defineRoute } from '../http/route';
import { type Geo, GeoSchema, GeosAnswerSchema } from '../shared/api/geos';
import { findGeo, listGeos, listGroupMembers, listRegions } from './geo.repository';

function geoView(g: GeoRow, members: { group_code: string; geo_code: string }[]): Geo {
  return {
    ...g,
    territorial: g.territorial === 1,
    groups: members.filter((m) => m.geo_code === g.code).map((m) => m.group_code),
    members: members.filter((m) => m.group_code === g.code).map((m) => m.geo_code),
  };
}

async function geoViews(db: DbOrTx, geos: GeoRow[]): Promise<Geo[]> {
  const members = geos.some((g) => g.kind !== 'region') ? await listGroupMembers(db) : [];
  return geos.map((g) => geoView(g, members));
}

export const GeosQuery = z.object({
  level: z.coerce
    .number()
    .int()
    .min(1)
    .max(3)
    .optional()
    .describe('NUTS level 1–3: the regions of that level instead of the countries and aggregates'),
  country: singleCode.optional().describe('With level: only this country’s regions, e.g. FR'),
});

export const geoRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/geos',
    tag: 'geos',
    summary:
      'Countries and aggregates, with ISO codes and group memberships; with level=1|2|3, the NUTS 2021 regions of that level (optionally of one country)',
    access: { kind: 'public' },
    query: GeosQuery,
    response: GeosAnswerSchema,
    handler: async ({ db, query }) => {
      if (query.level === undefined) return { data: await geoViews(db, await listGeos(db)) };
      return { data: await geoViews(db, await listRegions(db, query.level, query.country)) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/geos/:code',
    tag: 'geos',
    summary: 'One geo by its Eurostat or NUTS code',
    access: { kind: 'public' },
    params: z.object({ code: singleCode }),
    response: GeoSchema,
    handler: async ({ db, params }) => {
      const geo = await findGeo(db, params.code);
      if (!geo) throw notFound({ key: 'analytics.unknown-geo-path', params: { code: params.code } });
      return (await geoViews(db, [geo]))[0]!;
    },
  }),
];
