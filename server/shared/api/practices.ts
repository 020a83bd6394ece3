import { z } from 'zod';
import { EVIDENCE_RATINGS, WORKFLOW_STATES } from '../practice-vocabulary';
import { ExternalRating, PracticeRecord, RatingOverride } from './practice-record';

const rating = z.enum(EVIDENCE_RATINGS);
const workflowState = z.enum(WORKFLOW_STATES);

/** Which language the curator-written fields are shown in, and a note when it is not the reader's. */
export const PracticeLanguageSchema = z.object({
  original: z.string().describe('The language the practice was written in (ISO 639)'),
  shown: z.string().describe('The language of title, summary and description in this answer'),
  translated: z.boolean().describe('True when a translation into the reader language is shown'),
  note: z
    .string()
    .nullable()
    .describe("In the reader's language: the original's language, when the text is not the reader's original"),
});

/** One card of a practice result list. */
export const PracticeSummarySchema = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  rating,
  ratingLabel: z.string(),
  europeanEvidence: z.boolean(),
  startYear: z.number().nullable(),
  endYear: z.number().nullable(),
  lastEvaluationYear: z.number().nullable(),
  reviewDate: z.string(),
  dueForReview: z.boolean(),
  geos: z.array(z.string()),
  themes: z.array(z.string()),
  approaches: z.array(z.string()),
  indicators: z.array(z.string()),
  state: workflowState,
  version: z.number(),
  titleMatch: z.boolean().nullable().describe('With search words: whether they all matched the title'),
  language: PracticeLanguageSchema,
});

export const FacetCountSchema = z.object({ value: z.string(), count: z.number() });

/** GET /api/practices: a page of results, the facet counts of the whole result, and the paging. */
export const PracticeSearchAnswerSchema = z.object({
  data: z.array(PracticeSummarySchema),
  facets: z.record(z.string(), z.array(FacetCountSchema)),
  meta: z.object({
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    pages: z.number(),
    sort: z.string(),
    q: z.string().nullable(),
  }),
});

export const ExternalRatingViewSchema = z.object({
  ...ExternalRating.shape,
  sourceName: z.string(),
  label: z.string(),
  maps: rating,
  comparison: z
    .string()
    .nullable()
    .describe("In the reader's language: why the registry's level differs from our rating; null when they agree"),
});

/** How the evidence for a practice is rated, and why. */
export const EvidenceAssessmentSchema = z.object({
  rating: rating.describe("The rating shown: the curator's override when there is one, else the derived rating"),
  derivedRating: rating,
  reasons: z.array(z.string()),
  override: RatingOverride.nullable(),
  europeanEvidence: z.boolean(),
  evaluatedIn: z.array(z.string()),
  lastEvaluationYear: z.number().nullable(),
  reviewDate: z.string().describe('YYYY-MM-DD; after it the rating shows as due for review'),
  dueForReview: z.boolean(),
  reviewNote: z.string().describe('In the reader\'s language: what "due for review" means and when this review is due'),
  external: z.array(ExternalRatingViewSchema),
});

/** GET /api/practices/:slug (and the staff's working version). */
export const PracticeDetailSchema = z.object({
  slug: z.string(),
  state: workflowState,
  version: z.number(),
  publishedVersion: z.number().nullable(),
  updatedAt: z.string(),
  record: PracticeRecord,
  evidence: EvidenceAssessmentSchema.extend({ ratingLabel: z.string() }),
  linkedIndicators: z.array(z.string()),
  language: PracticeLanguageSchema,
  translations: z
    .array(z.object({ locale: z.string(), revision: z.number(), translatedBy: z.string(), recordedAt: z.string() }))
    .describe("The latest translation into each language (a curator's additions; every revision is kept)"),
  reviewComment: z
    .string()
    .nullable()
    .describe("The curators' comments when the practice was returned (staff views only)"),
});

export type PracticeLanguage = z.infer<typeof PracticeLanguageSchema>;
export type PracticeSummary = z.infer<typeof PracticeSummarySchema>;
export type FacetCount = z.infer<typeof FacetCountSchema>;
export type PracticeSearchResponse = z.infer<typeof PracticeSearchAnswerSchema>;
export type ExternalRatingView = z.infer<typeof ExternalRatingViewSchema>;
export type EvidenceAssessment = z.infer<typeof EvidenceAssessmentSchema>;
export type PracticeDetail = z.infer<typeof PracticeDetailSchema>;
