import type { DbOrTx } from '../../server/db/database';
import type { ObservationRow } from '../../server/db/tables/observation.table';
import { stagedFirstRows } from '../../server/submissions/stage/staged-merge';

/** A staged cell in the columns of a published one, plus the row it came from. */
export type StagedRow = Pick<
  ObservationRow,
  'geo' | 'indicator' | 'period' | 'period_start' | 'value' | 'flags' | 'note'
> & { source_row: number };

/** A submission's staged cells (each cell's first row) in key order, with the old column names. */
export async function stagedRows(db: DbOrTx, submissionId: number): Promise<StagedRow[]> {
  return (await stagedFirstRows(db, submissionId)).map((c) => ({
    geo: c.geo,
    indicator: c.indicator,
    period: c.period,
    period_start: c.periodStart,
    value: c.value,
    flags: c.flags,
    note: c.note,
    source_row: c.sourceRow,
  }));
}

/** The named columns of each staged row. */
export async function stagedColumns<K extends keyof StagedRow>(
  db: DbOrTx,
  submissionId: number,
  keys: K[],
): Promise<Pick<StagedRow, K>[]> {
  return (await stagedRows(db, submissionId)).map(
    (r) => Object.fromEntries(keys.map((k) => [k, r[k]])) as Pick<StagedRow, K>,
  );
}
