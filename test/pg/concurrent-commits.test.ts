import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../server/db/connect';
import { commit, secondInstance, stagedSubmission, type UploadCell, YEARS } from './submissions';
import { cellVersions } from '../../server/cells/cell-versions';
import { useSeededApp } from '../helpers/context';

// Two app instances (two pools) on one real PostgreSQL database commit at the same moment.
const ctx = useSeededApp({ each: true });
let other: OpenDatabase;
beforeEach(() => {
  other = secondInstance(ctx.database);
});
afterEach(async () => other.close());

const grid = (indicators: string[], value: (i: number) => number): UploadCell[] =>
  indicators.flatMap((indicator, a) => YEARS.map((period, b) => ({ indicator, period, value: value(a * 100 + b) })));

async function currentValues(geo: string) {
  const rows = await ctx.db
    .selectFrom('observations as o')
    .select(['o.indicator', 'o.period', 'o.value', 'o.submission_id'])
    .where('o.geo', '=', geo)
    .where('o.indicator', 'in', ['ICCS0101', 'ICCS0301'])
    // The contact points' own figures: Eurostat's and UNODC's versions of the same cells stand beside them.
    .where('o.source', '=', 'national')
    .execute();
  return new Map(rows.map((r) => [`${r.indicator}/${r.period}`, r]));
}

describe('PostgreSQL: two contact points committing at the same moment', () => {
  it('lose neither submission', async () => {
    const indicators = ['ICCS0101', 'ICCS0301'];
    const austria = await stagedSubmission(
      ctx.database,
      'AT',
      grid(indicators, (i) => 70_000 + i),
      'contact-point-at',
    );
    const germany = await stagedSubmission(
      other,
      'DE',
      grid(indicators, (i) => 90_000 + i),
      'contact-point-de',
    );

    const [a, d] = await Promise.all([commit(ctx.database, austria), commit(other, germany)]);

    expect(a.revisionsAdded).toBe(indicators.length * YEARS.length);
    expect(d.revisionsAdded).toBe(indicators.length * YEARS.length);
    for (const [geo, id, base] of [
      ['AT', austria, 70_000],
      ['DE', germany, 90_000],
    ] as const) {
      const current = await currentValues(geo);
      expect(current.size).toBe(indicators.length * YEARS.length);
      expect(current.get('ICCS0101/2008')).toMatchObject({ value: base, submission_id: id });
      expect(current.get('ICCS0301/2022')).toMatchObject({ value: base + 114, submission_id: id });
      const status = await ctx.db
        .selectFrom('submissions')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(status.status).toBe('committed');
    }
  });

  it('keep revision order consistent when they correct the same cells', async () => {
    const rounds = 6;
    const staged = await Promise.all(
      Array.from({ length: rounds }, (_, k) =>
        stagedSubmission(
          k % 2 ? other : ctx.database,
          'AT',
          grid(['ICCS0101'], (i) => 1_000 * (k + 1) + i),
          `correction-${k}`,
        ),
      ),
    );
    await Promise.all(staged.map((id, k) => commit(k % 2 ? other : ctx.database, id)));

    const revisions = await ctx.db
      .selectFrom(cellVersions(ctx.db))
      .select(['id', 'period', 'value', 'submission_id', 'recorded_at'])
      .where('geo', '=', 'AT')
      .where('indicator', '=', 'ICCS0101')
      .where('submission_id', 'in', staged)
      .orderBy('id')
      .execute();
    // Every correction differs from every other, so none is lost: each adds a revision per cell.
    expect(revisions).toHaveLength(rounds * YEARS.length);
    // Revision ids and recording times tell the same story.
    const times = revisions.map((r) => r.recorded_at);
    expect(times).toEqual([...times].sort());
    // Each submission's revisions are contiguous: commits did not interleave.
    const order = revisions.map((r) => r.submission_id).filter((id, i, all) => i === 0 || all[i - 1] !== id);
    expect(order).toHaveLength(rounds);
    // The current value of every cell is its latest revision.
    const current = await currentValues('AT');
    for (const period of YEARS) {
      const latest = revisions.filter((r) => r.period === period).at(-1)!;
      expect(current.get(`ICCS0101/${period}`)).toMatchObject({
        value: latest.value,
        submission_id: latest.submission_id,
      });
    }
  });

  it('keep one history across geos: revision ids and recording times agree, commits do not interleave', async () => {
    const geos = ['AT', 'BE', 'DE', 'FR', 'IT', 'NL'];
    const staged = await Promise.all(
      geos.map((geo, k) =>
        stagedSubmission(
          k % 2 ? other : ctx.database,
          geo,
          grid(['ICCS0101', 'ICCS0301'], (i) => 3_000 + k * 1_000 + i),
          `cp-${geo}`,
        ),
      ),
    );
    await Promise.all(staged.map((id, k) => commit(k % 2 ? other : ctx.database, id)));

    const revisions = await ctx.db
      .selectFrom(cellVersions(ctx.db))
      .select(['submission_id', 'recorded_at'])
      .where('submission_id', 'in', staged)
      .orderBy('id')
      .execute();
    expect(revisions).toHaveLength(geos.length * 2 * YEARS.length);
    // The data version (the latest recording time) only moves forward as commits land, and an asOf
    // vintage never gains revisions later: ids and times tell the same order.
    const times = revisions.map((r) => r.recorded_at);
    expect(times).toEqual([...times].sort());
    const order = revisions.map((r) => r.submission_id).filter((id, i, all) => i === 0 || all[i - 1] !== id);
    expect(order).toHaveLength(geos.length);
  });

  it('keep order when a group submission and a member correct the same cells at once', async () => {
    const member = await stagedSubmission(
      other,
      'DE',
      grid(['ICCS0101'], (i) => 11_000 + i),
      'contact-point-de',
    );
    const group = await stagedSubmission(
      ctx.database,
      'EU28',
      grid(['ICCS0101'], (i) => 22_000 + i).map((c) => ({ ...c, geo: 'DE' })),
      'secretariat-eu28',
    );
    await Promise.all([commit(ctx.database, group), commit(other, member)]);

    const revisions = await ctx.db
      .selectFrom(cellVersions(ctx.db))
      .select(['id', 'period', 'value', 'submission_id'])
      .where('geo', '=', 'DE')
      .where('indicator', '=', 'ICCS0101')
      .where('submission_id', 'in', [member, group])
      .orderBy('id')
      .execute();
    expect(revisions).toHaveLength(2 * YEARS.length);
    const current = await currentValues('DE');
    for (const period of YEARS) {
      const latest = revisions.filter((r) => r.period === period).at(-1)!;
      expect(current.get(`ICCS0101/${period}`)).toMatchObject({
        value: latest.value,
        submission_id: latest.submission_id,
      });
    }
  });
});
