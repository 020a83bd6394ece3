import { z } from 'zod';
import { badRequest } from '../http/errors';
import { assertKnownCodes } from '../http/known-codes';
import { codeList, periodParam } from '../http/query';
import { defineRoute } from '../http/route';
import { parsePeriod } from './period';
import { dataVersion, listObservations } from './observation.repository';

export const ObservationQuery = z.object({
  indicator: codeList.refine((l) => l.length > 0, 'name at least one indicator, e.g. indicator=ICCS0101').optional()
    .refine((l) => l !== undefined, 'required: name at least one indicator, e.g. indicator=ICCS0101')
    .transform((l) => l!),
  geo: codeList.optional(),
  from: periodParam.optional(),
  to: periodParam.optional(),
});

export const observationRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/observations',
    tag: 'observations',
    summary: 'Published observations (the latest revision of each cell) for indicators, geos and a period range',
    access: { kind: 'public' },
    query: ObservationQuery,
    handler: async ({ db, query }) => {
      const geos = query.geo ?? [];
      await assertKnownCodes(db, 'indicator', query.indicator);
      await assertKnownCodes(db, 'geo', geos);
      const fromStart = query.from ? parsePeriod(query.from)!.start : undefined;
      const toStart = query.to ? parsePeriod(query.to)!.start : undefined;
      if (fromStart && toStart && fromStart > toStart) throw badRequest(`"from" (${query.from}) is after "to" (${query.to}).`);
      const rows = await listObservations(db, { indicators: query.indicator, geos, fromStart, toStart });
      return {
        data: rows.map((r) => ({
          geo: r.geo,
          indicator: r.indicator,
          period: r.period,
          value: r.value,
          flags: r.flags,
          revision: r.revision_id,
          recordedAt: r.recorded_at,
        })),
        meta: { count: rows.length, dataVersion: await dataVersion(db) },
      };
    },
  }),
];
