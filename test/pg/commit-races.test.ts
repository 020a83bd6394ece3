import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../server/db/connect';
import { SubmissionStateError } from '../../server/submissions/publish/commit';
import { withdrawSubmission } from '../../server/submissions/publish/withdraw';
import { commit, secondInstance, stagedSubmission, type UploadCell, YEARS } from './submissions';
import { cellVersions } from '../../server/cells/cell-versions';
import { useSeededApp } from '../helpers/context';

// The same submission acted on from two app instances at once (a double click, two curators).
const ctx = useSeededApp({ each: true });
let other: OpenDatabase;
beforeEach(() => {
  other = secondInstance(ctx.database);
});
afterEach(async () => other.close());

const cells: UploadCell[] = YEARS.map((period, i) => ({ indicator: 'ICCS0101', period, value: 50_000 + i }));

async function stateOf(id: number) {
  const submission = await ctx.db
    .selectFrom('submissions')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const revisions = await ctx.db
    .selectFrom(cellVersions(ctx.db))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('submission_id', '=', id)
    .executeTakeFirstOrThrow();
  const current = await ctx.db
    .selectFrom('observations as o')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('o.submission_id', '=', id)
    .executeTakeFirstOrThrow();
  return { status: submission.status, revisions: Number(revisions.n), current: Number(current.n) };
}

describe('PostgreSQL: one submission, two instances at once', () => {
  it('commits once when committed twice together; the second is told it is already committed', async () => {
    const id = await stagedSubmission(ctx.database, 'AT', cells, 'double-click');
    const outcomes = await Promise.allSettled([commit(ctx.database, id), commit(other, id)]);

    const done = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    expect(done).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(SubmissionStateError);
    expect(refused[0].status).toBe('committed');
    expect(await stateOf(id)).toEqual({ status: 'committed', revisions: cells.length, current: cells.length });
  });

  it('either commits or withdraws when both are asked together, never half of each', async () => {
    const id = await stagedSubmission(ctx.database, 'AT', cells, 'commit-or-withdraw');
    const outcomes = await Promise.allSettled([commit(ctx.database, id), withdrawSubmission(other.db, id)]);

    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const state = await stateOf(id);
    if (outcomes[0].status === 'fulfilled') {
      expect(state).toEqual({ status: 'committed', revisions: cells.length, current: cells.length });
    } else {
      expect(state).toEqual({ status: 'withdrawn', revisions: 0, current: 0 });
    }
  });
});
