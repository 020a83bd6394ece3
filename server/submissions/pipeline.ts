import { NATIONAL_SOURCE } from '../shared/api/sources';
import type { LocalisedText } from '../shared/i18n';
import { translate } from '../i18n/translate';
import type { Db, DbOrTx } from '../db/database';
import { findProfile, shippedProfiles } from '../import-profiles/import-profile.repository';
import type { ProfileDefinition } from '../shared/api/import-profiles';
import type { Confirmation, ReadingSummary, SubmissionPreview } from '../shared/api/submissions';
import { withBulkWrites } from '../db/bulk-writes';
import { freshReadState } from './read/cell-reader';
import { readStagedParts } from './stage/cell-stream';
import { delimiterName } from './read/delimiter';
import { diffSubmission, type SubmissionDiff } from './check/diff';
import { inspectSubmission } from './check/inspect';
import { ReportBuilder, type ValidationReport } from './read/report';
import { readerText } from './read/reader-text';
import { namedByUploader } from './read/read-plan';
import { scanSource, sniff, type Sniffed } from './read/sniff';
import type { SubmissionSource } from './read/source';
import { findSubmissionByContent, insertSubmission } from './store/submission.repository';
import type { NewSubmission, SubmissionStatus } from '../db/tables/submission.table';
import { storePart } from './stage/staged-store';
import { StagingFile } from './stage/staging-file';
import { uploadFolder } from '../http/upload-folder';
import { submissionScope } from './store/submission-scope';
import type { ReadScope } from './read/table-reader';
import type { ValidationContext } from './read/validate';
import type { CellGuard } from './stage/cell-guard';
import { namedGeoIndex } from './read/geo-match/named-geo-index';

export interface SubmissionRequest {
  geo: string;
  submittedBy: string;
  source: SubmissionSource;
  /** The name of a saved import profile to read the file with. */
  profile?: string | null;
  /**
   * Called as rows are read (a papaparse chunk at a time), for progress bars. Reading waits for the
   * promise it may return: the tests hold a preview half-way through its file here.
   */
  onProgress?: (rowsRead: number) => void | Promise<void>;
  /** Where the staging file goes (UPLOAD_DIR); by default the default upload folder. */
  stagingFolder?: string;
  /**
   * The source the file delivers (a code of data/sources.json) and its edition; by default the
   * contact point's own national figures. Only a later submission from the same source revises a cell.
   */
  dataSource?: { code: string; edition?: string | null };
}

export type { ReadingSummary, SubmissionPreview } from '../shared/api/submissions';

/** What the submissions table keeps as JSON in `report`. */
export interface StoredReport {
  report: ValidationReport;
  reading: ReadingSummary;
  diff: Omit<SubmissionDiff, 'changed'> | null;
  /** Changes beyond threshold the commit must confirm (absent in reports stored before they existed). */
  confirmation?: Confirmation | null;
}

export class UnknownProfileError extends Error {
  constructor(readonly text: LocalisedText) {
    super(translate('en', text));
  }
}

/** A saved profile named for a submission of another geo than the profile's own. */
export class ProfileNotForGeoError extends Error {
  constructor(readonly text: LocalisedText) {
    super(translate('en', text));
  }
}

/** Callers check the geo first (a 400 naming it); this guards the foreign key the preview does not check. */
export class UnknownSubmissionGeoError extends Error {}

/** A submission naming a source that data/sources.json does not list. */
export class UnknownDataSourceError extends Error {}

/**
 * Sniff, parse, validate and stage a file; published data does not change (the dry run).
 *
 * Reading, validation and the checks take no lock: the cells go to a staging file (staging-file.ts),
 * and only the short transaction at the end, which stores the submission with its report and copies
 * its staged parts, writes to the database. A long preview therefore never stalls another country's
 * upload or a public read (on SQLite, one write transaction at a time and one connection a process),
 * and a preview that fails or dies half-way leaves nothing in the database.
 *
 * A guard hears the cells a valid file would add or change, and may refuse the upload: then nothing is
 * kept. It refuses early here; the commit's own transaction checks again.
 */
export async function previewSubmission(
  db: Db,
  request: SubmissionRequest,
  now = new Date(),
  guard?: CellGuard,
): Promise<SubmissionPreview> {
  const scan = await scanSource(request.source);
  const dataSource = request.dataSource?.code ?? NATIONAL_SOURCE;
  if (!(await db.selectFrom('sources').select('code').where('code', '=', dataSource).executeTakeFirst()))
    throw new UnknownDataSourceError(`There is no source "${dataSource}". Sources are listed in data/sources.json.`);
  const earlier = await findSubmissionByContent(db, request.geo, scan.sha256, request.profile ?? null, dataSource);
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
    ...profileReasonOf(named ? namedByUploader(named.name) : null),
    encoding: sniffed.encoding,
    delimiter: delimiterName(sniffed.delimiter),
    skipped: { filtered: 0, unmapped: 0, otherGeo: 0, missing: 0 },
  };

  const staging = await StagingFile.create(request.stagingFolder ?? uploadFolder(undefined));
  try {
    const job = { request, sniffed, named, context, report, reading };
    return await stageAndStore(db, staging, job, scan.sha256, now, guard);
  } finally {
    await staging.dispose();
  }
}

/** Reads the file into the staging file, runs the checks over it, then stores the submission. */
async function stageAndStore(
  db: Db,
  staging: StagingFile,
  job: StageJob,
  sha256: string,
  now: Date,
  guard?: CellGuard,
): Promise<SubmissionPreview> {
  const { request, context, report, reading } = job;
  const rowsRead = await stageFile(staging, job);
  await guard?.begin(db, now);
  const source = request.dataSource?.code ?? NATIONAL_SOURCE;
  const { confirmation = null, ...inspected } = await inspectSubmission(
    db,
    staging,
    [...context.scope],
    report,
    guard,
    source,
  );
  if (report.errorCount === 0 && inspected.newCells + inspected.changedCells + inspected.unchangedCells === 0)
    reportNoCells(report, rowsRead, reading, job.named);
  const built = report.build();
  const status: SubmissionStatus = built.valid ? 'validated' : 'rejected';
  // Only a file that could be committed is refused for what it would change; errors are said first.
  if (status === 'validated') guard?.end();
  const diff = status === 'validated' ? inspected : null;
  const cellsValid = diff ? diff.newCells + diff.changedCells + diff.unchangedCells : 0;
  const confirm = status === 'validated' ? confirmation : null;
  const stored: StoredReport = { report: built, reading, diff: diff && summary(diff), confirmation: confirm };
  const submission: NewSubmission = {
    geo: request.geo,
    submitted_by: request.submittedBy,
    submitted_at: now.toISOString(),
    file_name: request.source.fileName.slice(0, 255),
    sha256,
    byte_size: request.source.byteSize,
    format: reading.format,
    rows_read: rowsRead,
    cells_valid: cellsValid,
    error_count: built.errorCount,
    warning_count: built.warningCount,
    status,
    report: JSON.stringify(stored),
    committed_at: null,
    profile: reading.profile,
    source,
    edition: request.dataSource?.edition ?? null,
  };
  // A rejected file is never committed: its cells are not kept.
  const submissionId = await storeSubmission(db, submission, status === 'validated' ? staging : null);
  return {
    ...{ submissionId, status, duplicateOf: null, sha256, rowsRead, cellsValid, reading, report: built, diff },
    confirmation: confirm,
  };
}

/** The one write of a preview, and its only transaction: the submission, complete, and its staged parts. */
function storeSubmission(db: Db, submission: NewSubmission, staging: StagingFile | null): Promise<number> {
  return withBulkWrites(db, (conn) =>
    conn.transaction().execute(async (tx) => {
      const id = await insertSubmission(tx, submission);
      if (staging) for await (const part of staging.parts()) await storePart(tx, id, part);
      return id;
    }),
  );
}

interface StageJob {
  request: SubmissionRequest;
  sniffed: Sniffed;
  named: ProfileDefinition | null;
  context: ValidationContext & { read: ReadScope };
  report: ReportBuilder;
  reading: ReadingSummary;
}

/** Streams the file through the reader and validation into sorted parts in the staging file; answers the rows read. */
async function stageFile(staging: StagingFile, job: StageJob): Promise<number> {
  const { request, sniffed, named, context, report, reading } = job;
  if (sniffed.binary) {
    report.error(null, null, null, 'unreadable-file', {
      key: 'validation.unreadable-binary',
      params: { kind: sniffed.binary },
    });
    return 0;
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
  for await (const part of parts) await staging.append(part);
  reading.skipped = state.skipped;
  if (state.rollup) reading.rollup = state.rollup;
  if (state.format) reading.format = state.format;
  if (state.format === 'jsonstat') reading.delimiter = 'none (JSON)';
  if (state.format) {
    reading.format = state.format;
    reading.profile = state.profile;
    Object.assign(reading, profileReasonOf(state.profileReason));
  }
  return state.rowsRead;
}

/**
 * The profile the uploader named. A saved profile for a country reads only that country's files: a
 * profile another country saved is refused, whoever uploads, so one country's mappings never touch
 * another's figures. Shared profiles (no geo) are saved by the secretariat alone.
 */
/** A file that yields no cell is never "validated": it would publish nothing, which is never what was meant. */
function reportNoCells(
  report: ReportBuilder,
  rowsRead: number,
  reading: ReadingSummary,
  named: ProfileDefinition | null,
): void {
  const { filtered, unmapped, otherGeo, missing } = reading.skipped;
  if (rowsRead > 0 && filtered === rowsRead) {
    // The column to look at is the filters' own: the entry names it (a filter on several columns, each).
    const columns = [...new Set(named?.filters.map((f) => f.column) ?? [])].join(', ') || null;
    report.error(null, columns, null, 'no-cells', {
      key: 'readers.no-cells.all-filtered',
      params: { profile: reading.profile, rows: rowsRead },
    });
    return;
  }
  report.error(null, null, null, 'no-cells', {
    key: 'validation.no-cells',
    params: { rows: rowsRead, filtered, unmapped, otherGeo, missing },
  });
}

async function namedProfile(db: Db, name: string, geo: string): Promise<ProfileDefinition> {
  const found = await findProfile(db, name);
  if (!found) throw new UnknownProfileError({ key: 'submissions.unknown-profile', params: { name } });
  const own = found.definition.geo;
  if (own !== null && own !== geo) {
    throw new ProfileNotForGeoError({ key: 'submissions.profile-not-yours', params: { name, own, geo } });
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
    confirmation: status === 'validated' ? (stored.confirmation ?? null) : null,
  };
}

export async function validationContext(
  db: DbOrTx,
  submissionGeo: string,
  now: Date,
): Promise<ValidationContext & { read: ReadScope }> {
  const [geos, indicators, scope] = await Promise.all([
    db
      .selectFrom('geos')
      .select(['code', 'iso2', 'iso3', 'kind', 'name', 'country', 'nuts_level', 'territorial'])
      .execute(),
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
      namedGeos: namedGeoIndex(geos),
    },
  };
}

/** Why the file was read as it was: stored in English (as older reports hold it) and as its message. */
function profileReasonOf(reason: LocalisedText | null): Pick<ReadingSummary, 'profileReason' | 'profileReasonMessage'> {
  return { profileReason: reason && translate('en', reason), profileReasonMessage: reason };
}
