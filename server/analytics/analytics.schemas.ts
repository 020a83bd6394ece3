import { z } from 'zod';
import type {
  AlertsResponse,
  CompareResponse,
  GeoProfileResponse,
  MeasuredValue,
  TrendResponse,
} from './analytics.types';

/**
 * The answers' shapes as zod schemas, for the API description. Each is annotated with its TypeScript
 * type, so the compiler keeps the two in step, and the tests parse real answers with them.
 */
const measure = z.enum(['count', 'rate']);
const nullableNumber = z.number().nullable();

export const versionMeta = z.object({
  dataVersion: z.string().nullable().describe('Time of the latest revision included (ISO-8601 UTC)'),
  asOf: z.string().nullable().describe('The asOf moment asked for, normalised; null means now'),
});

const denominator = z.object({ indicator: z.string(), geo: z.string(), period: z.string(), value: z.number(), flags: z.string() });

/** The fields of a figure with its provenance, for schemas that extend it. */
export const measuredShape = {
  value: nullableNumber.describe('The count, or the per-100k rate rounded to 2 decimals'),
  flags: z.string().describe('Union of the inputs’ flags'),
  count: nullableNumber,
  countFlags: z.string(),
  denominator: denominator.nullable().describe('The population a rate was divided by'),
  reason: z.string().nullable().describe('Why value is null, e.g. "no population for AT 2022"'),
};
export const MeasuredValueSchema: z.ZodType<MeasuredValue> = z.object(measuredShape);

const indicatorSummary = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  measureUnit: z.string(),
  source: z.string().nullable(),
  aggregation: z.string(),
  polarity: z.string(),
});

export const CompareResponseSchema: z.ZodType<CompareResponse> = z.object({
  indicator: indicatorSummary,
  period: z.string(),
  measure,
  group: z.string(),
  rows: z.array(
    z.object({
      ...measuredShape,
      geo: z.string(),
      geoName: z.string(),
      period: z.string(),
      rank: nullableNumber,
      percentile: nullableNumber,
      zScore: nullableNumber,
      robustZ: nullableNumber,
      deviation: nullableNumber,
      relativeDeviation: nullableNumber,
      shareOfAggregate: nullableNumber,
    }),
  ),
  aggregate: z
    .object({
      group: z.string(),
      rule: z.string(),
      value: nullableNumber,
      flags: z.string(),
      coverage: z.object({
        membersReporting: z.number(),
        members: z.number(),
        populationShare: nullableNumber,
        missing: z.array(z.string()),
      }),
      withheld: z.boolean(),
      threshold: z.number(),
      note: z.string(),
    })
    .nullable(),
  warnings: z.array(z.object({ geo: z.string(), flags: z.string(), reason: z.string() })),
  meta: versionMeta,
});

const slope = { slope: z.number(), lower: z.number(), upper: z.number() };

export const TrendResponseSchema: z.ZodType<TrendResponse> = z.object({
  indicator: indicatorSummary,
  geo: z.string(),
  measure,
  points: z.array(
    z.object({
      ...measuredShape,
      period: z.string(),
      segment: z.number(),
      yearOverYear: nullableNumber,
      yearOverYearPercent: nullableNumber,
      movingAverage3: nullableNumber,
    }),
  ),
  segments: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      n: z.number(),
      ols: z.object({ ...slope, intercept: z.number(), rSquared: z.number() }).nullable(),
      theilSen: z.object(slope).nullable(),
      mannKendall: z
        .object({ n: z.number(), s: z.number(), tau: z.number(), variance: z.number(), z: z.number(), p: z.number() })
        .nullable(),
      percentChange: nullableNumber,
      cagr: nullableNumber,
      note: z.string().nullable(),
    }),
  ),
  breaks: z.array(z.string()),
  meta: versionMeta,
});

export const AlertsResponseSchema: z.ZodType<AlertsResponse> = z.object({
  period: z.string(),
  group: z.string(),
  alerts: z.array(
    z.object({
      rank: z.number(),
      indicator: z.string(),
      indicatorName: z.string(),
      geo: z.string(),
      geoName: z.string(),
      period: z.string(),
      measure,
      unit: z.string(),
      source: z.string().nullable(),
      value: z.number(),
      previous: nullableNumber,
      changePercent: nullableNumber,
      expected: z.object({ lower: z.number(), upper: z.number(), from: z.string(), to: z.string() }).nullable(),
      robustZOfChange: nullableNumber,
      rules: z.array(z.enum(['prediction-interval', 'robust-z-change'])),
      score: z.number(),
      flags: z.string(),
      explanation: z.string(),
    }),
  ),
  rules: z.object({ window: z.number(), minimumPoints: z.number(), robustZThreshold: z.number(), interval: z.number() }),
  meta: versionMeta,
});

export const GeoProfileResponseSchema: z.ZodType<GeoProfileResponse> = z.object({
  geo: z.object({ code: z.string(), name: z.string(), groups: z.array(z.string()) }),
  indicators: z.array(
    z.object({
      indicator: indicatorSummary,
      period: z.string().nullable(),
      count: MeasuredValueSchema.nullable(),
      rate: MeasuredValueSchema.nullable(),
      ratePeriod: z.string().nullable(),
      trend: z
        .object({
          measure,
          from: z.string(),
          to: z.string(),
          theilSenSlope: nullableNumber,
          mannKendallP: nullableNumber,
          direction: z.enum(['rising', 'falling', 'no clear trend']),
        })
        .nullable(),
      euRank: nullableNumber,
      euMembersRanked: nullableNumber,
      rankBasis: z.object({ measure, period: z.string() }).nullable(),
      flags: z.string(),
    }),
  ),
  meta: versionMeta,
});
