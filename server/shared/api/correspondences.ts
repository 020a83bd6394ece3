import { z } from 'zod';
import { CorrespondenceEntry } from './import-profiles';

/** A problem found in a correspondence: where it is, and what to do about it, in the reader's language. */
export const CorrespondenceProblemSchema = z.object({
  row: z.number().nullable(),
  column: z.string().nullable(),
  cell: z.string().nullable(),
  code: z.enum([
    'unknown-target',
    'duplicate-source',
    'target-other-country',
    'wrong-column-count',
    'empty-field',
    'unknown-correspondence',
    'no-entries',
  ]),
  message: z.string(),
});

/** POST /api/correspondences/check: the lines read, and every problem (valid only without any). */
export const CorrespondenceCheckAnswerSchema = z.object({
  valid: z.boolean(),
  entries: z.array(CorrespondenceEntry),
  problems: z.array(CorrespondenceProblemSchema),
});

export const CorrespondenceCheckRequest = z.object({
  /** The country the profile is for: every target must be that country or one of its regions. */
  geo: z.string().min(2).max(16),
  /** The CSV text: national name or code, observatory geo; an optional header line. */
  csv: z.string().max(500_000),
});

export const ShippedCorrespondenceSummarySchema = z.object({
  name: z.string(),
  geo: z.string(),
  description: z.string(),
  credit: z.string(),
  level: z.number(),
  entries: z.number(),
});
export const ShippedCorrespondencesAnswerSchema = z.object({ data: z.array(ShippedCorrespondenceSummarySchema) });

export type CorrespondenceProblem = z.infer<typeof CorrespondenceProblemSchema>;
export type CorrespondenceCheckAnswer = z.infer<typeof CorrespondenceCheckAnswerSchema>;
export type ShippedCorrespondencesAnswer = z.infer<typeof ShippedCorrespondencesAnswerSchema>;
