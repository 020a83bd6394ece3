import { z } from 'zod';
import { asOfMoment, asOfParam } from '../analytics/analytics.query';
import { assertKnownCodes } from '../http/known-codes';
import { codeList, periodParam, singleCode } from '../http/query';
import { defineRoute } from '../http/route';
import { cellContexts } from '../cells/cell-context';
import { cellHistory } from '../cells/cell-history';
import { CellContextAnswerSchema, CellHistoryAnswerSchema } from '../shared/api/cell-context';

/** "2019,2020" or repeated ?period= → ["2019","2020"]. */
const periodList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => [...new Set((Array.isArray(v) ? v.join(',') : v).split(',').map((s) => s.trim()))])
  .pipe(z.array(periodParam).max(100));

/** One cell's versions, from the revision store; and, for many cells, their notes and version counts. */
export const observationHistoryRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/observations/history',
    tag: 'observations',
    summary: 'Every revision of one cell, oldest first, with its submission, time, value and flags',
    access: { kind: 'public' },
    query: z.object({ geo: singleCode, indicator: singleCode, period: periodParam }),
    response: CellHistoryAnswerSchema,
    handler: async ({ db, query }) => {
      await assertKnownCodes(db, 'geo', [query.geo]);
      await assertKnownCodes(db, 'indicator', [query.indicator]);
      return { cell: query, revisions: await cellHistory(db, query) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/observations/context',
    tag: 'observations',
    summary:
      'For each published cell of the indicators (and geos, periods) named: the note of the version shown and how many versions it has had',
    access: { kind: 'public' },
    query: z.object({
      indicator: codeList.refine((l) => l.length > 0, 'name at least one indicator, e.g. indicator=ICCS0101'),
      geo: codeList.optional(),
      period: periodList.optional(),
      asOf: asOfParam.optional(),
    }),
    response: CellContextAnswerSchema,
    handler: async ({ db, query }) => {
      await assertKnownCodes(db, 'indicator', query.indicator);
      await assertKnownCodes(db, 'geo', query.geo ?? []);
      const asOf = asOfMoment(query.asOf);
      const filter = { indicators: query.indicator, geos: query.geo, periods: query.period };
      return { cells: await cellContexts(db, filter, asOf), asOf };
    },
  }),
];
