import type { Db, DbOrTx } from '../db/database';
import { moveCurrentValues } from './current-values';
import { clearStagedCells, refreshStatistics, withBulkWrites } from './staging';
import { lockSubmission, serialiseCommits, setSubmissionStatus } from './submission.repository';

export class SubmissionStateError extends Error {
  constructor(
    message: string,
    readonly status: string,
  ) {
    super(message);
  }
}

export interface CommitResult {
  submissionId: number;
  revisionsAdded: number;
  committedAt: string;
}

/**
 * Publishes a validated submission in one transaction: a new revision for every cell whose value or
 * flags differ from the current observation, then the current-value table moves to those revisions.
 * Commits run one after the other (see serialiseCommits), and the commit time is
 * taken once the turn has come, so revision ids and recording times tell the same order, and this
 * commit's revisions are exactly the ids above the largest one before it.
 */
export async function commitSubmission(db: Db, submissionId: number, now?: Date): Promise<CommitResult> {
  return withBulkWrites(db, (conn) => conn.transaction().execute(async (tx) => {
    const submission = await lockSubmission(tx, submissionId);
    if (!submission) throw new SubmissionStateError(`Submission ${submissionId} does not exist.`, 'missing');
    if (submission.status !== 'validated') {
      throw new SubmissionStateError(
        `Submission ${submissionId} is ${submission.status}; only a validated submission can be committed.`,
        submission.status,
      );
    }
    await serialiseCommits(tx);
    const committedAt = (now ?? new Date()).toISOString();
    const before = await largestRevisionId(tx);
    const inserted = await tx
      .insertInto('revisions')
      .columns(['submission_id', 'geo', 'indicator', 'period', 'period_start', 'value', 'flags', 'note', 'recorded_at'])
      .expression((eb) =>
        eb
          .selectFrom('submission_cells as s')
          .leftJoin('observations as o', (join) =>
            join.onRef('o.indicator', '=', 's.indicator').onRef('o.geo', '=', 's.geo').onRef('o.period', '=', 's.period'),
          )
          .select(({ val }) => [
            val(submissionId).as('submission_id'),
            's.geo',
            's.indicator',
            's.period',
            's.period_start',
            's.value',
            's.flags',
            's.note',
            val(committedAt).as('recorded_at'),
          ])
          .where('s.submission_id', '=', submissionId)
          .orderBy('s.indicator')
          .orderBy('s.geo')
          .orderBy('s.period')
          .where((w) =>
            w.or([
              w('o.geo', 'is', null),
              w('o.value', 'is distinct from', w.ref('s.value')),
              w('o.flags', '!=', w.ref('s.flags')),
            ]),
          ),
      )
      .executeTakeFirst();
    await refreshStatistics(tx, 'revisions');

    await moveCurrentValues(tx, submissionId, before);

    await clearStagedCells(tx, submissionId);
    await setSubmissionStatus(tx, submissionId, 'committed', committedAt);
    return { submissionId, revisionsAdded: Number(inserted.numInsertedOrUpdatedRows ?? 0n), committedAt };
  }));
}

async function largestRevisionId(tx: DbOrTx): Promise<number> {
  const row = await tx.selectFrom('revisions').select((eb) => eb.fn.max<number | null>('id').as('id')).executeTakeFirstOrThrow();
  return Number(row.id ?? 0);
}
