import { describe, expect, it } from 'vitest';
import { commitSubmission } from '../../server/submissions/publish/commit';
import { previewSubmission } from '../../server/submissions/pipeline';
import { fileSource } from '../../server/submissions/read/source';
import { sharedDataPath } from '../helpers/shared-data';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp({ each: true });

async function ingest(file: string, geo: string, profile: string | null = null) {
  const source = await fileSource(sharedDataPath(file));
  return previewSubmission(ctx.db, { geo, profile, submittedBy: 'test', source });
}

/** The contact point's own version of a cell (source national), as these files are its uploads. */
async function cell(geo: string, indicator: string, period: string) {
  return ctx.db
    .selectFrom('observations as o')
    .select(['o.value', 'o.flags', 'o.note'])
    .where('o.geo', '=', geo)
    .where('o.indicator', '=', indicator)
    .where('o.period', '=', period)
    .where('o.source', '=', 'national')
    .executeTakeFirst();
}

describe('real files', () => {
  it('reads the BKA PKS export for DE through its saved profile, with comparability notes', async () => {
    const preview = await ingest('bka-pks/ZR-F-01-T01-Faelle_csv.csv', 'DE', 'de-bka-pks-faelle');
    expect(preview.reading).toMatchObject({ encoding: 'windows-1252', delimiter: '";"', format: 'long' });
    expect(preview.status).toBe('validated');
    expect(preview.rowsRead).toBe(13320);
    expect(preview.cellsValid).toBe(6 * 35);
    expect(preview.reading.skipped.unmapped).toBe(13320 - 6 * 35);
    await commitSubmission(ctx.db, preview.submissionId);
    expect(await cell('DE', 'TOTAL_OFFENCES', '1987')).toMatchObject({ value: 4444108, flags: 'd' });
    expect((await cell('DE', 'TOTAL_OFFENCES', '2021'))?.value).toBe(5047860);
    expect((await cell('DE', 'ICCS0101', '2021'))?.value).toBe(643);
    expect((await cell('DE', 'ICCS0401', '2021'))?.value).toBe(30125);
    expect((await cell('DE', 'ICCS05012', '2021'))?.value).toBe(54236);
    expect((await cell('DE', 'ICCS05021', '2021'))?.value).toBe(21584);
    expect((await cell('DE', 'ICCS0601', '2021'))?.value).toBe(361048);
    expect((await cell('DE', 'ICCS0101', '2021'))?.note).toMatch(/010000.*ICCS0101.*attempts/);
    const reunification = preview.report.entries.find(
      (e) => e.code === 'implausible-change' && e.message.includes('ICCS05021 1993'),
    );
    expect(reunification?.severity).toBe('warning');
  });

  it('reads the Eurostat crim_off_cat TSV directly: counts only, for the submission geo', async () => {
    const preview = await ingest('eurostat-crim_off_cat/estat_crim_off_cat.tsv', 'AT');
    expect(preview.reading).toMatchObject({ format: 'eurostat', profile: 'eurostat-crim_off_cat', delimiter: 'tab' });
    expect(preview.status).toBe('validated');
    expect(preview.reading.skipped.otherGeo).toBeGreaterThan(0);
    expect(preview.reading.skipped.filtered).toBe(0);
    // The seed holds the same figures but for two that Eurostat's 2025 edition revised: nothing new.
    expect(preview.diff).toMatchObject({ newCells: 0, changedCells: 2 });
    expect(preview.diff!.unchangedCells).toBe(preview.cellsValid - 2);
    expect(preview.cellsValid).toBeGreaterThan(200);
  });

  it('keeps the flags of the Eurostat population TSV (78115 b, 74794 e)', async () => {
    await ctx.db.deleteFrom('observations').where('geo', '=', 'AD').execute();
    const preview = await ingest('eurostat-tps00001/tps00001.tsv', 'AD');
    expect(preview.status).toBe('validated');
    expect(preview.reading.skipped.missing).toBe(3);
    await commitSubmission(ctx.db, preview.submissionId);
    expect(await cell('AD', 'POP_JAN', '2011')).toMatchObject({ value: 78115, flags: 'b' });
    expect(await cell('AD', 'POP_JAN', '2018')).toMatchObject({ value: 74794, flags: 'e' });
    expect(await cell('AD', 'POP_JAN', '2014')).toBeUndefined();
  });

  it('reads the World Bank CSV (BOM, preamble, quoted fields, trailing comma) mapping ISO3 codes to geos', async () => {
    const preview = await ingest('worldbank-population/API_SP.POP.TOTL_DS2_en_csv_v2_4473555.csv', 'EL');
    expect(preview.reading).toMatchObject({ format: 'worldbank', encoding: 'utf-8', delimiter: '","' });
    expect(preview.status).toBe('validated');
    expect(preview.cellsValid).toBe(62);
    await commitSubmission(ctx.db, preview.submissionId);
    expect(await cell('EL', 'POP_JAN', '1960')).toMatchObject({
      value: 8331725,
      flags: 'd',
      note: 'World Bank SP.POP.TOTL mid-year estimate, not 1 January',
    });
  });
});
