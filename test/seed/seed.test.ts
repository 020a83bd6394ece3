import { describe, expect, it } from 'vitest';
import { readSharedData } from '../helpers/shared-data';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp();

function value(geo: string, indicator: string, period: string) {
  return ctx.db
    .selectFrom('observations')
    .select(['value', 'flags'])
    .where('geo', '=', geo)
    .where('indicator', '=', indicator)
    .where('period', '=', period)
    .executeTakeFirst();
}

/** Counts the non-missing cells of a Eurostat TSV the simple way, independently of the seed script. */
function countNonMissing(tsv: string): number {
  return tsv
    .trim()
    .split('\n')
    .slice(1)
    .flatMap((line) => line.split('\t').slice(1))
    .filter((cell) => cell.trim() !== ':' && /\d/.test(cell)).length;
}

describe('the seed', () => {
  it('loads every non-missing offence count of crim_off_cat', async () => {
    const expected = countNonMissing(readSharedData('eurostat-crim_off_cat/estat_crim_off_cat.tsv'));
    expect(expected).toBe(8869);
    const row = await ctx.db
      .selectFrom('observations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('indicator', 'like', 'ICCS%')
      .where('indicator', '!=', 'ICCS0208') // acts intended to induce fear: UNODC's, crim_off_cat lacks it
      .where('value', 'is not', null)
      // The national cells: the regions' are crim_gen_reg's (test/geos/regions.test.ts).
      .where('geo', 'in', (eb) => eb.selectFrom('geos').select('code').where('kind', '!=', 'region'))
      .executeTakeFirstOrThrow();
    expect(Number(row.n)).toBe(expected);
  });

  it('holds real Eurostat values', async () => {
    expect(await value('AT', 'ICCS0101', '2017')).toEqual({ value: 61, flags: '' });
    expect(await value('AT', 'POP_JAN', '2017')).toEqual({ value: 8772865, flags: '' });
  });

  it('keeps population flags from tps00001', async () => {
    expect((await value('FR', 'POP_JAN', '2014'))?.flags).toBe('b');
    expect((await value('FR', 'POP_JAN', '2018'))?.flags).toBe('p');
    expect(await value('AD', 'POP_JAN', '2018')).toEqual({ value: 74794, flags: 'e' });
  });

  it('adds World Bank population for 2020 and 2021, flagged as a differing definition', async () => {
    const at2020 = await value('AT', 'POP_JAN', '2020');
    expect(at2020?.flags).toBe('d');
    expect(at2020?.value).toBeGreaterThan(8_900_000);
    expect(await value('AT', 'POP_JAN', '2022')).toBeUndefined();
  });

  it('is loaded as ordinary committed submissions, one revision per cell', async () => {
    const submissions = await ctx.db.selectFrom('submissions').select(['status', 'submitted_by']).execute();
    expect(submissions.length).toBeGreaterThan(100);
    expect(new Set(submissions.map((s) => s.status))).toEqual(new Set(['committed']));
    // The seed publishes each cell once: no version is superseded, and each commit's id range covers its cells.
    const [revisions, observations] = await Promise.all(
      (['revisions', 'observations'] as const).map((t) =>
        ctx.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ),
    );
    expect(Number(revisions!.n)).toBe(0);
    const ranges = await ctx.db.selectFrom('submissions').select(['first_revision_id', 'last_revision_id']).execute();
    const covered = ranges.reduce(
      (n, r) => n + (r.last_revision_id === null ? 0 : r.last_revision_id - r.first_revision_id! + 1),
      0,
    );
    expect(covered).toBe(Number(observations!.n));
  });
});
