import { z } from 'zod';
import { asOfParam } from '../analytics/analytics.query';
import { answerVersionedRead } from '../analytics/versioned-response';
import { assertKnownCodes } from '../http/known-codes';
import { periodParam, singleCode } from '../http/query';
import { defineRoute } from '../http/route';
import { CellSourcesAnswerSchema, type CellSourcesAnswer, SourcesAnswerSchema } from '../shared/api/sources';
import { cellSources } from './cell-sources';
import { loadSourceCatalogue } from './source.catalogue';

const CellSourcesQuery = z.object({
  indicator: singleCode,
  geo: singleCode,
  period: periodParam,
  asOf: asOfParam.optional(),
});

function cellSourcesCsv(answer: CellSourcesAnswer): string {
  const header = 'source,publisher,dataset,edition,preferred,value,flags,difference,difference_percent,recorded_at';
  const quote = (v: unknown) =>
    v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
  const lines = answer.sources.map((s) =>
    [
      s.source,
      s.publisher,
      s.dataset,
      s.edition,
      s.preferred,
      s.value,
      s.flags,
      s.difference,
      s.differencePercent,
      s.recordedAt,
    ]
      .map(quote)
      .join(','),
  );
  return `${[header, ...lines].join('\n')}\n`;
}

/** The sources cells come from, and each source's version of one cell beside the preferred one. */
export const sourceRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/sources',
    tag: 'observations',
    summary: 'Every source cells come from, in the order that picks a cell’s preferred value',
    access: { kind: 'public' },
    response: SourcesAnswerSchema,
    handler: async ({ db }) => {
      const sources = await db.selectFrom('sources').selectAll().orderBy('rank').execute();
      return { order: loadSourceCatalogue().order, sources };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/observations/sources',
    tag: 'observations',
    summary:
      'One cell’s value from every source that has it (now or as of a moment), the preferred one first, with each other source’s difference from it',
    access: { kind: 'public' },
    query: CellSourcesQuery,
    response: CellSourcesAnswerSchema,
    handler: ({ db, headers, query }) =>
      answerVersionedRead({
        db,
        headers,
        query,
        path: '/api/observations/sources',
        compute: async (asOf) => {
          await assertKnownCodes(db, 'geo', [query.geo]);
          await assertKnownCodes(db, 'indicator', [query.indicator]);
          const cell = { indicator: query.indicator, geo: query.geo, period: query.period };
          return { ...cell, asOf, ...(await cellSources(db, cell, asOf)) };
        },
        csv: { render: (a) => cellSourcesCsv(a as CellSourcesAnswer), fileName: 'cell-sources.csv' },
      }),
  }),
];
