import { z } from 'zod';
import { ProfileDefinition } from './import-profiles';
import { ReportEntrySchema } from './submissions';

/** A table file's head that the preview reads: enough for its first rows, far less than the file. */
export const PREVIEW_SAMPLE_BYTES = 64 * 1024;
/** JSON-stat cannot be read from its head (`value` may come before `id`): a dataset up to this size is sent whole. */
export const PREVIEW_JSON_BYTES = 512 * 1024;
/** The cells read, and the rows left out, that the preview lists (each); the counts cover the whole sample. */
export const PREVIEW_LINES = 20;

const BASE64_CHARS = Math.ceil(PREVIEW_JSON_BYTES / 3) * 4;

/** POST /api/import-profiles/preview: a draft profile and the head of a file, read as an upload would read them. */
export const ProfilePreviewRequestSchema = z.object({
  geo: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{1,15}$/, 'a geo code such as FR or IT')
    .describe('The country the file is for, as for an upload'),
  profile: ProfileDefinition.describe('The draft profile, as it would be saved'),
  sample: z
    .string()
    .min(1, 'the sample is empty: choose a file with at least a header')
    .max(BASE64_CHARS, `the sample is larger than ${PREVIEW_JSON_BYTES} bytes: send the first ${PREVIEW_SAMPLE_BYTES}`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the sample must be base64')
    .describe('The first bytes of the file, base64 (a JSON-stat dataset whole)'),
  complete: z.boolean().describe('True when the sample is the whole file; else its last, incomplete line is dropped'),
});

export const LEFT_OUT_REASONS = ['filtered', 'unmapped', 'otherGeo', 'missing', 'summed'] as const;

export const PreviewLineSchema = z.object({
  row: z.number().describe('The row of the file (a JSON-stat cell: its position plus one)'),
  outcome: z.enum(['read', 'invalid', ...LEFT_OUT_REASONS]),
  geo: z.string().nullable(),
  indicator: z.string().nullable(),
  period: z.string().nullable().describe('The period as it will be stored (two-digit years read as the profile says)'),
  value: z.number().nullable().describe('The value as a number, after the decimal and thousands separators'),
  text: z.string().describe('The value as the file writes it; for a row left out, what left it out'),
  flags: z.string(),
  reason: z.string().nullable().describe("Why the row is left out or refused, in the reader's language"),
});

export const ProfilePreviewAnswerSchema = z.object({
  format: z.string().nullable().describe('The shape read, or null when the header could not be read'),
  encoding: z.string(),
  delimiter: z.string(),
  columns: z.array(z.string()).describe("The names a profile's columns and filters may use"),
  rowsRead: z.number(),
  sampleBytes: z.number(),
  complete: z.boolean(),
  counts: z.object({
    read: z.number().describe('Cells that would be loaded'),
    invalid: z.number().describe('Cells with an error'),
    filtered: z.number(),
    unmapped: z.number(),
    otherGeo: z.number(),
    missing: z.number(),
    summed: z.number().describe('Rows added into another row’s cell (a profile that sums parts)'),
  }),
  lines: z.array(PreviewLineSchema).max(2 * PREVIEW_LINES),
  problems: z.array(ReportEntrySchema).describe('What stops the file being read, or concerns all of it'),
});

export type ProfilePreviewRequest = z.input<typeof ProfilePreviewRequestSchema>;
export type ProfilePreviewAnswer = z.infer<typeof ProfilePreviewAnswerSchema>;
export type PreviewLine = z.infer<typeof PreviewLineSchema>;
