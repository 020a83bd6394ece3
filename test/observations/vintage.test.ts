import { describe, expect, it } from 'vitest';
import { useSeededApp } from '../helpers/context';
import { canonicalCsv, publishCsv } from '../helpers/publish';

const ctx = useSeededApp();

async function correct(lines: string[], now: Date) {
  return (await publishCsv(ctx, canonicalCsv(...lines), { geo: 'AT', at: now, fileName: 'correction.csv' })).commit;
}

const AT_2017 = '/api/observations?indicator=ICCS0101&geo=AT&from=2017&to=2017';

describe('vintages, ETag and caching', () => {
  it('serves the older value as of a moment before a correcting submission, and the new one after', async () => {
    const before = await ctx.request().get(AT_2017).expect(200);
    expect(before.body.data[0]).toMatchObject({ value: 61, flags: '' });
    const seededAt: string = before.body.meta.dataVersion;
    const cellRecordedAt: string = before.body.data[0].recordedAt;
    const etag: string = before.headers.etag!;
    expect(etag).toMatch(/^W\/"/);
    await ctx.request().get(AT_2017).set('If-None-Match', etag).expect(304);

    const commit = await correct(
      ['AT,ICCS0101,2017,62,p,police corrected the count'],
      new Date(Date.parse(seededAt) + 60_000),
    );

    const after = await ctx.request().get(AT_2017).expect(200);
    expect(after.body.data[0]).toMatchObject({ value: 62, flags: 'p' });
    expect(after.body.meta.dataVersion).toBe(commit.committedAt);
    expect(after.headers.etag).not.toBe(etag);
    const stale = await ctx.request().get(AT_2017).set('If-None-Match', etag).expect(200);
    expect(stale.body.data[0].value).toBe(62);

    const vintage = await ctx
      .request()
      .get(`${AT_2017}&asOf=${encodeURIComponent(seededAt)}`)
      .expect(200);
    expect(vintage.body.data[0]).toMatchObject({ value: 61, flags: '', recordedAt: cellRecordedAt });
    expect(vintage.body.meta).toMatchObject({ asOf: seededAt, dataVersion: seededAt });

    const trendThen = await ctx
      .request()
      .get(`/api/trends?indicator=ICCS0101&geo=AT&from=2017&to=2017&asOf=${encodeURIComponent(seededAt)}`)
      .expect(200);
    expect(trendThen.body.points[0].value).toBe(61);
    const compareNow = await ctx.request().get('/api/compare?indicator=ICCS0101&period=2017').expect(200);
    expect(compareNow.body.rows.find((r: { geo: string }) => r.geo === 'AT').value).toBe(62);
    const compareThen = await ctx
      .request()
      .get(`/api/compare?indicator=ICCS0101&period=2017&asOf=${encodeURIComponent(seededAt)}`)
      .expect(200);
    expect(compareThen.body.rows.find((r: { geo: string }) => r.geo === 'AT').value).toBe(61);
  });

  it('reads a bare date as the end of that day and knows nothing before the first revision', async () => {
    const none = await ctx.request().get(`${AT_2017}&asOf=2000-01-01`).expect(200);
    expect(none.body.data).toEqual([]);
    expect(none.body.meta).toMatchObject({ asOf: '2000-01-01T23:59:59.999Z', dataVersion: null });
    const bad = await ctx.request().get(`${AT_2017}&asOf=yesterday`).expect(400);
    expect(bad.body.error.message).toMatch(/asOf/);
    await ctx.request().get(`${AT_2017}&asOf=2024-02-30`).expect(400);
  });

  it('gives rates with their denominator on /api/observations', async () => {
    const res = await ctx
      .request()
      .get('/api/observations?indicator=ICCS0101&geo=DE&from=2017&to=2017&measure=rate')
      .expect(200);
    expect(res.body.data[0]).toMatchObject({
      value: (738 / 82521653) * 1e5,
      count: 738,
      unit: 'per_100k_inhabitants',
      denominator: { indicator: 'POP_JAN', value: 82521653, period: '2017' },
    });
    await ctx.request().get('/api/observations?indicator=POP_JAN&measure=rate').expect(400);
  });

  it('exports CSV with flags, unit and source, escaping formula-like cells', async () => {
    await correct(['AT,ICCS0101,2016,49,,=HYPERLINK("http://evil")'], new Date());
    const res = await ctx
      .request()
      .get('/api/observations?indicator=ICCS0101&geo=AT&from=2016&to=2017&format=csv&measure=rate')
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="?observations-rate.csv"?/);
    const [header, first] = res.text.split('\n');
    expect(header).toBe(
      'geo,indicator,period,measure,value,flags,unit,count,count_flags,population,population_flags,population_source,cell_source,reason,revision,recorded_at,source,data_version',
    );
    expect(first).toMatch(
      /^AT,ICCS0101,2016,rate,0\.563\d+,,per_100k_inhabitants,49,,8700471,,estat\.demo_pjan,national,,\d+,/,
    );
    expect(first).toContain('"Eurostat, crim_off_cat: police-recorded offences by offence category (unit NR)."');
  });

  it('escapes formula-like names in a comparison export and keeps negative numbers as numbers', async () => {
    await ctx.db
      .insertInto('geos')
      .values({
        code: 'ZZ',
        name: '=HYPERLINK("http://evil")',
        kind: 'country',
        iso2: null,
        iso3: null,
        iso_numeric: null,
        first_year: null,
        last_year: null,
        part_of: null,
        note: null,
      })
      .execute();
    await ctx.db
      .insertInto('geos')
      .values({
        code: 'ZZGROUP',
        name: '@group',
        kind: 'aggregate',
        iso2: null,
        iso3: null,
        iso_numeric: null,
        first_year: null,
        last_year: null,
        part_of: null,
        note: null,
      })
      .execute();
    await ctx.db
      .insertInto('geo_group_members')
      .values([
        { group_code: 'ZZGROUP', geo_code: 'AT' },
        { group_code: 'ZZGROUP', geo_code: 'DE' },
        { group_code: 'ZZGROUP', geo_code: 'ZZ' },
      ])
      .execute();
    const res = await ctx
      .request()
      .get('/api/compare?indicator=ICCS0101&period=2017&measure=rate&group=ZZGROUP&format=csv')
      .expect(200);
    const lines = res.text.trim().split('\n');
    expect(lines[0]).toBe(
      'geo,geo_name,indicator,period,measure,value,flags,count,count_flags,population,population_period,population_flags,reason,rank,percentile,z_score,robust_z,deviation,share_of_aggregate,unit,source,data_version',
    );
    expect(lines.find((l) => l.startsWith('ZZ,'))).toMatch(
      /^ZZ,"'=HYPERLINK\(""http:\/\/evil""\)",ICCS0101,2017,rate,,,,,,,,no value for ZZ 2017,/,
    );
    const at = lines.find((l) => l.startsWith('AT,'))!.split(',');
    expect(at[15]!.startsWith('-')).toBe(true);
    expect(Number(at[15])).toBeLessThan(0);
    expect(lines.find((l) => l.startsWith('ZZGROUP,'))).toMatch(
      /Withheld: the population of ZZ is unknown for this period, so the coverage cannot be measured/,
    );
  });
});
