import type { DbOrTx } from '../../db/database';
import { forUpdate, takeTurn } from '../../db/locks';
import type { NewSubmission, SubmissionRow, SubmissionStatus } from '../../db/tables/submission.table';

export function findSubmission(db: DbOrTx, id: number): Promise<SubmissionRow | undefined> {
  return db.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The submission, locked until the transaction ends, so that two instances committing or withdrawing
 * it at once act one after the other and the second sees the first's status. PostgreSQL needs
 * SELECT ... FOR UPDATE; SQLite runs one write transaction at a time already.
 */
export function lockSubmission(tx: DbOrTx, id: number): Promise<SubmissionRow | undefined> {
  return forUpdate(tx, tx.selectFrom('submissions').selectAll().where('id', '=', id)).executeTakeFirst();
}

/**
 * Makes concurrent commits take turns until the transaction ends, so that corrections of the same
 * cells never interleave and revision ids and recording times follow commit order. One turn for all
 * geos: a group submission (EU28) writes its members' cells, and the data version and asOf vintages
 * read recording times across geos. PostgreSQL: a transaction-level advisory lock; SQLite runs one
 * write transaction at a time already.
 */
export async function serialiseCommits(tx: DbOrTx): Promise<void> {
  await takeTurn(tx, 'observatory:commit');
}

/**
 * The earlier submission of byte-identical content for the same geo, read with the same profile, if
 * any (idempotent uploads). A different profile reads the bytes differently, so it is a new submission.
 */
export function findSubmissionByContent(
  db: DbOrTx,
  geo: string,
  sha256: string,
  profile: string | null = null,
  source = 'national',
): Promise<SubmissionRow | undefined> {
  return (
    db
      .selectFrom('submissions')
      .selectAll()
      .where('geo', '=', geo)
      .where('sha256', '=', sha256)
      .where('source', '=', source)
      .where((eb) => (profile === null ? eb('profile', 'is', null) : eb('profile', '=', profile)))
      // A withdrawn or approval-rejected file may be sent again as a fresh submission.
      .where('status', 'not in', ['withdrawn', 'approval-rejected'])
      .orderBy('id', 'desc')
      .executeTakeFirst()
  );
}

export async function insertSubmission(db: DbOrTx, submission: NewSubmission): Promise<number> {
  const row = await db.insertInto('submissions').values(submission).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function setSubmissionStatus(
  db: DbOrTx,
  id: number,
  status: SubmissionStatus,
  committedAt: string | null = null,
): Promise<void> {
  await db.updateTable('submissions').set({ status, committed_at: committedAt }).where('id', '=', id).execute();
}

export function countSubmissions(db: DbOrTx): Promise<number> {
  return db
    .selectFrom('submissions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

/** A geo's submissions, newest first, optionally of one status. */
export function listSubmissions(
  db: DbOrTx,
  geo: string,
  status?: SubmissionStatus,
  limit = 100,
): Promise<SubmissionRow[]> {
  let query = db.selectFrom('submissions').selectAll().where('geo', '=', geo);
  if (status) query = query.where('status', '=', status);
  return query.orderBy('id', 'desc').limit(limit).execute();
}
