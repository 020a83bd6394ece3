import type { DbOrTx } from '../../db/database';
import { decodePart, type StagedPart } from './staged-part';
import type { EncodedPart } from './staged-run';

/** Stores one encoded part of a submission's staged cells. */
export async function storePart(tx: DbOrTx, submissionId: number, part: EncodedPart): Promise<void> {
  await tx
    .insertInto('staged_parts')
    .values({
      submission_id: submissionId,
      run: part.run,
      part: part.part,
      cells: part.cells,
      data: Buffer.from(part.bytes.buffer, part.bytes.byteOffset, part.bytes.byteLength),
    })
    .execute();
}

/** How many parts each run of a submission has, in run order. */
export async function stagedRuns(db: DbOrTx, submissionId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('staged_parts')
    .select(['run', (eb) => eb.fn.countAll<number>().as('parts')])
    .where('submission_id', '=', submissionId)
    .groupBy('run')
    .orderBy('run')
    .execute();
  return rows.map((r) => Number(r.parts));
}

export async function readPart(db: DbOrTx, submissionId: number, run: number, part: number): Promise<StagedPart> {
  const row = await db
    .selectFrom('staged_parts')
    .select('data')
    .where('submission_id', '=', submissionId)
    .where('run', '=', run)
    .where('part', '=', part)
    .executeTakeFirstOrThrow();
  return decodePart(row.data);
}

/** Drops a submission's staged cells (after its commit, withdrawal, rejection or refusal). */
export async function clearStaged(tx: DbOrTx, submissionId: number): Promise<void> {
  await tx.deleteFrom('staged_parts').where('submission_id', '=', submissionId).execute();
}
