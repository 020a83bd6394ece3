import { z } from 'zod';
import { notFound } from '../http/errors';
import { singleCode } from '../http/query';
import { defineRoute } from '../http/route';
import { INDICATOR_NAME, loadLabelBook } from '../labels/label.book';
import { searchLabelCodes } from '../labels/label.search';
import { IndicatorSchema, IndicatorsAnswerSchema } from '../shared/api/indicators';
import { localisedIndicator, localisedTheme } from './indicator.labels';
import { findIndicator, listIndicators, listThemes } from './indicator.repository';

export const indicatorRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/indicators',
    tag: 'indicators',
    summary:
      "The common core set of indicators, with their themes, in the reader's language; ?q= searches their " +
      'names and definitions in English, Dutch, French and German ("inbraak", "cambriolage", "Einbruch")',
    access: { kind: 'public' },
    query: z.strictObject({ q: z.string().max(200).optional() }),
    response: IndicatorsAnswerSchema,
    handler: async ({ db, query, locale }) => {
      const book = await loadLabelBook(db);
      let rows = await listIndicators(db);
      if (query.q?.trim()) {
        const order = await searchLabelCodes(db, INDICATOR_NAME, query.q);
        const rank = new Map(order.map((code, i) => [code, i]));
        rows = rows.filter((r) => rank.has(r.code)).sort((a, b) => rank.get(a.code)! - rank.get(b.code)!);
      }
      return {
        data: rows.map((row) => localisedIndicator(row, book, locale)),
        themes: (await listThemes(db)).map((theme) => localisedTheme(theme, book, locale)),
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/indicators/:code',
    tag: 'indicators',
    summary: "One indicator by its code, in the reader's language, with every language's labels",
    access: { kind: 'public' },
    params: z.object({ code: singleCode }),
    response: IndicatorSchema,
    handler: async ({ db, params, locale }) => {
      const indicator = await findIndicator(db, params.code);
      if (!indicator) throw notFound({ key: 'analytics.unknown-indicator-path', params: { code: params.code } });
      return localisedIndicator(indicator, await loadLabelBook(db), locale);
    },
  }),
];
