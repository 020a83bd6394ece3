import JSONstat from 'jsonstat-toolkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app/compose';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { readSharedData } from '../helpers/shared-data';
import { getText } from './helpers';

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  database = await seededDatabase();
  app = createApp({ db: database.db, clientDir: '/nonexistent' });
});
afterAll(async () => database.dispose());

/** Belgium's cells in Eurostat's 2025 edition of crim_off_cat (a JSON-stat file), read with jsonstat-toolkit. */
function belgium2025(indicators: Set<string>): Map<string, number> {
  const ds = JSONstat(JSON.parse(readSharedData('eurostat-jsonstat/crim_off_cat_2025.json')) as object) as unknown as {
    Dimension(id: string): { id: string[] };
    Data(where: Record<string, string>): { value: number | null } | null;
  };
  const cells = new Map<string, number>();
  for (const iccs of ds.Dimension('iccs').id.filter((c) => indicators.has(c))) {
    for (const time of ds.Dimension('time').id) {
      const value = ds.Data({ freq: 'A', iccs, unit: 'NR', geo: 'BE', time })?.value;
      if (value !== null && value !== undefined) cells.set(`${iccs}|${time}`, value);
    }
  }
  return cells;
}

const csvCells = (body: string) =>
  new Map(
    body
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(','))
      .map((r) => [`${r[2]}|${r[4]}`, Number(r[5])]),
  );

/** Belgium's cells in the 2022 TSV of crim_off_cat, read from the shared file. */
function belgium2022(): Map<string, number> {
  const lines = readSharedData('eurostat-crim_off_cat/estat_crim_off_cat.tsv').trim().split('\n');
  const years = lines[0]!
    .split('\t')
    .slice(1)
    .map((y) => y.trim());
  const cells = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const [key, ...values] = line.split('\t');
    const [, iccs, , geo] = key!.split(',');
    if (geo !== 'BE') continue;
    values.forEach((v, i) => {
      if (/\d/.test(v)) cells.set(`${iccs}|${years[i]}`, Number(v.trim().split(' ')[0]));
    });
  }
  return cells;
}

describe('the 2025 crim_off_cat corrections through SDMX', () => {
  it('gives exactly the revised and new Belgian cells after updatedAfter, both versions with includeHistory', async () => {
    const indicators = new Set(
      (await database.db.selectFrom('indicators').select('code').execute()).map((r) => r.code),
    );
    // The seed loads the 2025 edition after the 2022 TSV, as a later delivery of the same source.
    const later = await database.db
      .selectFrom('submissions')
      .select(['committed_at'])
      .where('geo', '=', 'BE')
      .where('edition', 'like', '2025 edition%')
      .executeTakeFirstOrThrow();
    const earlier = await database.db
      .selectFrom('submissions')
      .select((eb) => eb.fn.max('committed_at').as('at'))
      .where('committed_at', '<', later.committed_at)
      .executeTakeFirstOrThrow();
    const seededAt = earlier.at as string;
    const published = belgium2022();
    const edition = belgium2025(indicators);
    const changed = new Map([...edition].filter(([cell, value]) => published.get(cell) !== value));
    expect(changed.get('ICCS0101|2022')).toBe(185);
    expect(published.get('ICCS0101|2022')).toBe(179);
    expect([...changed.keys()].some((c) => c.endsWith('|2023'))).toBe(true);

    const since = await getText(
      app,
      `/sdmx/2.1/data/CRIME/A..BE/all/?format=csv&updatedAfter=${encodeURIComponent(seededAt)}`,
    ).expect(200);
    // Later deliveries of other sources (the surveys, UNODC, the regions) come after it in the seed; UNODC
    // fills cells crim_off_cat lacks. Of the edition's own cells, exactly the revised and new ones changed.
    const offences = [...csvCells(since.body)].filter(([cell]) => edition.has(cell));
    expect(new Map(offences)).toEqual(changed);

    const history = await getText(
      app,
      '/sdmx/2.1/data/CRIME/A.ICCS0101.BE/all/?startPeriod=2022&endPeriod=2022&includeHistory=true&format=csv',
    ).expect(200);
    const rows = (history.body as string)
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(','));
    expect(rows.map((r) => [r[5], r[8]! <= seededAt, r[9] || null])).toEqual([
      ['179', true, later.committed_at],
      ['185', false, null],
    ]);
  });
});
