import { z } from 'zod';
import { observationsJsonStat } from '../analytics/analytics.jsonstat';
import { asOfParam, measureParam, tableFormatParam } from '../analytics/analytics.query';
import { assertMeasure, canBeRate } from '../analytics/catalogue';
import { cellIndex, cellKey } from '../analytics/cell.repository';
import { measuredCount, measuredRate, PER_100K_UNIT, POPULATION_INDICATOR } from '../analytics/rate';
import { answerVersionedRead } from '../analytics/versioned-response';
import type { DbOrTx } from '../db/database';
import { toCsv } from '../http/csv';
import { badRequest } from '../http/errors';
import { assertKnownCodes } from '../http/known-codes';
import { codeList, periodParam } from '../http/query';
import { defineRoute } from '../http/route';
import { ObservationsAnswerSchema, type ObservationsAnswer as ObservationsResponse } from '../shared/api/observations';
import { parsePeriod } from '../cells/period';
import { listObservations } from '../cells/observation.repository';
import { assertKnownSource, sourceParam } from '../sources/source.query';
import { geosAtLevel, withRegionRates } from './observation-level';
import { inReaderLanguage } from '../analytics/answer-language';

export const ObservationQuery = z.object({
  indicator: codeList
    .refine((l) => l.length > 0, 'name at least one indicator, e.g. indicator=ICCS0101')
    .optional()
    .refine((l) => l !== undefined, 'required: name at least one indicator, e.g. indicator=ICCS0101')
    .transform((l) => l!),
  geo: codeList.optional(),
  level: z.coerce
    .number()
    .int()
    .min(0)
    .max(3)
    .optional()
    .describe(
      '0: countries and aggregates only; 1–3: the NUTS regions of that level (rates of regions without a population are the published ones, see rateSource)',
    ),
  from: periodParam.optional(),
  to: periodParam.optional(),
  measure: measureParam,
  asOf: asOfParam.optional(),
  source: sourceParam.optional(),
  format: tableFormatParam,
});

type ObservationQuery = z.output<typeof ObservationQuery>;

export type {
  Observation as ObservationView,
  ObservationsAnswer as ObservationsResponse,
} from '../shared/api/observations';

async function readObservations(
  db: DbOrTx,
  query: ObservationQuery,
  asOf: string | null,
): Promise<Omit<ObservationsResponse, 'meta'> & { meta: { count: number; sources: Record<string, string | null> } }> {
  await assertKnownCodes(db, 'indicator', query.indicator);
  await assertKnownCodes(db, 'geo', query.geo ?? []);
  const geos = query.level === undefined ? (query.geo ?? []) : await geosAtLevel(db, query.level, query.geo);
  if (query.level !== undefined && !geos.length)
    return { data: [], measure: query.measure, meta: { count: 0, sources: {} } };
  const fromStart = query.from ? parsePeriod(query.from)!.start : undefined;
  const toStart = query.to ? parsePeriod(query.to)!.start : undefined;
  if (fromStart && toStart && fromStart > toStart)
    throw badRequest({ key: 'trends.from-after-to', params: { from: query.from, to: query.to } });
  const indicators = await db.selectFrom('indicators').selectAll().where('code', 'in', query.indicator).execute();
  if (query.measure === 'rate') for (const row of indicators) assertMeasure(row, 'rate');
  if (query.source) await assertKnownSource(db, query.source);
  // A named source gives the counts; the population is always the preferred one.
  const [cells, population] = await Promise.all([
    listObservations(db, { indicators: query.indicator, geos, fromStart, toStart, source: query.source }, asOf),
    query.measure === 'rate'
      ? listObservations(db, { indicators: [POPULATION_INDICATOR], geos, fromStart, toStart }, asOf)
      : Promise.resolve([]),
  ]);
  const index = cellIndex(population);
  const units = new Map(
    indicators.map((i) => [i.code, query.measure === 'rate' && canBeRate(i) ? PER_100K_UNIT : i.unit]),
  );
  const measured = cells
    .filter((c) => query.indicator.includes(c.indicator))
    .map((c) => ({
      geo: c.geo,
      indicator: c.indicator,
      period: c.period,
      unit: units.get(c.indicator)!,
      ...(query.measure === 'rate'
        ? measuredRate(c, index.get(cellKey(POPULATION_INDICATOR, c.geo, c.period)), c.geo, c.period)
        : measuredCount(c, c.geo, c.period)),
      revision: c.revision_id,
      recordedAt: c.recorded_at,
    }));
  const data = query.measure === 'rate' && query.level ? await withRegionRates(db, measured) : measured;
  return {
    data,
    measure: query.measure,
    meta: { count: data.length, sources: Object.fromEntries(indicators.map((i) => [i.code, i.source])) },
  };
}

export const ObservationsResponseSchema = ObservationsAnswerSchema;

function observationsCsv(answer: ObservationsResponse): string {
  const rows = answer.data.map((o) => ({
    geo: o.geo,
    indicator: o.indicator,
    period: o.period,
    measure: answer.measure,
    value: o.value,
    flags: o.flags,
    unit: o.unit,
    count: o.count,
    count_flags: o.countFlags,
    population: o.denominator?.value ?? null,
    population_flags: o.denominator?.flags ?? '',
    population_source: o.denominator?.source ?? '',
    cell_source: o.source ?? '',
    reason: o.reason ?? '',
    revision: o.revision,
    recorded_at: o.recordedAt,
    source: answer.meta.sources[o.indicator] ?? '',
    data_version: answer.meta.dataVersion ?? '',
  }));
  return toCsv(rows, [
    'geo',
    'indicator',
    'period',
    'measure',
    'value',
    'flags',
    'unit',
    'count',
    'count_flags',
    'population',
    'population_flags',
    'population_source',
    'cell_source',
    'reason',
    'revision',
    'recorded_at',
    'source',
    'data_version',
  ]);
}

export const observationRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/observations',
    tag: 'observations',
    summary:
      'Published observations (the latest revision of each cell, or as of a moment) for indicators, geos and a period range, as counts or per-100k rates; each cell from its preferred source, or from the source named by `source`',
    access: { kind: 'public' },
    query: ObservationQuery,
    response: ObservationsResponseSchema,
    handler: ({ db, headers, query, locale }) =>
      answerVersionedRead({
        db,
        headers,
        query,
        path: '/api/observations',
        locale,
        compute: async (asOf) => inReaderLanguage(await readObservations(db, query, asOf), locale),
        csv: {
          render: (a) => observationsCsv(a as ObservationsResponse),
          fileName: `observations-${query.measure}.csv`,
        },
        jsonstat: (a, catalogue) => observationsJsonStat(a as ObservationsResponse, catalogue),
      }),
  }),
];
