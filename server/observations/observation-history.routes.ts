import { z } from 'zod';
import { assertKnownCodes } from '../http/known-codes';
import { periodParam, singleCode } from '../http/query';
import { defineRoute } from '../http/route';
import { cellHistory } from '../cells/cell-history';

/** One cell's versions, from the revision store. */
export const observationHistoryRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/observations/history',
    tag: 'observations',
    summary: 'Every revision of one cell, oldest first, with its submission, time, value and flags',
    access: { kind: 'public' },
    query: z.object({ geo: singleCode, indicator: singleCode, period: periodParam }),
    handler: async ({ db, query }) => {
      await assertKnownCodes(db, 'geo', [query.geo]);
      await assertKnownCodes(db, 'indicator', [query.indicator]);
      return { cell: query, revisions: await cellHistory(db, query) };
    },
  }),
];
