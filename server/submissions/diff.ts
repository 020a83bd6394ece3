import type { DbOrTx } from '../db/database';
import { inspectSubmission } from './inspect';
import { findSubmission } from './submission.repository';
import { submissionScope } from './submission-scope';

export interface ChangedCell {
  geo: string;
  indicator: string;
  period: string;
  old: { value: number | null; flags: string };
  new: { value: number | null; flags: string };
}

/** What committing a submission would change in published data. */
export interface SubmissionDiff {
  newCells: number;
  changedCells: number;
  unchangedCells: number;
  /** Published cells of the indicators in the file that the file does not mention. They stay as they are. */
  leftOutCells: number;
  /** The first changed cells in key order (indicator, geo, period), at most CHANGED_LISTED. */
  changed: ChangedCell[];
}

export const CHANGED_LISTED = 500;

/** Compares a staged submission with the current observations, walking both in key order (inspect.ts). */
export async function diffSubmission(db: DbOrTx, submissionId: number): Promise<SubmissionDiff> {
  const submission = await findSubmission(db, submissionId);
  const geos = submission ? await submissionScope(db, submission.geo) : [];
  return inspectSubmission(db, submissionId, geos, null);
}
