import type { Db } from '../../db/database';
import type { ProfileDefinition } from '../../shared/api/import-profiles';
import type { ProfilePreviewAnswer } from '../../shared/api/import-profile-preview';
import type { Locale } from '../../shared/i18n';
import { validationContext } from '../pipeline';
import { delimiterName } from '../read/delimiter';
import { decodedText } from '../read/encoding';
import { cubeRoles, takeCubeCells } from '../read/jsonstat-cells';
import { decodeJsonStatText } from '../read/jsonstat/decode';
import { eurostatDimensions } from '../read/layout';
import { planReading } from '../read/read-plan';
import { untranslated } from '../read/reader-text';
import { localiseReport, ReportBuilder } from '../read/report';
import { scanSource, type Sniffed, sniff } from '../read/sniff';
import { bufferSource, type SubmissionSource } from '../read/source';
import { readTable, type SkippedCounts } from '../read/table-reader';
import { PreviewLines } from './preview-lines';

export interface PreviewJob {
  geo: string;
  profile: ProfileDefinition;
  /** The sample's bytes, cut after its last complete line when it is not the whole file. */
  bytes: Buffer;
  complete: boolean;
  locale: Locale;
}

/** What reading the sample found besides its lines. */
interface SampleRead {
  format: string | null;
  columns: string[];
  rowsRead: number;
}

/**
 * Reads a file's head with a draft profile exactly as an upload would read the file (the same sniffing,
 * reader and cell validation), and answers its first lines: each cell as it would be stored, each row
 * left out with why. It reads the database (codes, the submission's scope) and writes nothing.
 */
export async function previewProfile(db: Db, request: PreviewJob): Promise<ProfilePreviewAnswer> {
  const { profile, bytes, locale } = request;
  const source = bufferSource('sample', bytes);
  const sniffed = sniff(await scanSource(source), profile);
  const context = await validationContext(db, request.geo, new Date());
  const report = new ReportBuilder(20);
  const lines = new PreviewLines(context, locale);
  const read = { format: null, columns: [], rowsRead: 0 } as SampleRead;
  if (sniffed.encodingNote)
    report.add({ row: null, column: null, cell: null, code: 'encoding', ...sniffed.encodingNote });
  if (bytes.length === 0) report.error(null, null, null, 'empty-file', { key: 'profile-preview.no-complete-line' });
  else if (sniffed.binary)
    report.error(null, null, null, 'unreadable-file', {
      key: 'validation.unreadable-binary',
      params: { kind: sniffed.binary },
    });
  else if (sniffed.json) await readCube(request, { report, lines, context, read });
  else await readSampleTable(source, sniffed, profile, { report, lines, context, read });
  return {
    format: read.format,
    encoding: sniffed.encoding,
    delimiter: sniffed.json ? 'none (JSON)' : delimiterName(sniffed.delimiter),
    columns: read.columns,
    rowsRead: read.rowsRead,
    sampleBytes: bytes.length,
    complete: request.complete,
    counts: lines.counts,
    lines: lines.lines,
    problems: localiseReport(report.build(), locale).entries,
  };
}

interface Reading {
  report: ReportBuilder;
  lines: PreviewLines;
  context: Awaited<ReturnType<typeof validationContext>>;
  read: SampleRead;
}

function freshSkipped(): SkippedCounts {
  return { filtered: 0, unmapped: 0, otherGeo: 0, missing: 0 };
}

async function readSampleTable(
  source: SubmissionSource,
  sniffed: Sniffed,
  profile: ProfileDefinition,
  { report, lines, context, read }: Reading,
): Promise<void> {
  const rowsRead = { n: 0 };
  const batches = readTable(
    decodedText(source, sniffed),
    sniffed.delimiter,
    {
      profile,
      plan: (header) => {
        const plan = planReading(header, profile, [], report);
        read.format = plan?.format ?? null;
        const clean = header.map((h) => h.replace(/^\uFEFF/, '').trim());
        read.columns = plan?.format === 'eurostat' ? [...eurostatDimensions(clean), ...clean.slice(1)] : clean;
        return plan;
      },
      scope: context.read,
      report,
      skipped: freshSkipped(),
      rowsRead,
      sample: sniffed.sample,
      leftOut: (row, reason, detail) => lines.leftOut(row, reason, detail),
    },
    lines,
  );
  for await (const _ of batches);
  read.rowsRead = rowsRead.n;
}

/** A JSON-stat dataset, sent whole: its dimensions are the columns a profile names. */
async function readCube(request: PreviewJob, { report, lines, context, read }: Reading): Promise<void> {
  read.format = 'jsonstat';
  if (!request.complete) {
    report.error(null, null, null, 'file-too-large', { key: 'profile-preview.jsonstat-not-whole' });
    return;
  }
  const decoded = decodeJsonStatText(request.bytes.toString('utf8').replace(/^\uFEFF/, ''));
  if (!decoded.ok) {
    for (const found of decoded.problems)
      report.error(null, found.path || null, null, 'not-jsonstat', untranslated(found.message));
    return;
  }
  read.columns = decoded.dataset.dimensions.map((d) => d.id);
  const roles = cubeRoles(decoded.dataset, request.profile, report);
  if (!roles) return;
  const cube = {
    scope: context.read,
    report,
    skipped: freshSkipped(),
    leftOut: (row: number, reason: keyof SkippedCounts, detail: string) => lines.leftOut(row, reason, detail),
  };
  for (const cells of takeCubeCells(decoded.dataset, request.profile, roles, cube, lines)) read.rowsRead = cells;
}
