import { z } from 'zod';

/** A national cell derived by summing its regions in the file, with its coverage (issue 19). */
export const DerivedCellSchema = z.object({
  geo: z.string(),
  indicator: z.string(),
  period: z.string(),
  value: z.number().nullable(),
  level: z.number().describe('The NUTS level of the regions summed'),
  parts: z.number().describe('Regions of that level with a figure in the file'),
  expected: z.number().describe("The country's territorial regions of that level"),
  missing: z.array(z.string()).describe('Expected regions without a figure in the file (codes)'),
});

/** What roll-up did to a file: cells summed from parts, and national cells derived from regions. */
export const RollupSummarySchema = z.object({
  summedCells: z.number().describe('Cells whose value is the sum of several rows (parts)'),
  partsPerCell: z
    .array(z.object({ parts: z.number(), cells: z.number() }))
    .describe('How many cells were summed from how many parts'),
  summed: z
    .array(
      z.object({
        geo: z.string(),
        indicator: z.string(),
        period: z.string(),
        parts: z.number(),
        rows: z.array(z.number()),
      }),
    )
    .describe('The first summed cells, with the rows of their parts'),
  derivedCount: z.number(),
  derived: z.array(DerivedCellSchema).describe('The first national cells derived from regions'),
});

export type DerivedCell = z.infer<typeof DerivedCellSchema>;
export type RollupSummary = z.infer<typeof RollupSummarySchema>;
