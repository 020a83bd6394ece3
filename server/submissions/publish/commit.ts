import type { LocalisedText } from '../../shared/i18n';
import { translate } from '../../i18n/translate';
import type { Db, DbOrTx } from '../../db/database';
import { withOneConnection, withSideConnection } from '../../db/postgres-sessions';
import { openPublishWriter, type PublishWriter } from '../../db/publish-writer';
import { withBulkWrites } from '../../db/bulk-writes';
import { clearStaged } from '../stage/staged-store';
import { walkSubmission } from '../stage/staged-walk';
import type { StagedCell } from '../stage/staged-merge';
import type { PublishedCell } from '../stage/published-cells';
import { lockSubmission, serialiseCommits } from '../store/submission.repository';
import { submissionScope } from '../store/submission-scope';
import { type CellGuard, isChange } from '../stage/cell-guard';

export class SubmissionStateError extends Error {
  constructor(
    /** The message as a catalogue key and values: the answer renders it in the reader's language. */
    readonly text: LocalisedText,
    readonly status: string,
  ) {
    super(translate('en', text));
  }
}

export interface CommitResult {
  submissionId: number;
  revisionsAdded: number;
  committedAt: string;
}

/**
 * Publishes a validated submission in one transaction. Each staged cell whose value or flags differ
 * from its published version becomes a new revision: a new cell is written once, into observations;
 * a changed cell's old version moves to revisions and the new one takes its place. Unchanged cells
 * are not written. Commits run one after the other (serialiseCommits) and take their time once their
 * turn has come, so revision ids and recording times tell the same order; a commit's revisions are
 * the id range recorded on its submission. A guard (e.g. the rounds' locks) hears every changed cell
 * inside the transaction, once the commit's turn has come, and refuses the whole commit by throwing.
 */
export async function commitSubmission(
  db: Db,
  submissionId: number,
  now?: Date,
  guard?: CellGuard,
): Promise<CommitResult> {
  return withOneConnection(db, (one) =>
    withBulkWrites(one, (conn) =>
      conn.transaction().execute(async (tx) => {
        const submission = await lockSubmission(tx, submissionId);
        if (!submission)
          throw new SubmissionStateError(
            { key: 'submissions.missing', params: { id: String(submissionId) } },
            'missing',
          );
        if (submission.status !== 'validated') {
          throw new SubmissionStateError(
            {
              key: 'submissions.not-committable',
              params: { id: String(submissionId), status: submission.status },
            },
            submission.status,
          );
        }
        await serialiseCommits(tx);
        const at = now ?? new Date();
        const committedAt = at.toISOString();
        const first = (await lastRevisionId(tx)) + 1;
        const geos = await submissionScope(tx, submission.geo);
        await guard?.begin(tx, at);
        // Opened once this commit's turn has come, so commits waiting in line hold one connection each.
        const next = await withSideConnection(db, (side) =>
          publishChanges(
            submissionId,
            geos,
            openPublishWriter(side, one, tx, { submissionId, recordedAt: committedAt, source: submission.source }),
            first,
            guard,
          ),
        );
        guard?.end();
        await clearStaged(tx, submissionId);
        const added = next - first;
        await tx
          .updateTable('submissions')
          .set({
            status: 'committed',
            committed_at: committedAt,
            first_revision_id: added ? first : null,
            last_revision_id: added ? next - 1 : null,
          })
          .where('id', '=', submissionId)
          .execute();
        return { submissionId, revisionsAdded: added, committedAt };
      }),
    ),
  );
}

/** Writes every changed or new cell with the next revision id; returns the id after the last one used. */
async function publishChanges(
  submissionId: number,
  geos: string[],
  writer: PublishWriter,
  first: number,
  guard: CellGuard | undefined,
): Promise<number> {
  let next = first;
  try {
    // Another source's version of a cell is no earlier version of it: the commit compares with its own.
    const visitor = {
      visit(staged: StagedCell | null, published: PublishedCell | null) {
        if (!staged) return;
        const cell = staged.first;
        if (!isChange(cell, published)) return;
        guard?.changed(cell);
        if (!published) writer.add(cell, next++);
        else writer.replace(published, cell, next++);
      },
      afterBatch: () => writer.flush(),
    };
    await walkSubmission(writer.reader, submissionId, geos, visitor, { sameSourceOnly: true });
    await writer.finish();
  } catch (error) {
    writer.abort(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  return next;
}

/** The largest revision id so far: each commit records its range on its submission. */
export async function lastRevisionId(db: DbOrTx): Promise<number> {
  const row = await db
    .selectFrom('submissions')
    .select((eb) => eb.fn.max('last_revision_id').as('id'))
    .executeTakeFirstOrThrow();
  return Number(row.id ?? 0);
}
