import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { insertProfile } from '../../server/import-profiles/import-profile.repository';
import { ProfileDefinition } from '../../server/shared/api/import-profiles';
import { commitSubmission } from '../../server/submissions/publish/commit';
import { previewSubmission } from '../../server/submissions/pipeline';
import { bufferSource, fileSource } from '../../server/submissions/read/source';
import { useSeededApp } from '../helpers/context';
import { sharedDataPath } from '../helpers/shared-data';

const ctx = useSeededApp({ each: true });

const ilc = () => sharedDataPath('eurostat-jsonstat/ilc_mddw03.json');

async function saveProfile(definition: Record<string, unknown>) {
  await insertProfile(ctx.db, ProfileDefinition.parse(definition), 'test', new Date().toISOString());
}

async function cell(geo: string, indicator: string, period: string) {
  return ctx.db
    .selectFrom('observations')
    .select(['value', 'flags'])
    .where('geo', '=', geo)
    .where('indicator', '=', indicator)
    .where('period', '=', period)
    .executeTakeFirst();
}

describe('JSON-stat through the submission pipeline', () => {
  it('reads ilc_mddw03 with the shipped profile picked by its dimensions: the seed holds the same cells', async () => {
    const source = await fileSource(ilc());
    const preview = await previewSubmission(ctx.db, { geo: 'BE', submittedBy: 'test', source });
    expect(preview.status).toBe('validated');
    expect(preview.reading).toMatchObject({ format: 'jsonstat', profile: 'eurostat-ilc_mddw03' });
    expect(preview.reading.profileReason).toMatch(/dimensions freq,hhtyp,incgrp,unit,geo,time/);
    // BE is the first geo: its cells are positions 0–18 (2004–2020, 2023–2024); the other geos' are left out.
    const file = JSON.parse(readFileSync(ilc(), 'utf8')) as { value: Record<string, number> };
    const positions = Object.keys(file.value).map(Number);
    const be = positions.filter((n) => n < 19).length;
    expect(be).toBeGreaterThan(15);
    expect(preview.cellsValid).toBe(be);
    expect(preview.reading.skipped.otherGeo).toBe(positions.length - be);
    expect(preview.diff).toMatchObject({ newCells: 0, changedCells: 0, unchangedCells: be });
    expect(await cell('BE', 'SAFE_CRIME_AREA', '2019')).toEqual({ value: 13.3, flags: 'b' });
  });

  it('reads the 2025 crim_off_cat edition through a saved JSON-stat profile: as Eurostat’s, it repeats the seed', async () => {
    await saveProfile({
      name: 'crim-off-cat-api',
      shape: 'jsonstat',
      columns: { geo: 'geo', indicator: 'iccs', period: 'time' },
      otherGeos: 'skip',
      filters: [
        { column: 'unit', equals: 'NR' },
        { column: 'freq', equals: 'A' },
      ],
    });
    // The seed loads this edition on top of the 2022 TSV (BE's 2022 homicides: 179 → 185).
    expect(await cell('BE', 'ICCS0101', '2022')).toEqual({ value: 185, flags: '' });
    const source = await fileSource(sharedDataPath('eurostat-jsonstat/crim_off_cat_2025.json'));
    const preview = await previewSubmission(ctx.db, {
      geo: 'BE',
      submittedBy: 'test',
      source,
      profile: 'crim-off-cat-api',
      dataSource: { code: 'estat.crim_off_cat', edition: '2025 edition, again' },
    });
    expect(preview.status).toBe('validated');
    expect(preview.diff).toMatchObject({ newCells: 0, changedCells: 0 });
    expect(preview.diff!.unchangedCells).toBeGreaterThan(100);
    expect(await commitSubmission(ctx.db, preview.submissionId)).toMatchObject({ revisionsAdded: 0 });
    expect((await cell('BE', 'ICCS0101', '2023'))?.value).toBeTypeOf('number');
  });

  it('names a JSON-stat file’s missing profile, a dimension it does not fix, and a filter that keeps nothing', async () => {
    const population = await fileSource(sharedDataPath('eurostat-jsonstat/demo_pjan.json'));
    const unprofiled = await previewSubmission(ctx.db, { geo: 'BE', submittedBy: 'test', source: population });
    expect(unprofiled.status).toBe('rejected');
    expect(unprofiled.report.entries[0]).toMatchObject({
      code: 'profile-mismatch',
      cell: 'freq,unit,age,sex,geo,time',
    });
    expect(unprofiled.report.entries[0]?.message).toMatch(/no shipped import profile reads it/);

    await saveProfile({
      name: 'ilc-wrong-unit',
      shape: 'jsonstat',
      columns: { indicator: 'unit' },
      filters: [{ column: 'unit', equals: 'THS_PER' }],
      indicators: [{ code: 'PC', indicator: 'SAFE_CRIME_AREA', comparability: 'test profile' }],
    });
    const wrong = await previewSubmission(ctx.db, {
      geo: 'BE',
      submittedBy: 'test',
      source: await fileSource(ilc()),
      profile: 'ilc-wrong-unit',
    });
    expect(wrong.status).toBe('rejected');
    expect(wrong.report.entries[0]?.message).toMatch(
      /filter on "unit" \(= THS_PER\) keeps none of its categories \(PC\)/,
    );
  });

  it('asks for a dimension the profile neither maps nor fixes', async () => {
    await saveProfile({
      name: 'ilc-no-fix',
      shape: 'jsonstat',
      columns: { indicator: 'unit', geo: 'geo', period: 'time' },
      indicators: [{ code: 'PC', indicator: 'SAFE_CRIME_AREA', comparability: 'test profile' }],
    });
    const twoIncomes = JSON.parse(readFileSync(ilc(), 'utf8'));
    twoIncomes.size[2] = 2;
    twoIncomes.dimension.incgrp.category.index = { TOTAL: 0, A_MD60: 1 };
    const values = Object.fromEntries(Array.from({ length: 28 * 19 * 2 }, (_, n) => [String(n), 10]));
    twoIncomes.value = values;
    twoIncomes.status = {};
    const preview = await previewSubmission(ctx.db, {
      geo: 'BE',
      submittedBy: 'test',
      source: bufferSource('two-incomes.json', Buffer.from(JSON.stringify(twoIncomes))),
      profile: 'ilc-no-fix',
    });
    expect(preview.status).toBe('rejected');
    expect(preview.report.entries[0]).toMatchObject({ code: 'profile-mismatch', column: 'incgrp' });
    expect(preview.report.entries[0]?.message).toMatch(
      /Dimension "incgrp" has 2 categories \(TOTAL, A_MD60\).*\{ "column": "incgrp", "equals": "TOTAL" \}/,
    );
  });
});
