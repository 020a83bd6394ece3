import { z } from 'zod';

/**
 * What the dashboard shows beside a published figure (issue 20, item 9): the note of the version
 * shown and how many versions the cell has had, and a cell's whole history. Pure zod.
 */
export const CellContextSchema = z.object({
  geo: z.string(),
  indicator: z.string(),
  period: z.string(),
  note: z.string().nullable().describe('The note of the version shown (the latest, or the latest at asOf)'),
  versions: z.number().describe('How many versions the cell has had (1 = never revised), up to asOf'),
});
export type CellContext = z.infer<typeof CellContextSchema>;

/** GET /api/observations/context. */
export const CellContextAnswerSchema = z.object({
  cells: z.array(CellContextSchema),
  asOf: z.string().nullable(),
});
export type CellContextAnswer = z.infer<typeof CellContextAnswerSchema>;

export const CellRevisionSchema = z.object({
  revisionId: z.number(),
  submissionId: z.number(),
  source: z.string().describe('Who sent the submission: the seed file, or a role (never a person: history is public)'),
  dataSource: z.string().describe('The dataset the version comes from (sources.code)'),
  edition: z.string().nullable().describe('The source edition, e.g. 2025'),
  recordedAt: z.string(),
  value: z.number().nullable(),
  flags: z.string(),
  note: z.string().nullable(),
  current: z.boolean(),
});
export type CellRevision = z.infer<typeof CellRevisionSchema>;

/** GET /api/observations/history. */
export const CellHistoryAnswerSchema = z.object({
  cell: z.object({ geo: z.string(), indicator: z.string(), period: z.string() }),
  revisions: z.array(CellRevisionSchema),
});
export type CellHistoryAnswer = z.infer<typeof CellHistoryAnswerSchema>;
