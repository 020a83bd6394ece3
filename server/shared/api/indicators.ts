import { z } from 'zod';
import { AGGREGATIONS, POLARITIES, UNIT_KINDS } from '../indicator-vocabulary';
import { LabelsSchema } from './labels';

/**
 * An indicator of the common core set, as GET /api/indicators answers it: its catalogue row, with
 * `name` and `definition` in the reader's language and `labels` giving every language and its source.
 */
export const IndicatorSchema = z.object({
  code: z.string(),
  name: z.string().describe("In the reader's language (?lang=, Accept-Language); English, marked, if untranslated"),
  definition: z.string().describe("In the reader's language"),
  unit: z.enum(UNIT_KINDS),
  polarity: z.enum(POLARITIES),
  theme: z.string(),
  iccs: z.string().nullable(),
  parent: z.string().nullable(),
  source: z.string().nullable().describe("Where the figures come from, in the reader's language"),
  intended_source: z
    .string()
    .nullable()
    .describe("Where figures are to come from (indicators without data yet), in the reader's language"),
  methodology: z.string().describe("How to read the figures, in the reader's language"),
  rate_derivable: z.number().describe('1 when a per-100k rate can be derived from the count'),
  rate_denominator: z.string().nullable(),
  aggregation: z.enum(AGGREGATIONS),
  implausible_change: z.number().describe('Relative year-on-year change above which a value is flagged (0.5 = 50 %)'),
  version: z.number(),
  labels: z.object({
    name: LabelsSchema,
    definition: LabelsSchema,
    unit: LabelsSchema,
    theme: LabelsSchema,
    methodology: LabelsSchema,
    source: LabelsSchema.nullable(),
    intended_source: LabelsSchema.nullable(),
  }),
});

export const ThemeSchema = z.object({
  code: z.string(),
  name: z.string().describe("In the reader's language"),
  labels: LabelsSchema,
});

export const IndicatorsAnswerSchema = z.object({ data: z.array(IndicatorSchema), themes: z.array(ThemeSchema) });

export type Indicator = z.infer<typeof IndicatorSchema>;
export type Theme = z.infer<typeof ThemeSchema>;
export type IndicatorsAnswer = z.infer<typeof IndicatorsAnswerSchema>;
