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
  it('loads every non-missing offence count of crim_off_cat, and the 441 cells its 2025 edition adds for 2023', async () => {
    expect(countNonMissing(readSharedData('eurostat-crim_off_cat/estat_crim_off_cat.tsv'))).toBe(8869);
    // The 2025 edition adds 441 cells for 2023 and fills 7 earlier gaps (NL ICCS020221 2022, FR ICCS05012 and
    // ICCS05021 2020-2022).
    const expected = 8869 + 441 + 7;
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

  it('keeps population flags from demo_pjan, and from tps00001 for the geos demo_pjan lacks', async () => {
    expect((await value('FR', 'POP_JAN', '2014'))?.flags).toBe('b');
    expect((await value('FR', 'POP_JAN', '2018'))?.flags).toBe('p');
    expect(await value('AD', 'POP_JAN', '2018')).toEqual({ value: 74794, flags: 'e' });
  });

  it("takes population from Eurostat's demo_pjan for 2004-2024, and the World Bank's only where Eurostat has none (d)", async () => {
    expect(await value('AT', 'POP_JAN', '2020')).toEqual({ value: 8901064, flags: '' });
    expect(await value('AT', 'POP_JAN', '2024')).toEqual({ value: 9158750, flags: '' });
    expect(await value('CY', 'POP_JAN', '2021')).toMatchObject({ flags: '' });
    expect((await value('CY', 'POP_JAN', '2021'))!.value).toBeLessThan(1_000_000);
    const ch2020 = await value('CH', 'POP_JAN', '2020');
    expect(ch2020?.flags).toBe('d');
    expect(ch2020?.value).toBeGreaterThan(8_500_000);
    // Kosovo's World Bank code XKX (user-assigned, not ISO 3166) maps.
    expect((await value('XK', 'POP_JAN', '2021'))?.flags).toBe('d');
    const sources = await ctx.db
      .selectFrom('observations')
      .select('source')
      .distinct()
      .where('indicator', '=', 'POP_JAN')
      .where('geo', '=', 'AT')
      .execute();
    expect(sources.map((s) => s.source)).toEqual(['estat.demo_pjan']);
  });

  it('is loaded as ordinary committed submissions, one revision per cell but the 213 the 2025 edition revised', async () => {
    const submissions = await ctx.db.selectFrom('submissions').select(['status', 'submitted_by']).execute();
    expect(submissions.length).toBeGreaterThan(100);
    expect(new Set(submissions.map((s) => s.status))).toEqual(new Set(['committed']));
    // The seed publishes each cell once, but for the 213 cells Eurostat's 2025 edition revised; each
    // commit's id range covers its cells.
    const [revisions, observations] = await Promise.all(
      (['revisions', 'observations'] as const).map((t) =>
        ctx.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ),
    );
    expect(Number(revisions!.n)).toBe(213);
    const ranges = await ctx.db.selectFrom('submissions').select(['first_revision_id', 'last_revision_id']).execute();
    const covered = ranges.reduce(
      (n, r) => n + (r.last_revision_id === null ? 0 : r.last_revision_id - r.first_revision_id! + 1),
      0,
    );
    expect(covered).toBe(Number(observations!.n) + 213);
  });
});
