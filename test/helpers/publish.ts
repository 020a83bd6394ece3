import { expect } from 'vitest';
import type { Db } from '../../server/db/database';
import { type CommitResult, commitSubmission } from '../../server/submissions/publish/commit';
import { previewSubmission, type SubmissionPreview } from '../../server/submissions/pipeline';
import { bufferSource } from '../../server/submissions/read/source';

/** The canonical long CSV's header. */
export const CANONICAL_HEADER = 'geo,indicator,period,value,flags,note';

/** A canonical CSV of the given data lines (`NL,ICCS0101,2021,999,p,note`). */
export const canonicalCsv = (...lines: string[]): string => [CANONICAL_HEADER, ...lines].join('\n');

export interface PublishOptions {
  geo: string;
  /** Recorded as the submission's author. */
  submittedBy?: string;
  /** A saved import profile to read the file with. */
  profile?: string;
  /** When the preview and the commit happen (default: now). */
  at?: Date;
  fileName?: string;
}

/**
 * Publishes a file as a contact point would: preview, which must validate, then commit. Through the
 * services rather than HTTP, so that a test can set the time; `target` is any open database (a test
 * context, a TestDatabase, a second connection).
 */
export async function publishCsv(
  target: { db: Db },
  file: string | Buffer,
  { geo, submittedBy = 'test', profile, at, fileName = 'publish.csv' }: PublishOptions,
): Promise<{ preview: SubmissionPreview; commit: CommitResult }> {
  const source = bufferSource(fileName, typeof file === 'string' ? Buffer.from(file) : file);
  const preview = await previewSubmission(target.db, { geo, submittedBy, profile, source }, at);
  expect(preview.status, `the preview was rejected: ${JSON.stringify(preview.report)}`).toBe('validated');
  const commit = await commitSubmission(target.db, preview.submissionId, at);
  return { preview, commit };
}
