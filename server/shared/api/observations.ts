import { z } from 'zod';

/*
 * The figure-with-provenance fields are the same as the analytics answers' (server/analytics/analytics.schemas.ts
 * `measuredShape`, `versionMeta`), with the same descriptions so the API description is unchanged; once the
 * analytics answers live in server/shared/api/analytics.ts, these two come from there.
 */
const denominator = z.object({
  indicator: z.string(),
  geo: z.string(),
  period: z.string(),
  value: z.number(),
  flags: z.string(),
  source: z.string().describe('The source of the population (sources.code), e.g. estat.demo_pjan'),
});

const measuredShape = {
  value: z.number().nullable().describe('The count, or the per-100k rate rounded to 2 decimals'),
  flags: z.string().describe('Union of the inputs’ flags'),
  count: z.number().nullable(),
  countFlags: z.string(),
  source: z
    .string()
    .nullable()
    .describe('The source of the count (sources.code): the preferred one, or the one asked for'),
  denominator: denominator.nullable().describe('The population a rate was divided by'),
  reason: z.string().nullable().describe('Why value is null, e.g. "no population for AT 2022"'),
  rateSource: z
    .string()
    .optional()
    .describe('Set when the rate is one a source published (a region without a population), e.g. "estat.crim_gen_reg"'),
};

const versionMeta = z.object({
  dataVersion: z.string().nullable().describe('Time of the latest revision included (ISO-8601 UTC)'),
  asOf: z.string().nullable().describe('The asOf moment asked for, normalised; null means now'),
});

/** One published cell in the requested measure, with its revision and provenance. */
export const ObservationSchema = z.object({
  ...measuredShape,
  geo: z.string(),
  indicator: z.string(),
  period: z.string(),
  unit: z.string(),
  revision: z.number(),
  recordedAt: z.string(),
});

/** GET /api/observations. */
export const ObservationsAnswerSchema = z.object({
  data: z.array(ObservationSchema),
  measure: z.enum(['count', 'rate']),
  meta: versionMeta.extend({ count: z.number(), sources: z.record(z.string(), z.string().nullable()) }),
});

export type Observation = z.infer<typeof ObservationSchema>;
export type ObservationsAnswer = z.infer<typeof ObservationsAnswerSchema>;
