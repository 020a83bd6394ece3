import { z } from 'zod';
import { RollupSummarySchema } from './rollup';

/** Every problem a validation report can name; the dashboard and API clients key their help on these. */
export const PROBLEM_CODES = [
  'empty-file',
  'missing-header',
  'unreadable-file',
  'unknown-indicator',
  'unknown-geo',
  'geo-not-yours',
  'older-nuts-code',
  'unknown-geo-name',
  'ambiguous-geo-name',
  'correspondence-other-country',
  'parts-and-direct',
  'additivity',
  'rollup-parts-missing',
  'bad-period',
  'period-out-of-range',
  'not-a-number',
  'ambiguous-number',
  'negative-count',
  'number-out-of-range',
  'fractional-count',
  'field-too-long',
  'line-too-long',
  'too-many-columns',
  'unusual-line-separator',
  'no-cells',
  'encoding',
  'unknown-flag',
  'duplicate-cell',
  'duplicate-column',
  'missing-without-flag',
  'wrong-column-count',
  'unterminated-quote',
  'implausible-change',
  'formula-like-cell',
  'unknown-geo-left-out',
  'not-jsonstat',
  'jsonstat-structure',
  'jsonstat-values',
  'file-too-large',
  'profile-mismatch',
  'unit-mismatch',
  'magnitude-mismatch',
  'change-needs-confirmation',
] as const;

export const SeveritySchema = z.enum(['error', 'warning']);

/** One problem in an uploaded file, located as precisely as the file allows (Frictionless-style). */
export const ReportEntrySchema = z.object({
  row: z.number().nullable(),
  column: z.string().nullable(),
  cell: z.string().nullable(),
  code: z.enum(PROBLEM_CODES),
  severity: SeveritySchema,
  message: z.string().describe("What is wrong and how to fix it, in the reader's language (?lang=, Accept-Language)"),
  messageKey: z
    .string()
    .optional()
    .describe('The message in the catalogue (docs/i18n.md): stable, kept with the stored report'),
  messageParams: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .optional()
    .describe("The message's values, kept with the key so the report renders in any language"),
});

export const ValidationReportSchema = z.object({
  valid: z.boolean(),
  errorCount: z.number(),
  warningCount: z.number(),
  summary: z.string().optional().describe('"3 errors, 1 warning", in the reader\'s language'),
  entries: z.array(ReportEntrySchema),
  omitted: z
    .partialRecord(z.enum(PROBLEM_CODES), z.number())
    .describe('Per code, how many further entries were counted but not listed'),
});

const cellState = z.object({ value: z.number().nullable(), flags: z.string() });

export const ChangedCellSchema = z.object({
  geo: z.string(),
  indicator: z.string(),
  period: z.string(),
  old: cellState,
  new: cellState,
});

/** What committing a submission would change in published data. */
export const SubmissionDiffSchema = z.object({
  newCells: z.number(),
  changedCells: z.number(),
  unchangedCells: z.number(),
  leftOutCells: z
    .number()
    .describe('Published cells of the indicators in the file that the file does not mention; they stay'),
  changed: z.array(ChangedCellSchema).describe('The first changed cells in key order (indicator, geo, period)'),
});

export const SkippedCountsSchema = z.object({
  filtered: z.number().describe("Rows an import profile's row filter excludes"),
  unmapped: z.number().describe('Rows whose national code the import profile does not map'),
  otherGeo: z.number().describe('Rows for other geos in a multi-country file (Eurostat, World Bank)'),
  missing: z.number().describe('Empty or ":" cells of a wide table: no figure, nothing to store'),
  summed: z
    .number()
    .optional()
    .describe("Rows added into another cell (a roll-up's parts): their figures are in that cell's sum"),
});

/** Why rows of a file were left out: the keys of SkippedCounts, in the order the upload page lists them. */
export const LEFT_OUT_REASONS = ['filtered', 'unmapped', 'otherGeo', 'missing', 'summed'] as const;
export type LeftOutReason = (typeof LEFT_OUT_REASONS)[number];

/** A cell whose change against published data is beyond its indicator's threshold: committed only when confirmed. */
export const ConfirmCellSchema = z.object({
  geo: z.string(),
  indicator: z.string(),
  period: z.string(),
  published: z.number().describe('The value readers see now'),
  value: z.number().describe('The value in the file'),
  change: z.number().describe('Relative change in percent, e.g. -99.8'),
  threshold: z.number().describe("The indicator's threshold in percent"),
});

export const ConfirmationSchema = z.object({
  count: z.number().describe('Cells needing confirmation'),
  cells: z.array(ConfirmCellSchema).describe('The first of them in key order (all, up to 200)'),
});

/** The body of POST /api/submissions/:id/commit. */
export const CommitRequestSchema = z.object({
  confirm: z
    .union([z.literal(true), z.array(z.string().max(100)).max(1000)])
    .optional()
    .describe('Confirms the changes beyond threshold: true for all, or the cells as "INDICATOR/GEO/PERIOD"'),
});

/** How a confirmed cell is named in a commit's `confirm` list and in the audit log. */
export function confirmKey(cell: { indicator: string; geo: string; period: string }): string {
  return `${cell.indicator}/${cell.geo}/${cell.period}`;
}

/** How the file was read: what the sniffing found and what was left out on purpose. */
export const ReadingSummarySchema = z.object({
  format: z.string(),
  profile: z.string().nullable().describe('The import profile the file was read with'),
  profileReason: z
    .string()
    .nullable()
    .describe(
      "Why that profile (or none) read the file, in the reader's language: named by the uploader, or chosen by the layout",
    ),
  profileReasonMessage: z
    .object({ key: z.string(), params: z.record(z.string(), z.unknown()).optional() })
    .nullable()
    .optional()
    .describe('profileReason as its message key and values (absent in reports stored before it had one)'),
  encoding: z.string(),
  delimiter: z.string(),
  skipped: SkippedCountsSchema,
  rollup: RollupSummarySchema.optional().describe('Parts summed and national cells derived (profiles with rollup)'),
});

export const SUBMISSION_STATUSES = [
  'validated',
  'rejected',
  'committed',
  'withdrawn',
  'awaiting-approval',
  'approval-rejected',
] as const;

/** How many of the cells a submission adds or changes fall in an open collection round, and how many outside every round. */
const RoundsOfCommitSchema = z
  .object({ cellsInRounds: z.number(), cellsOutsideRounds: z.number() })
  .describe('Cells inside and outside collection rounds (outside is allowed, and said)');

/** The answer to an upload (POST /api/submissions): the dry run's report and diff. */
export const SubmissionPreviewSchema = z.object({
  submissionId: z.number(),
  status: z.enum(SUBMISSION_STATUSES),
  duplicateOf: z.number().nullable().describe('Set when byte-identical content was already submitted: the earlier one'),
  sha256: z.string(),
  rowsRead: z.number(),
  cellsValid: z.number(),
  reading: ReadingSummarySchema,
  report: ValidationReportSchema,
  diff: SubmissionDiffSchema.nullable(),
  rounds: RoundsOfCommitSchema.optional(),
  confirmation: ConfirmationSchema.nullable()
    .optional()
    .describe('Changes beyond threshold that the commit must confirm (`confirm`); null or absent: none'),
});

/** One line of GET /api/submissions (a geo's submissions, newest first). */
export const SubmissionListItemSchema = z.object({
  submissionId: z.number(),
  status: z.enum(SUBMISSION_STATUSES),
  submittedBy: z.string(),
  submittedAt: z.string(),
  committedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  fileName: z.string(),
  profile: z.string().nullable().describe('The import profile the file was read with'),
  format: z.string(),
  rowsRead: z.number(),
  cellsValid: z.number(),
  errorCount: z.number(),
  warningCount: z.number(),
});

export const SubmissionsAnswerSchema = z.object({ data: z.array(SubmissionListItemSchema) });

export type ProblemCode = (typeof PROBLEM_CODES)[number];
export type Severity = z.infer<typeof SeveritySchema>;
export type ReportEntry = z.infer<typeof ReportEntrySchema>;
export type ValidationReport = z.infer<typeof ValidationReportSchema>;
export type ChangedCell = z.infer<typeof ChangedCellSchema>;
export type SubmissionDiff = z.infer<typeof SubmissionDiffSchema>;
export type SkippedCounts = z.infer<typeof SkippedCountsSchema>;
export type ReadingSummary = z.infer<typeof ReadingSummarySchema>;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export type SubmissionPreview = z.infer<typeof SubmissionPreviewSchema>;
export type SubmissionListItem = z.infer<typeof SubmissionListItemSchema>;
export type SubmissionsAnswer = z.infer<typeof SubmissionsAnswerSchema>;
export type ConfirmCell = z.infer<typeof ConfirmCellSchema>;
export type Confirmation = z.infer<typeof ConfirmationSchema>;
export type CommitRequest = z.infer<typeof CommitRequestSchema>;

/** POST /api/submissions/:id/commit: published at once, or (when approval is required) waiting for the secretariat. */

export const CommitAnswerSchema = z.union([
  z.object({
    submissionId: z.number(),
    revisionsAdded: z.number(),
    committedAt: z.string(),
    rounds: RoundsOfCommitSchema.optional(),
  }),
  z.object({
    submissionId: z.number(),
    status: z.literal('awaiting-approval'),
    requestedAt: z.string(),
    rounds: RoundsOfCommitSchema.optional(),
  }),
]);

export type CommitAnswer = z.infer<typeof CommitAnswerSchema>;
