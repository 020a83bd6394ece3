import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../server/db/connect';
import { commit, secondInstance, stagedSubmission, type UploadCell } from './submissions';
import { useSeededApp } from '../helpers/context';

// A reader on one app instance polls while another instance commits a large submission.
const ctx = useSeededApp({ each: true });
let reader: OpenDatabase;
beforeEach(() => {
  reader = secondInstance(ctx.database);
});
afterEach(async () => reader.close());

const MARK = 123_456_789;
const MONTHS = Array.from({ length: 12 }, (_, m) => String(m + 1).padStart(2, '0'));
const INDICATORS = ['ICCS0101', 'ICCS0102', 'ICCS0301', 'ICCS0401'];

/** Monthly counts 1950–2019 for four indicators: 3,360 cells, all carrying the same marker value. */
function bigUpload(): UploadCell[] {
  return INDICATORS.flatMap((indicator) =>
    Array.from({ length: 70 }, (_, y) => 1950 + y).flatMap((year) =>
      MONTHS.map((month) => ({ indicator, period: `${year}-${month}`, value: MARK })),
    ),
  );
}

/** One statement: how many published cells carry the marker, and whether the submission says committed. */
async function snapshot(submissionId: number) {
  const row = await reader.db
    .selectFrom('observations')
    .select((eb) => [
      eb.fn.countAll<number>().as('marked'),
      eb.selectFrom('submissions').select('status').where('id', '=', submissionId).as('status'),
    ])
    .where('geo', '=', 'AT')
    .where('value', '=', MARK)
    .executeTakeFirstOrThrow();
  return { marked: Number(row.marked), status: row.status };
}

describe('PostgreSQL: a reader during a commit', () => {
  it('never sees half a commit', async () => {
    const cells = bigUpload();
    const id = await stagedSubmission(ctx.database, 'AT', cells, 'large-upload');
    const seen: { marked: number; status: string | null }[] = [];
    let done = false;
    const polling = (async () => {
      while (!done) seen.push(await snapshot(id));
    })();
    await commit(ctx.database, id);
    done = true;
    await polling;
    seen.push(await snapshot(id));

    expect(seen.length).toBeGreaterThan(2);
    for (const s of seen) {
      // Either nothing of the submission is visible, or all of it together with its committed status.
      expect([
        { marked: 0, status: 'validated' },
        { marked: cells.length, status: 'committed' },
      ]).toContainEqual(s);
    }
    expect(seen.at(-1)).toEqual({ marked: cells.length, status: 'committed' });
  });
});
