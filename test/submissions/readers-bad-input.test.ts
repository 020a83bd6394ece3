import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { insertProfile } from '../../server/import-profiles/import-profile.repository';
import { ProfileDefinition } from '../../server/shared/api/import-profiles';
import { previewSubmission } from '../../server/submissions/pipeline';
import { bufferSource, fileSource } from '../../server/submissions/read/source';
import { useSeededApp } from '../helpers/context';
import { sharedDataPath } from '../helpers/shared-data';
import { stagedRows } from '../helpers/staged';

const ctx = useSeededApp();

const ilc = () => JSON.parse(readFileSync(sharedDataPath('eurostat-jsonstat/ilc_mddw03.json'), 'utf8'));

async function observationCount(): Promise<number> {
  const row = await ctx.db
    .selectFrom('observations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Submits bytes for BE and checks that nothing was written: the submission is rejected and stages nothing. */
async function refused(name: string, bytes: Buffer, profile: string | null = null) {
  const before = await observationCount();
  const preview = await previewSubmission(ctx.db, {
    geo: 'BE',
    submittedBy: 'test',
    profile,
    source: bufferSource(name, bytes),
  });
  expect(preview.status).toBe('rejected');
  expect(preview.cellsValid).toBe(0);
  expect(await stagedRows(ctx.db, preview.submissionId)).toEqual([]);
  expect(await observationCount()).toBe(before);
  return preview.report.entries;
}

const json = (document: unknown) => Buffer.from(JSON.stringify(document));

describe('bad JSON-stat input gets a precise report and writes nothing', () => {
  it('JSON that is not JSON-stat', async () => {
    const [entry] = await refused('x.json', json({ name: 'offences', rows: [[1, 2]] }));
    expect(entry).toMatchObject({ code: 'not-jsonstat', severity: 'error' });
    expect(entry?.message).toMatch(/lacks "version", "class", "id", "size", "dimension", "value"/);
  });

  it('JSON-stat 1.x', async () => {
    const { id, size, ...rest } = ilc();
    delete rest.version;
    delete rest.class;
    const legacy = { ilc_mddw03: { ...rest, dimension: { ...rest.dimension, id, size } } };
    const [entry] = await refused('legacy.json', json(legacy));
    expect(entry?.code).toBe('not-jsonstat');
    expect(entry?.message).toMatch(/JSON-stat 1\.x.*reads JSON-stat 2\.0/);
  });

  it('a bundle of several datasets', async () => {
    const bundle = { version: '2.0', class: 'collection', link: { item: [ilc(), { ...ilc(), label: 'Second' }] } };
    const [entry] = await refused('bundle.json', json(bundle));
    expect(entry).toMatchObject({ code: 'jsonstat-structure', column: 'link.item' });
    expect(entry?.message).toMatch(/bundles 2 datasets \(Crime, violence or vandalism in the area; Second\)/);
  });

  it('value shorter than the product of size', async () => {
    const short = ilc();
    short.value = Array.from({ length: 500 }, () => 1);
    const [entry] = await refused('short.json', json(short));
    expect(entry).toMatchObject({ code: 'jsonstat-values', column: 'value' });
    expect(entry?.message).toMatch(/"value" has 500 entries but "size" 1×1×1×1×28×19 gives 532 cells/);
  });

  it('id and size that disagree', async () => {
    const document = ilc();
    document.size = [1, 1, 1, 28, 19];
    const [entry] = await refused('id-size.json', json(document));
    expect(entry).toMatchObject({ code: 'jsonstat-structure', column: 'size' });
    expect(entry?.message).toMatch(/"id" names 6 dimensions .* but "size" gives 5 sizes/);
  });

  it('status codes that are not observatory flags', async () => {
    const document = ilc();
    document.status['2'] = 'x';
    const entries = await refused('status.json', json(document));
    const flag = entries.find((e) => e.code === 'unknown-flag');
    expect(flag).toMatchObject({ row: 3, cell: 'x' });
    expect(flag?.column).toMatch(/^status\["2"\] \(freq=A, hhtyp=TOTAL, incgrp=TOTAL, unit=PC, geo=BE, time=2006\)$/);
  });

  it('a 50 MB JSON is refused with the limit, unread', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
    big.write('{"version":"2.0","class":"dataset","value":[', 0);
    const [entry] = await refused('big.json', big);
    expect(entry?.code).toBe('file-too-large');
    expect(entry?.message).toMatch(/has 50\.0 MB; the observatory reads JSON files up to 16\.0 MB/);
  });

  it('a table read with a JSON-stat profile, and JSON read with a table profile', async () => {
    const [table] = await refused(
      'table.csv',
      Buffer.from('geo,indicator,period,value\nBE,ICCS0101,2020,1\n'),
      'eurostat-ilc_mddw03',
    );
    expect(table?.code).toBe('profile-mismatch');
    const [cube] = await refused('cube.json', json(ilc()), 'eurostat-crim_off_cat');
    expect(cube?.message).toMatch(/reads eurostat tables, but this file is a JSON-stat dataset/);
  });
});

describe('Eurostat quoted CSV, UNODC long files and unknown geos', () => {
  const gbv = (name: string) => fileSource(sharedDataPath(`eurostat-gbv/estat_gbv_${name}_lim.csv`));

  it('reads the GBV quoted CSV as the Eurostat shape and names EU_V instead of dropping it silently', async () => {
    const preview = await previewSubmission(ctx.db, {
      geo: 'BE',
      submittedBy: 'test',
      profile: 'eurostat-gbv_ipv_lim',
      source: await gbv('ipv'),
    });
    expect(preview.status).toBe('validated');
    expect(preview.reading).toMatchObject({ format: 'eurostat', delimiter: '","' });
    expect(preview.cellsValid).toBe(1);
    const euV = preview.report.entries.find((e) => e.code === 'unknown-geo-left-out');
    expect(euV).toMatchObject({ severity: 'warning', cell: 'EU_V', column: 'geo' });
    expect(euV?.message).toMatch(
      /"EU_V" is not a geo of the observatory: probably Eurostat's estimate for the European Union/,
    );
    expect(euV?.message).toMatch(/Its one row \(row \d+\) was left out/);
  });

  it('asks which profile reads a Eurostat key that two shipped profiles share', async () => {
    const preview = await previewSubmission(ctx.db, { geo: 'BE', submittedBy: 'test', source: await gbv('dv') });
    expect(preview.status).toBe('rejected');
    expect(preview.report.entries[0]?.message).toMatch(/"eurostat-gbv_dv_lim", "eurostat-gbv_ipv_lim"/);
  });

  it('reports a UNODC file whose filters leave nothing, never a green tick', async () => {
    const definition = ProfileDefinition.parse({
      ...JSON.parse(readFileSync('data/profiles/unodc-cts-violent-sexual.json', 'utf8')),
      name: 'unodc-lower-case',
      filters: [{ column: 'Sex', equals: 'total' }],
    });
    await insertProfile(ctx.db, definition, 'test', new Date().toISOString());
    const head = readFileSync(sharedDataPath('unodc-cts/data_cts_violent_and_sexual_crime.csv')).subarray(0, 200_000);
    const cut = head.subarray(0, head.lastIndexOf(0x0a) + 1);
    const [entry] = await refused('unodc.csv', cut, 'unodc-lower-case');
    expect(entry?.code).toBe('no-cells');
    expect(entry?.message).toMatch(/"unodc-lower-case" left out every one of the [\d,]+ data rows with its filters/);
  });
});
