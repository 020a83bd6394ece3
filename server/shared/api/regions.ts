import { z } from 'zod';
import { IndicatorSummarySchema, measuredShape, VersionMetaSchema } from './analytics';

/** A region's latest figure for one indicator: the country profile's list of regions (issue 19). */
export const RegionLatestSchema = z.object({
  geo: z.string(),
  name: z.string(),
  level: z.number().describe('NUTS level 1–3'),
  territorial: z.boolean().describe('False for extra-regio figures, which belong to no territory'),
  period: z.string().nullable().describe('The latest period with a value; null when the region has none'),
  ...measuredShape,
});
export type RegionLatest = z.infer<typeof RegionLatestSchema>;

export const RegionsAnswerSchema = z.object({
  country: z.object({ code: z.string(), name: z.string() }),
  level: z.number(),
  indicator: IndicatorSummarySchema,
  measure: z.enum(['count', 'rate']),
  regions: z.array(RegionLatestSchema),
  meta: VersionMetaSchema,
});
export type RegionsAnswer = z.infer<typeof RegionsAnswerSchema>;
