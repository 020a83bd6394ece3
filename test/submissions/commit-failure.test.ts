import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { commitSubmission } from '../../server/submissions/publish/commit';
import { previewSubmission } from '../../server/submissions/pipeline';
import { bufferSource } from '../../server/submissions/read/source';
import { useSeededApp } from '../helpers/context';
import { canonicalCsv, publishCsv } from '../helpers/publish';

const ctx = useSeededApp({ each: true });

/** A group submission of about 20,000 new cells: two staged parts, so the commit reads the second while it writes. */
async function largeGroupSubmission(): Promise<number> {
  const members = await ctx.db
    .selectFrom('geo_group_members')
    .select('geo_code')
    .where('group_code', '=', 'EU28')
    .orderBy('geo_code')
    .execute();
  const lines = ['geo,indicator,period,value,flags,note'];
  for (const { geo_code: geo } of members) {
    for (let m = 1; m <= 12; m++) {
      for (let year = 1960; year <= 2020; year++)
        lines.push(`${geo},ICCS0101,${year}-${String(m).padStart(2, '0')},${year + m},,`);
    }
  }
  const preview = await previewSubmission(ctx.db, {
    geo: 'EU28',
    submittedBy: 'test',
    source: bufferSource('large.csv', Buffer.from(lines.join('\n'))),
  });
  expect(preview.status).toBe('validated');
  expect(preview.cellsValid).toBeGreaterThan(16_384);
  return preview.submissionId;
}

async function publishedMonths(): Promise<number> {
  const row = await ctx.db
    .selectFrom('observations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('period', 'like', '%-%')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('a commit that fails half-way', () => {
  it('rolls back, leaves the submission validated, and lets the next commit through', async () => {
    const broken = await largeGroupSubmission();
    // The second part is damaged: the commit fails while it is writing the first part's cells.
    await sql`update staged_parts set data = ${Buffer.from('not a staged part')} where submission_id = ${broken} and part = 1`.execute(
      ctx.db,
    );
    const before = await publishedMonths();
    await expect(commitSubmission(ctx.db, broken)).rejects.toThrow(/staged part/);
    expect(await publishedMonths()).toBe(before);
    const status = await ctx.db
      .selectFrom('submissions')
      .select('status')
      .where('id', '=', broken)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('validated');

    const next = await publishCsv(ctx, canonicalCsv('AT,ICCS0101,2019-01,5,,'), { geo: 'AT', fileName: 'next.csv' });
    expect(next.commit.revisionsAdded).toBe(1);
    expect(await publishedMonths()).toBe(before + 1);
  }, 60_000);
});
