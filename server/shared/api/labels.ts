import { z } from 'zod';

/**
 * Where a label's text comes from:
 * - reference: the observatory's English catalogue text;
 * - official: an official label (Eurostat's ICCS label in French or German);
 * - unreviewed: translated by the observatory, not yet reviewed;
 * - reviewed: marked right (and perhaps corrected) by a reviewer;
 * - fallback: no translation yet, so the English text is shown, marked.
 */
export const LABEL_STATUSES = ['reference', 'official', 'unreviewed', 'reviewed', 'fallback'] as const;
export type LabelStatus = (typeof LABEL_STATUSES)[number];

export const LabelSchema = z.object({
  text: z.string().describe('Never blank: a missing translation shows the English text after FALLBACK_MARK'),
  status: z.enum(LABEL_STATUSES),
  source: z.string().describe("Where the text comes from, in the reader's language"),
  fallback: z.boolean().describe('True when the English text stands in for a missing translation'),
});

export const LabelsSchema = z.object({ en: LabelSchema, nl: LabelSchema, fr: LabelSchema, de: LabelSchema });

export const LabelEntrySchema = z.object({ subject: z.string(), code: z.string(), labels: LabelsSchema });

export const LabelListAnswerSchema = z.object({ data: z.array(LabelEntrySchema) });

export const LabelRevisionSchema = z.object({
  revision: z.number().describe('0 is the catalogue text; each review adds one'),
  text: z.string(),
  status: z.enum(LABEL_STATUSES),
  reviewer: z.string().nullable(),
  comment: z.string().nullable(),
  recordedAt: z.string().nullable(),
});

export const LabelHistoryAnswerSchema = z.object({
  subject: z.string(),
  code: z.string(),
  locale: z.string(),
  revisions: z.array(LabelRevisionSchema),
});

export const LabelReviewInput = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, 'a label needs at least one character')
    .max(2000, 'a label is at most 2000 characters')
    .optional()
    .describe('The corrected text; leave out to mark the current text reviewed as it is'),
  comment: z.string().trim().max(1000, 'a comment is at most 1000 characters').optional(),
});

/** The languages the signed-in reviewer may review. */
export const LabelReviewScopeSchema = z.object({ locales: z.array(z.enum(['en', 'nl', 'fr', 'de'])) });
export type LabelReviewScope = z.infer<typeof LabelReviewScopeSchema>;

export type LabelListAnswer = z.infer<typeof LabelListAnswerSchema>;
export type LabelHistoryAnswer = z.infer<typeof LabelHistoryAnswerSchema>;
export type Label = z.infer<typeof LabelSchema>;
export type Labels = z.infer<typeof LabelsSchema>;
export type LabelEntry = z.infer<typeof LabelEntrySchema>;
export type LabelRevision = z.infer<typeof LabelRevisionSchema>;
export type LabelReviewInput = z.infer<typeof LabelReviewInput>;
