import type { DbOrTx } from '../db/database';
import type { Cell } from './cell';
import type { NewSubmission, SubmissionRow, SubmissionStatus } from './submission.table';

export function findSubmission(db: DbOrTx, id: number): Promise<SubmissionRow | undefined> {
  return db.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The earlier submission of byte-identical content for the same geo, if any (idempotent uploads). */
export function findSubmissionByContent(db: DbOrTx, geo: string, sha256: string): Promise<SubmissionRow | undefined> {
  return db
    .selectFrom('submissions')
    .selectAll()
    .where('geo', '=', geo)
    .where('sha256', '=', sha256)
    .where('status', '!=', 'withdrawn')
    .orderBy('id', 'desc')
    .executeTakeFirst();
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

const STAGE_BATCH = 500;

export async function stageCells(db: DbOrTx, submissionId: number, cells: Cell[]): Promise<void> {
  for (let i = 0; i < cells.length; i += STAGE_BATCH) {
    const batch = cells.slice(i, i + STAGE_BATCH).map((c) => ({
      submission_id: submissionId,
      geo: c.geo,
      indicator: c.indicator,
      period: c.period,
      period_start: c.periodStart,
      value: c.value,
      flags: c.flags,
      note: c.note,
      source_row: c.sourceRow,
    }));
    await db.insertInto('submission_cells').values(batch).execute();
  }
}
