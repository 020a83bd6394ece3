import { z } from 'zod';
import { periodParam, singleCode } from '../http/query';
import { defineRoute } from '../http/route';
import { REFERENCE_GROUP } from '../shared/reference-group';
import { compareJsonStat, trendJsonStat } from './analytics.jsonstat';
import { asOfParam, formatParam, measureParam, tableFormatParam } from './analytics.query';
import { compareCsv, profileCsv, trendCsv } from './analytics.csv';
import { geoProfile } from './country-profile';
import { compareGroup } from './compare';
import { trendOf } from './trends';
import { CompareResponseSchema, GeoProfileResponseSchema, TrendResponseSchema } from '../shared/api/analytics';
import { answerVersionedRead } from './versioned-response';
import { answerInReaderLanguage } from './answer-language';
import { regionsCsv, regionsOf } from './regions';
import { RegionsAnswerSchema } from '../shared/api/regions';

export const CompareQuery = z.object({
  indicator: singleCode.describe('Indicator code, e.g. ICCS0101'),
  period: periodParam.describe('Period, e.g. 2019'),
  measure: measureParam,
  group: singleCode
    .default(REFERENCE_GROUP)
    .describe(`Aggregate geo whose members are compared (default ${REFERENCE_GROUP})`),
  level: z.coerce
    .number()
    .int()
    .min(1)
    .max(3)
    .optional()
    .describe(
      'NUTS level 1–3: compare the NUTS regions of that level in the group (a country, or every member of an aggregate)',
    ),
  asOf: asOfParam.optional(),
  format: tableFormatParam,
});

export const TrendQuery = z.object({
  indicator: singleCode.describe('Indicator code, e.g. ICCS0401'),
  geo: singleCode.describe('Geo code, e.g. AT'),
  from: periodParam.optional().describe('First period (inclusive)'),
  to: periodParam.optional().describe('Last period (inclusive)'),
  measure: measureParam,
  asOf: asOfParam.optional(),
  format: tableFormatParam,
});

export const comparisonRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/compare',
    tag: 'analytics',
    summary:
      'Compare the members of a group for one indicator and period: rank, percentile, z and robust z, deviation from the group aggregate (with coverage), comparability warnings',
    access: { kind: 'public' },
    query: CompareQuery,
    response: CompareResponseSchema,
    handler: ({ db, headers, query, locale }) =>
      answerVersionedRead({
        db,
        headers,
        query,
        path: '/api/compare',
        locale,
        compute: async (asOf, catalogue, version) =>
          answerInReaderLanguage(
            db,
            await compareGroup(db, catalogue, {
              ...query,
              asOf,
              profiles: version.profiledSubmissions > 0,
              versionKey: version.key,
            }),
            locale,
          ),
        csv: {
          render: (answer) => compareCsv(answer, locale),
          fileName: `compare-${query.indicator}-${query.period}-${query.measure}.csv`,
        },
        jsonstat: compareJsonStat,
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/trends',
    tag: 'analytics',
    summary:
      'The series of one indicator in one geo, split into segments at every break (b), with OLS, Theil–Sen and Mann–Kendall per segment, changes, CAGR and a 3-period moving average',
    access: { kind: 'public' },
    query: TrendQuery,
    response: TrendResponseSchema,
    handler: ({ db, headers, query, locale }) =>
      answerVersionedRead({
        db,
        headers,
        query,
        path: '/api/trends',
        locale,
        compute: async (asOf, catalogue, version) =>
          answerInReaderLanguage(
            db,
            await trendOf(db, catalogue, { ...query, asOf, versionKey: version.key, locale }),
            locale,
          ),
        csv: { render: trendCsv, fileName: `trend-${query.indicator}-${query.geo}-${query.measure}.csv` },
        jsonstat: trendJsonStat,
      }),
  }),
];

export const ProfileQuery = z.object({ asOf: asOfParam.optional(), format: formatParam });
export const ProfileParams = z.object({ code: singleCode.describe('Geo code, e.g. AT') });

export const insightRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/geos/:code/profile',
    tag: 'analytics',
    summary:
      'Country profile: for each indicator the geo reports, the latest value and rate, the trend of its latest segment, its rank in the EU and flags',
    access: { kind: 'public' },
    params: ProfileParams,
    query: ProfileQuery,
    response: GeoProfileResponseSchema,
    handler: ({ db, headers, query, params, locale }) =>
      answerVersionedRead({
        db,
        headers,
        query,
        path: `/api/geos/${params.code}/profile`,
        locale,
        compute: async (asOf, catalogue) =>
          answerInReaderLanguage(db, await geoProfile(db, catalogue, params.code, asOf), locale),
        csv: { render: profileCsv, fileName: `profile-${params.code}.csv` },
      }),
  }),
];

export const RegionsQuery = z.object({
  indicator: singleCode.describe('Indicator code, e.g. ICCS0401'),
  level: z.coerce.number().int().min(1).max(3).default(2).describe('NUTS level 1–3 (default 2)'),
  measure: measureParam,
  asOf: asOfParam.optional(),
  format: formatParam,
});

export const regionRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/geos/:code/regions',
    tag: 'analytics',
    summary:
      'A country’s NUTS regions of one level, each with its latest value of an indicator; rates of regions without a population are the source’s published rates (rateSource)',
    access: { kind: 'public' },
    params: ProfileParams,
    query: RegionsQuery,
    response: RegionsAnswerSchema,
    handler: ({ db, headers, query, params, locale }) =>
      answerVersionedRead({
        db,
        headers,
        query,
        path: `/api/geos/${params.code}/regions`,
        locale,
        compute: async (asOf, catalogue) =>
          answerInReaderLanguage(db, await regionsOf(db, catalogue, { ...query, country: params.code, asOf }), locale),
        csv: { render: regionsCsv, fileName: `regions-${params.code}-${query.indicator}-${query.level}.csv` },
      }),
  }),
];

/** Every analytics route, as listed in server/http/routes.ts. */
export const analyticsRoutes = [...comparisonRoutes, ...insightRoutes, ...regionRoutes];
