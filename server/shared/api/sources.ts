import { z } from 'zod';

/** The contact point's own national figures: the source of every upload that names no other. */
export const NATIONAL_SOURCE = 'national';

/** A dataset cells come from. The best-ranked (lowest rank) source that has a cell gives its preferred value. */
export const SourceSchema = z.object({
  code: z
    .string()
    .regex(/^[a-z0-9_.-]{2,64}$/)
    .describe('e.g. estat.crim_off_cat, national, unodc.cts'),
  publisher: z.string().min(1).describe('Who publishes the dataset: Eurostat, a contact point, UNODC, the World Bank'),
  dataset: z.string().min(1).describe("The publisher's own dataset code"),
  title: z.string().min(1),
  rank: z.number().int().describe('Preference order: lower is preferred'),
});
export type Source = z.infer<typeof SourceSchema>;

export const SourcesAnswerSchema = z.object({
  order: z.string().describe('How the preferred source of a cell is chosen'),
  sources: z.array(SourceSchema),
});
export type SourcesAnswer = z.infer<typeof SourcesAnswerSchema>;

/** One source's current version of a cell, beside the preferred one. */
export const CellSourceVersionSchema = z.object({
  source: z.string(),
  publisher: z.string(),
  dataset: z.string(),
  edition: z.string().nullable().describe('The edition or version of the source that delivered this value'),
  deliveredBy: z
    .enum(['seed', 'contact-point'])
    .describe('Who delivered it: the seed, or a contact point (or the secretariat) of deliveredFor; never a person'),
  deliveredFor: z.string().describe('The geo the delivering submission was made for'),
  preferred: z.boolean(),
  value: z.number().nullable(),
  flags: z.string(),
  recordedAt: z.string(),
  revisionId: z.number().int(),
  difference: z.number().nullable().describe('This value minus the preferred value'),
  differencePercent: z.number().nullable().describe('The difference as a percentage of the preferred value'),
});
export type CellSourceVersion = z.infer<typeof CellSourceVersionSchema>;

export const CellSourcesAnswerSchema = z.object({
  indicator: z.string(),
  geo: z.string(),
  period: z.string(),
  asOf: z.string().nullable(),
  preferred: z.string().nullable().describe('The source whose value comparisons, trends and aggregates use'),
  sources: z.array(CellSourceVersionSchema),
});
export type CellSourcesAnswer = z.infer<typeof CellSourcesAnswerSchema>;
