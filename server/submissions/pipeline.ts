import type { Db, DbOrTx } from '../db/database';
import { findProfile, shippedProfiles } from '../import-profiles/import-profile.repository';
import type { ProfileDefinition } from '../shared/api/import-profiles';
import type { ReadingSummary, SubmissionPreview } from '../shared/api/submissions';
import { withBulkWrites } from '../db/bulk-writes';
import { freshReadState } from './read/cell-reader';
import { readStagedParts } from './stage/cell-stream';
import { delimiterName } from './read/delimiter';
import { diffSubmission, type SubmissionDiff } from './check/diff';
import { inspectSubmission } from './check/inspect';
import type { HeldRun } from './stage/staged-merge';
import { ReportBuilder, type ValidationReport } from './read/report';
import { readerText } from './read/reader-text';
import { scanSource, sniff, type Sniffed } from './read/sniff';
import type { SubmissionSource } from './read/source';
import { findSubmissionByContent, insertSubmission } from './store/submission.repository';
import type { SubmissionStatus } from '../db/tables/submission.table';
import { clearStaged, storePart } from './stage/staged-store';
import { submissionScope } from './store/submission-scope';
import type { ReadScope } from './read/table-reader';
import type { ValidationContext } from './read/validate';

export interface SubmissionRequest {
  geo: string;
  submittedBy: string;
  source: SubmissionSource;
  /** The name of a saved import profile to read the file with. */
  profile?: string | null;
  /** Called as rows are read, for progress bars. */
  onProgress?: (rowsRead: number) => void;
}

export type { ReadingSummary, SubmissionPreview } from '../shared/api/submissions';

/** What the submissions table keeps as JSON in `report`. */
export interface StoredReport {
  report: ValidationReport;
  reading: ReadingSummary;
  diff: Omit<SubmissionDiff, 'changed'> | null;
}

export class UnknownProfileError extends Error {}

/** A saved profile named for a submission of another geo than the profile's own. */
export class ProfileNotForGeoError extends Error {}

/** Callers check the geo first (a 400 naming it); this guards the foreign key the preview does not check. */
export class UnknownSubmissionGeoError extends Error {}

/** Sniff, parse, validate and stage a file; published data does not change (the dry run). */
export async function previewSubmission(
  db: Db,
  request: SubmissionRequest,
  now = new Date(),
): Promise<SubmissionPreview> {
  const scan = await scanSource(request.source);
  const earlier = await findSubmissionByContent(db, request.geo, scan.sha256, request.profile ?? null);
  if (earlier)
    return previewOfStored(
      db,
      earlier.id,
      earlier.status,
      scan.sha256,
      earlier.rows_read,
      earlier.cells_valid,
      earlier.report,
    );

  const named = request.profile ? await namedProfile(db, request.profile, request.geo) : null;
  const sniffed = sniff(scan, named);
  const context = await validationContext(db, request.geo, now);
  if (!context.geos.has(request.geo))
    throw new UnknownSubmissionGeoError(
      `There is no geo "${request.geo}". Use a Eurostat code such as DE, EL or UK (see /api/geos).`,
    );
  const report = new ReportBuilder();
  const reading: ReadingSummary = {
    format: named?.shape ?? 'unknown',
    profile: named?.name ?? null,
    profileReason: named ? `named by the uploader: "${named.name}"` : null,
    encoding: sniffed.encoding,
    delimiter: delimiterName(sniffed.delimiter),
    skipped: { filtered: 0, unmapped: 0, otherGeo: 0, missing: 0 },
  };

  const staged = await withBulkWrites(db, (conn) =>
    conn.transaction().execute(async (tx) => {
      const id = await insertSubmission(tx, {
        geo: request.geo,
        submitted_by: request.submittedBy,
        submitted_at: now.toISOString(),
        file_name: request.source.fileName.slice(0, 255),
        sha256: scan.sha256,
        byte_size: request.source.byteSize,
        format: reading.format,
        rows_read: 0,
        cells_valid: 0,
        error_count: 0,
        warning_count: 0,
        status: 'rejected',
        report: '{}',
        committed_at: null,
        profile: reading.profile,
      });
      const { rowsRead, held } = await stageFile(tx, id, { request, sniffed, named, context, report, reading });
      const inspected = await inspectSubmission(tx, id, [...context.scope], report, held ?? undefined);
      if (report.errorCount === 0 && inspected.newCells + inspected.changedCells + inspected.unchangedCells === 0)
        reportNoCells(report, rowsRead, reading);
      const built = report.build();
      const status: SubmissionStatus = built.valid ? 'validated' : 'rejected';
      if (status === 'rejected') await clearStaged(tx, id);
      const diff = status === 'validated' ? inspected : null;
      const cellsValid = diff ? diff.newCells + diff.changedCells + diff.unchangedCells : 0;
      const stored: StoredReport = { report: built, reading, diff: diff && summary(diff) };
      await tx
        .updateTable('submissions')
        .set({
          status,
          rows_read: rowsRead,
          cells_valid: cellsValid,
          error_count: built.errorCount,
          warning_count: built.warningCount,
          report: JSON.stringify(stored),
          format: reading.format,
        })
        .where('id', '=', id)
        .execute();
      return { id, status, rowsRead, cellsValid, built, diff };
    }),
  );
  return {
    submissionId: staged.id,
    status: staged.status,
    duplicateOf: null,
    sha256: scan.sha256,
    rowsRead: staged.rowsRead,
    cellsValid: staged.cellsValid,
    reading,
    report: staged.built,
    diff: staged.diff,
  };
}

interface StageJob {
  request: SubmissionRequest;
  sniffed: Sniffed;
  named: ProfileDefinition | null;
  context: ValidationContext & { read: ReadScope };
  report: ReportBuilder;
  reading: ReadingSummary;
}

/**
 * Streams the file through the reader and validation into sorted staged parts. Returns the rows read,
 * and the parts themselves when the file made one run (up to RUN_CELLS cells, 24 MB at most), for
 * the checks to read without fetching them back; a larger file's parts are not held.
 */
async function stageFile(tx: DbOrTx, id: number, job: StageJob): Promise<{ rowsRead: number; held: HeldRun | null }> {
  const { request, sniffed, named, context, report, reading } = job;
  if (sniffed.binary) {
    report.error(
      null,
      null,
      null,
      'unreadable-file',
      `This is ${sniffed.binary}, not a text CSV or TSV. Export the sheet as CSV (UTF-8) and upload that file.`,
    );
    return { rowsRead: 0, held: null };
  }
  if (sniffed.encodingNote)
    report.add({ row: null, column: null, cell: null, code: 'encoding', ...sniffed.encodingNote });
  const profiles = named ? [] : shippedProfiles();
  const state = freshReadState();
  const parts = readStagedParts(
    request.source,
    { sniffed, named, profiles, context },
    report,
    state,
    request.onProgress,
  );
  let held: HeldRun | null = [];
  for await (const part of parts) {
    await storePart(tx, id, part);
    if (part.run > 0) held = null;
    else held?.push(part);
  }
  reading.skipped = state.skipped;
  if (state.format) reading.format = state.format;
  if (state.format === 'jsonstat') reading.delimiter = 'none (JSON)';
  if (state.format) {
    reading.profile = state.profile;
    reading.profileReason = state.profileReason;
  }
  return { rowsRead: state.rowsRead, held };
}

/**
 * The profile the uploader named. A saved profile for a country reads only that country's files: a
 * profile another country saved is refused, whoever uploads, so one country's mappings never touch
 * another's figures. Shared profiles (no geo) are saved by the secretariat alone.
 */
/** A file that yields no cell is never "validated": it would publish nothing, which is never what was meant. */
function reportNoCells(report: ReportBuilder, rowsRead: number, reading: ReadingSummary): void {
  const { filtered, unmapped, otherGeo, missing } = reading.skipped;
  if (rowsRead > 0 && filtered === rowsRead) {
    report.error(
      null,
      null,
      null,
      'no-cells',
      readerText({ key: 'readers.no-cells.all-filtered', params: { profile: reading.profile, rows: rowsRead } }),
    );
    return;
  }
  report.error(
    null,
    null,
    null,
    'no-cells',
    `The file yields no cell to publish: ${rowsRead} data rows read; left out: ${filtered} by the profile's filters, ` +
      `${unmapped} with unmapped codes, ${otherGeo} for other geos, ${missing} empty cells. ` +
      'Check that the file holds figures for this geo, below a header row, with ordinary line breaks.',
  );
}

async function namedProfile(db: Db, name: string, geo: string): Promise<ProfileDefinition> {
  const found = await findProfile(db, name);
  if (!found)
    throw new UnknownProfileError(`There is no import profile "${name}". List them with GET /api/import-profiles.`);
  const own = found.definition.geo;
  if (own !== null && own !== geo) {
    throw new ProfileNotForGeoError(
      `The import profile "${name}" belongs to ${own} and reads only ${own}'s files; this submission is for ${geo}. ` +
        `Name a profile saved for ${geo}, a shared one, or none (GET /api/import-profiles lists those you may use).`,
    );
  }
  return found.definition;
}

function summary(diff: SubmissionDiff): Omit<SubmissionDiff, 'changed'> {
  const { changed: _changed, ...counts } = diff;
  return counts;
}

export function parseStoredReport(json: string): StoredReport {
  return JSON.parse(json) as StoredReport;
}

async function previewOfStored(
  db: Db,
  id: number,
  status: SubmissionStatus,
  sha256: string,
  rowsRead: number,
  cellsValid: number,
  reportJson: string,
): Promise<SubmissionPreview> {
  const stored = parseStoredReport(reportJson);
  const diff = status === 'validated' ? await diffSubmission(db, id) : null;
  return {
    submissionId: id,
    status,
    duplicateOf: id,
    sha256,
    rowsRead,
    cellsValid,
    reading: stored.reading,
    report: stored.report,
    diff,
  };
}

export async function validationContext(
  db: DbOrTx,
  submissionGeo: string,
  now: Date,
): Promise<ValidationContext & { read: ReadScope }> {
  const [geos, indicators, scope] = await Promise.all([
    db.selectFrom('geos').select(['code', 'iso2', 'iso3', 'kind']).execute(),
    db.selectFrom('indicators').select(['code', 'unit']).execute(),
    submissionScope(db, submissionGeo).then((geos) => new Set(geos)),
  ]);
  const countries = geos.filter((g) => g.kind === 'country');
  return {
    geos: new Set(geos.map((g) => g.code)),
    indicators: new Map(indicators.map((i) => [i.code, { unit: i.unit }])),
    submissionGeo,
    scope,
    now,
    read: {
      submissionGeo,
      geos: scope,
      knownGeos: new Set(geos.map((g) => g.code)),
      iso3: new Map(countries.filter((g) => g.iso3).map((g) => [g.iso3!, g.code])),
      iso2: new Map(countries.filter((g) => g.iso2).map((g) => [g.iso2!, g.code])),
    },
  };
}
