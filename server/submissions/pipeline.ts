import type { Db } from '../db/database';
import { readCanonicalCells } from './canonical';
import type { Cell } from './cell';
import { diffSubmission, type SubmissionDiff } from './diff';
import { ReportBuilder, type ValidationReport } from './report';
import { sha256Of, type SubmissionSource, utf8Text } from './source';
import { findSubmissionByContent, insertSubmission, stageCells } from './submission.repository';
import type { SubmissionStatus } from './submission.table';
import { DuplicateGuard, validateCell, type ValidationContext } from './validate';

export interface SubmissionRequest {
  geo: string;
  submittedBy: string;
  source: SubmissionSource;
}

export interface SubmissionPreview {
  submissionId: number;
  status: SubmissionStatus;
  /** True when byte-identical content was already submitted for this geo: the earlier submission is returned. */
  duplicateOf: number | null;
  sha256: string;
  rowsRead: number;
  report: ValidationReport;
  diff: SubmissionDiff | null;
}

/** Sniff, parse, validate and stage a file; published data does not change (the dry run). */
export async function previewSubmission(db: Db, request: SubmissionRequest, now = new Date()): Promise<SubmissionPreview> {
  const sha256 = await sha256Of(request.source);
  const earlier = await findSubmissionByContent(db, request.geo, sha256);
  if (earlier) return previewOfStored(db, earlier.id, earlier.status, sha256, earlier.rows_read, earlier.report);

  const context = await validationContext(db, request.geo, now);
  const report = new ReportBuilder();
  const { cells, rowsRead } = await readValidCells(request.source, context, report);
  const built = report.build();
  const status: SubmissionStatus = built.valid ? 'validated' : 'rejected';

  const submissionId = await db.transaction().execute(async (tx) => {
    const id = await insertSubmission(tx, {
      geo: request.geo,
      submitted_by: request.submittedBy,
      submitted_at: now.toISOString(),
      file_name: request.source.fileName,
      sha256,
      byte_size: request.source.byteSize,
      format: 'canonical',
      rows_read: rowsRead,
      cells_valid: cells.length,
      error_count: built.errorCount,
      warning_count: built.warningCount,
      status,
      report: JSON.stringify(built),
      committed_at: null,
    });
    if (status === 'validated') await stageCells(tx, id, cells);
    return id;
  });
  const diff = status === 'validated' ? await diffSubmission(db, submissionId) : null;
  return { submissionId, status, duplicateOf: null, sha256, rowsRead, report: built, diff };
}

async function previewOfStored(
  db: Db,
  id: number,
  status: SubmissionStatus,
  sha256: string,
  rowsRead: number,
  reportJson: string,
): Promise<SubmissionPreview> {
  const diff = status === 'validated' ? await diffSubmission(db, id) : null;
  return { submissionId: id, status, duplicateOf: id, sha256, rowsRead, report: JSON.parse(reportJson), diff };
}

async function readValidCells(source: SubmissionSource, context: ValidationContext, report: ReportBuilder) {
  const cells: Cell[] = [];
  const duplicates = new DuplicateGuard();
  let rowsRead = 0;
  for await (const raw of readCanonicalCells(utf8Text(source), report)) {
    rowsRead++;
    const cell = validateCell(raw, context, report);
    if (cell && duplicates.accept(cell, raw, report)) cells.push(cell);
  }
  return { cells, rowsRead };
}

export async function validationContext(db: Db, submissionGeo: string, now: Date): Promise<ValidationContext> {
  const [geos, indicators] = await Promise.all([
    db.selectFrom('geos').select('code').execute(),
    db.selectFrom('indicators').select(['code', 'unit']).execute(),
  ]);
  return {
    geos: new Set(geos.map((g) => g.code)),
    indicators: new Map(indicators.map((i) => [i.code, { unit: i.unit }])),
    submissionGeo,
    now,
  };
}
