import type { DbOrTx } from '../db/database';
import { cellVersions } from './cell-versions';

export interface CellRevision {
  revisionId: number;
  submissionId: number;
  /** Who sent the submission's file: a role, never a person's address (history is public). */
  source: string;
  /** The dataset the version comes from (sources.code) and its edition: each keeps its own line of revisions. */
  dataSource: string;
  edition: string | null;
  recordedAt: string;
  value: number | null;
  flags: string;
  note: string | null;
  current: boolean;
}

/**
 * Every revision of one cell from every source, oldest first, with the submission that supplied it.
 * `current` marks each source's current version.
 */
export async function cellHistory(
  db: DbOrTx,
  cell: { geo: string; indicator: string; period: string },
): Promise<CellRevision[]> {
  const rows = await db
    .selectFrom(cellVersions(db))
    .innerJoin('submissions as s', 's.id', 'v.submission_id')
    .select([
      'v.id',
      'v.submission_id',
      'v.recorded_at',
      'v.value',
      'v.flags',
      'v.note',
      'v.current',
      's.submitted_by',
      's.file_name',
      'v.source as data_source',
      's.edition',
    ])
    .where('v.geo', '=', cell.geo)
    .where('v.indicator', '=', cell.indicator)
    .where('v.period', '=', cell.period)
    .orderBy('v.id')
    .execute();
  return rows.map((r) => ({
    revisionId: r.id,
    submissionId: r.submission_id,
    source: r.submitted_by === 'seed' ? `seed (${r.file_name})` : 'national contact point or secretariat',
    dataSource: r.data_source,
    edition: r.edition,
    recordedAt: r.recorded_at,
    value: r.value,
    flags: r.flags,
    note: r.note,
    current: Number(r.current) === 1,
  }));
}
