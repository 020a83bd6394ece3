import type { Db } from '../../db/database';
import { SubmissionStateError } from './commit';
import { lockSubmission } from '../store/submission.repository';
import { clearStaged } from '../stage/staged-store';

/** Withdraws a validated submission: its staged cells go, the record and report stay. */
export async function withdrawSubmission(
  db: Db,
  submissionId: number,
  now = new Date(),
): Promise<{ submissionId: number; withdrawnAt: string }> {
  return db.transaction().execute(async (tx) => {
    const submission = await lockSubmission(tx, submissionId);
    if (!submission)
      throw new SubmissionStateError({ key: 'submissions.missing', params: { id: String(submissionId) } }, 'missing');
    if (submission.status !== 'validated') {
      throw new SubmissionStateError(
        { key: 'submissions.not-withdrawable', params: { id: String(submissionId), status: submission.status } },
        submission.status,
      );
    }
    const withdrawnAt = now.toISOString();
    await clearStaged(tx, submissionId);
    await tx
      .updateTable('submissions')
      .set({ status: 'withdrawn', withdrawn_at: withdrawnAt })
      .where('id', '=', submissionId)
      .execute();
    return { submissionId, withdrawnAt };
  });
}
