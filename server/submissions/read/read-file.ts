import { findProfileDefinition } from '../../import-profiles/import-profile.repository';
import type { RawCell } from './cell';
import { decodedText } from './encoding';
import { planReading } from './read-plan';
import { ReportBuilder, type ValidationReport } from './report';
import { scanSource, sniff } from './sniff';
import type { SubmissionSource } from './source';
import { readRawCells, type ReadScope, type SkippedCounts } from './table-reader';

export interface FileCells {
  cells: RawCell[];
  skipped: SkippedCounts;
  report: ValidationReport;
}

/**
 * Reads a whole (small) file with a shipped profile into raw cells for every geo in `scope`, without
 * a database: the seed builder uses it to turn Eurostat and World Bank files into canonical CSVs.
 */
export async function readFileCells(
  source: SubmissionSource,
  profileName: string,
  scope: ReadScope,
): Promise<FileCells> {
  const profile = findProfileDefinition(profileName);
  if (!profile) throw new Error(`No shipped import profile "${profileName}" in data/profiles.`);
  const scan = await scanSource(source);
  const sniffed = sniff(scan, profile);
  const report = new ReportBuilder();
  const skipped: SkippedCounts = { filtered: 0, unmapped: 0, otherGeo: 0, missing: 0 };
  const cells: RawCell[] = [];
  const batches = readRawCells(decodedText(source, sniffed), sniffed.delimiter, {
    profile,
    plan: (header) => planReading(header, profile, [], report),
    scope,
    report,
    skipped,
    rowsRead: { n: 0 },
    sample: sniffed.sample,
  });
  for await (const batch of batches) cells.push(...batch);
  return { cells, skipped, report: report.build() };
}
