import { z } from 'zod';
import { notFound } from '../http/errors';
import { singleCode } from '../http/query';
import { defineRoute } from '../http/route';
import { type Geo, GeoSchema, GeosAnswerSchema } from '../shared/api/geos';
import { findGeo, listGeos, listGroupMembers } from './geo.repository';

async function geoViews(db: Parameters<typeof listGeos>[0]): Promise<Geo[]> {
  const [geos, members] = await Promise.all([listGeos(db), listGroupMembers(db)]);
  return geos.map((g) => ({
    ...g,
    groups: members.filter((m) => m.geo_code === g.code).map((m) => m.group_code),
    members: members.filter((m) => m.group_code === g.code).map((m) => m.geo_code),
  }));
}

export const geoRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/geos',
    tag: 'geos',
    summary: 'All geos: countries and aggregates, with ISO codes and group memberships',
    access: { kind: 'public' },
    response: GeosAnswerSchema,
    handler: async ({ db }) => ({ data: await geoViews(db) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/geos/:code',
    tag: 'geos',
    summary: 'One geo by its Eurostat code',
    access: { kind: 'public' },
    params: z.object({ code: singleCode }),
    response: GeoSchema,
    handler: async ({ db, params }) => {
      if (!(await findGeo(db, params.code)))
        throw notFound({ key: 'analytics.unknown-geo-path', params: { code: params.code } });
      return (await geoViews(db)).find((g) => g.code === params.code)!;
    },
  }),
];
