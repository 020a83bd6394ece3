import { z } from 'zod';
import { notFound } from '../http/errors';
import { singleCode } from '../http/query';
import { defineRoute } from '../http/route';
import { IndicatorSchema, IndicatorsAnswerSchema } from '../shared/api/indicators';
import { findIndicator, listIndicators, listThemes } from './indicator.repository';

export const indicatorRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/indicators',
    tag: 'indicators',
    summary: 'The common core set of indicators, with their themes',
    access: { kind: 'public' },
    response: IndicatorsAnswerSchema,
    handler: async ({ db }) => ({ data: await listIndicators(db), themes: await listThemes(db) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/indicators/:code',
    tag: 'indicators',
    summary: 'One indicator by its code',
    access: { kind: 'public' },
    params: z.object({ code: singleCode }),
    response: IndicatorSchema,
    handler: async ({ db, params }) => {
      const indicator = await findIndicator(db, params.code);
      if (!indicator) throw notFound({ key: 'analytics.unknown-indicator-path', params: { code: params.code } });
      return indicator;
    },
  }),
];
