import type { OpenDatabase } from '../../server/db/connect';
import { openPostgres } from '../../server/db/connect-postgres';
import { commitSubmission } from '../../server/submissions/publish/commit';
import { previewSubmission } from '../../server/submissions/pipeline';
import { bufferSource } from '../../server/submissions/read/source';
import type { TestDatabase } from '../helpers/database';

/** One canonical CSV cell: what a contact point uploads. */
export interface UploadCell {
  /** The cell's geo when it differs from the submission's (a group submitting for a member). */
  geo?: string;
  indicator: string;
  period: string;
  value: number;
}

export function canonicalCsv(geo: string, cells: UploadCell[]): Buffer {
  const lines = cells.map((c) => `${c.geo ?? geo},${c.indicator},${c.period},${c.value},,`);
  return Buffer.from(['geo,indicator,period,value,flags,note', ...lines].join('\n'));
}

/** Validates and stages an upload (the preview); throws unless it validated. */
export async function stagedSubmission(
  open: OpenDatabase,
  geo: string,
  cells: UploadCell[],
  name: string,
): Promise<number> {
  const source = bufferSource(`${name}.csv`, canonicalCsv(geo, cells));
  const preview = await previewSubmission(open.db, { geo, submittedBy: name, source });
  if (preview.status !== 'validated') {
    throw new Error(`${name} did not validate: ${JSON.stringify(preview.report.entries.slice(0, 3))}`);
  }
  return preview.submissionId;
}

export const commit = (open: OpenDatabase, submissionId: number) => commitSubmission(open.db, submissionId);

/** A second app instance on the same PostgreSQL database: its own pool, its own connections. */
export function secondInstance(database: TestDatabase): OpenDatabase {
  return openPostgres(database.file, { max: 4, idleTimeoutMillis: 1_000 });
}

export const YEARS = Array.from({ length: 15 }, (_, i) => String(2008 + i));
