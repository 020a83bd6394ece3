import type { DbOrTx } from '../db/database';

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
  changed: ChangedCell[];
}

export const CHANGED_LISTED = 500;

/** Compares a submission's staged cells with the current observations, in SQL so it scales with the file. */
export async function diffSubmission(db: DbOrTx, submissionId: number): Promise<SubmissionDiff> {
  const staged = db.selectFrom('submission_cells as s').where('s.submission_id', '=', submissionId);
  const joined = staged.leftJoin('observations as o', (join) =>
    join.onRef('o.indicator', '=', 's.indicator').onRef('o.geo', '=', 's.geo').onRef('o.period', '=', 's.period'),
  );
  const counts = await joined
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.count<number>('o.geo').as('existing'),
      eb.fn
        .sum<number>(
          eb.case().when(eb.and([eb('o.geo', 'is not', null), isDifferent(eb)])).then(1).else(0).end(),
        )
        .as('changed'),
    ])
    .executeTakeFirstOrThrow();

  const changed = Number(counts.changed ?? 0);
  // Listing the changed cells repeats the join: skipped when the counts say there are none.
  const changedRows = changed === 0 ? [] : await joined
    .select(['s.geo', 's.indicator', 's.period', 's.value as new_value', 's.flags as new_flags', 'o.value as old_value', 'o.flags as old_flags'])
    .where((eb) => eb.and([eb('o.geo', 'is not', null), isDifferent(eb)]))
    .orderBy('s.indicator')
    .orderBy('s.period')
    .limit(CHANGED_LISTED)
    .execute();

  const leftOut = await db
    .selectFrom('observations as o')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('o.geo', 'in', staged.select('s.geo').distinct())
    .where('o.indicator', 'in', staged.select('s.indicator').distinct())
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('submission_cells as s2')
            .select('s2.period')
            .where('s2.submission_id', '=', submissionId)
            .whereRef('s2.indicator', '=', 'o.indicator')
            .whereRef('s2.geo', '=', 'o.geo')
            .whereRef('s2.period', '=', 'o.period'),
        ),
      ),
    )
    .executeTakeFirstOrThrow();

  const total = Number(counts.total);
  const existing = Number(counts.existing);
  return {
    newCells: total - existing,
    changedCells: changed,
    unchangedCells: existing - changed,
    leftOutCells: Number(leftOut.n),
    changed: changedRows.map((r) => ({
      geo: r.geo,
      indicator: r.indicator,
      period: r.period,
      old: { value: r.old_value ?? null, flags: r.old_flags ?? '' },
      new: { value: r.new_value, flags: r.new_flags },
    })),
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function isDifferent(eb: any) {
  return eb.or([eb('o.value', 'is distinct from', eb.ref('s.value')), eb('o.flags', '!=', eb.ref('s.flags'))]);
}
