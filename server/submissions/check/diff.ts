import type { DbOrTx } from '../../db/database';
import { inspectSubmission } from './inspect';
import { findSubmission } from '../store/submission.repository';
import type { SubmissionDiff } from './submission-diff';
import { submissionScope } from '../store/submission-scope';

export { CHANGED_LISTED, type ChangedCell, type SubmissionDiff } from './submission-diff';

/** Compares a staged submission with the current observations, walking both in key order (inspect.ts). */
export async function diffSubmission(db: DbOrTx, submissionId: number): Promise<SubmissionDiff> {
  const submission = await findSubmission(db, submissionId);
  const geos = submission ? await submissionScope(db, submission.geo) : [];
  return inspectSubmission(db, submissionId, geos, null);
}
