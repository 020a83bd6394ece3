import type { DbOrTx } from '../db/database';

export interface CellRevision {
  revisionId: number;
  submissionId: number;
  /** Who sent the submission's file: a role, never a person's address (history is public). */
  source: string;
  recordedAt: string;
  value: number | null;
  flags: string;
  note: string | null;
  current: boolean;
}

/** Every revision of one cell, oldest first, with the submission that supplied it. */
export async function cellHistory(db: DbOrTx, cell: { geo: string; indicator: string; period: string }): Promise<CellRevision[]> {
  const rows = await db
    .selectFrom('revisions as r')
    .innerJoin('submissions as s', 's.id', 'r.submission_id')
    .leftJoin('observations as o', 'o.revision_id', 'r.id')
    .select(['r.id', 'r.submission_id', 'r.recorded_at', 'r.value', 'r.flags', 'r.note', 's.submitted_by', 's.file_name', 'o.revision_id as current_id'])
    .where('r.geo', '=', cell.geo)
    .where('r.indicator', '=', cell.indicator)
    .where('r.period', '=', cell.period)
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    revisionId: r.id,
    submissionId: r.submission_id,
    source: r.submitted_by === 'seed' ? `seed (${r.file_name})` : 'national contact point or secretariat',
    recordedAt: r.recorded_at,
    value: r.value,
    flags: r.flags,
    note: r.note,
    current: r.current_id !== null,
  }));
}
