import { untranslated } from './reader-text';
import { findProfileDefinition } from '../../import-profiles/import-profile.repository';
import type { RawCell } from './cell';
import { decodedText } from './encoding';
import { planReading } from './read-plan';
import { ReportBuilder, type ValidationReport } from './report';
import { scanSource, sniff } from './sniff';
import { type SubmissionSource, utf8Text } from './source';
import { type CellSink, readRawCells, type ReadScope, type SkippedCounts } from './table-reader';
import { type CubeRead, cubeRoles, takeCubeCells } from './jsonstat-cells';
import { decodeJsonStatText } from './jsonstat/decode';
import type { ProfileDefinition } from '../../shared/api/import-profiles';

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
  if (sniffed.json) {
    await readCubeFile(source, profile, { scope, report, skipped }, cells);
    return { cells, skipped, report: report.build() };
  }
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

/** A JSON-stat source file read whole with its profile (the seed's files are small). */
async function readCubeFile(
  source: SubmissionSource,
  profile: ProfileDefinition,
  read: CubeRead,
  cells: RawCell[],
): Promise<void> {
  let text = '';
  for await (const chunk of utf8Text(source)) text += chunk;
  const decoded = decodeJsonStatText(text);
  if (!decoded.ok) {
    for (const found of decoded.problems)
      read.report.error(null, found.path, null, 'not-jsonstat', untranslated(found.message));
    return;
  }
  const roles = cubeRoles(decoded.dataset, profile, read.report);
  if (!roles) return;
  const sink: CellSink<void> = { take: (cell) => cells.push({ ...cell }), batch: () => undefined };
  for (const _ of takeCubeCells(decoded.dataset, profile, roles, read, sink));
}
