import { describe, expect, it } from 'vitest';
import { cellHistory } from '../../server/cells/cell-history';
import type { CellSourcesAnswer, SourcesAnswer } from '../../server/shared/api/sources';
import { previewSubmission, UnknownDataSourceError } from '../../server/submissions/pipeline';
import { bufferSource } from '../../server/submissions/read/source';
import { useSeededApp } from '../helpers/context';
import { canonicalCsv, publishCsv } from '../helpers/publish';

const ctx = useSeededApp({ each: true });

const AT_2017 = { geo: 'AT', indicator: 'ICCS0101', period: '2017' };

async function observations(query: string) {
  const res = await ctx.request().get(`/api/observations?${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body.data as {
    geo: string;
    period: string;
    value: number;
    source: string;
    denominator: { source: string } | null;
  }[];
}

describe('sources kept apart', () => {
  it("keeps a contact point's figure beside Eurostat's: both current, both queryable, the contact point's preferred", async () => {
    const { preview } = await publishCsv(ctx, canonicalCsv('AT,ICCS0101,2017,70,,national police statistics'), {
      geo: 'AT',
    });
    // The diff says what readers will see change (Eurostat's 61 → 70); the commit adds the contact
    // point's own version beside Eurostat's instead of superseding it.
    expect(preview.diff).toMatchObject({ newCells: 0, changedCells: 1 });
    expect(preview.diff!.changed[0]).toMatchObject({ old: { value: 61 }, new: { value: 70 } });
    const history = await cellHistory(ctx.db, AT_2017);
    expect(history.map((h) => [h.value, h.current, h.dataSource])).toEqual([
      [61, true, 'estat.crim_off_cat'],
      [70, true, 'national'],
    ]);

    const preferred = await observations('indicator=ICCS0101&geo=AT&from=2017&to=2017');
    expect(preferred).toEqual([expect.objectContaining({ value: 70, source: 'national' })]);
    const eurostat = await observations('indicator=ICCS0101&geo=AT&from=2017&to=2017&source=estat.crim_off_cat');
    expect(eurostat).toEqual([expect.objectContaining({ value: 61, source: 'estat.crim_off_cat' })]);
    // The rate of a named source still divides by the preferred population, and says which it is.
    const rate = await observations(
      'indicator=ICCS0101&geo=AT&from=2017&to=2017&measure=rate&source=estat.crim_off_cat',
    );
    expect(rate[0]!.value).toBeCloseTo((61 / 8772865) * 100_000, 10);
    expect(rate[0]!.denominator?.source).toBe('estat.demo_pjan');

    const other = await ctx.request().get('/api/observations/sources?indicator=ICCS0101&geo=AT&period=2017');
    expect(other.status).toBe(200);
    const answer = other.body as CellSourcesAnswer;
    expect(answer.preferred).toBe('national');
    expect(answer.sources.map((s) => [s.source, s.value, s.preferred, s.difference])).toEqual([
      ['national', 70, true, 0],
      ['estat.crim_off_cat', 61, false, -9],
    ]);
    expect(answer.sources[1]!.differencePercent).toBeCloseTo((-9 / 70) * 100, 3);
    expect(answer.sources[1]!.edition).toBe('bulk TSV, 2008-2022');
    expect(answer.sources[0]).toMatchObject({ deliveredBy: 'contact-point', deliveredFor: 'AT' });
    expect(answer.sources[1]).toMatchObject({ deliveredBy: 'seed', deliveredFor: 'AT' });
    expect(other.headers.etag).toBeTruthy();
  });

  it('revises only within a source: a second national file supersedes the first, never Eurostat', async () => {
    await publishCsv(ctx, canonicalCsv('AT,ICCS0101,2017,70,,'), { geo: 'AT', fileName: 'a.csv' });
    const { preview } = await publishCsv(ctx, canonicalCsv('AT,ICCS0101,2017,72,,'), { geo: 'AT', fileName: 'b.csv' });
    expect(preview.diff).toMatchObject({ newCells: 0, changedCells: 1 });
    const history = await cellHistory(ctx.db, AT_2017);
    expect(history.map((h) => [h.value, h.current, h.dataSource])).toEqual([
      [61, true, 'estat.crim_off_cat'],
      [70, false, 'national'],
      [72, true, 'national'],
    ]);
  });

  it('uses the preferred value in comparisons and trends, and says which source it is', async () => {
    await publishCsv(ctx, canonicalCsv('AT,ICCS0101,2017,70,,'), { geo: 'AT' });
    const compare = await ctx.request().get('/api/compare?indicator=ICCS0101&period=2017&measure=count');
    expect(compare.status).toBe(200);
    const rows = compare.body.rows as { geo: string; value: number; source: string }[];
    expect(rows.find((r) => r.geo === 'AT')).toMatchObject({ value: 70, source: 'national' });
    expect(rows.find((r) => r.geo === 'BE')).toMatchObject({ source: 'estat.crim_off_cat' });
    const trend = await ctx.request().get('/api/trends?indicator=ICCS0101&geo=AT&measure=count');
    const points = trend.body.points as { period: string; value: number; source: string }[];
    expect(points.find((p) => p.period === '2017')).toMatchObject({ value: 70, source: 'national' });
    expect(points.find((p) => p.period === '2016')).toMatchObject({ source: 'estat.crim_off_cat' });
  });

  it('keeps asOf per source: before the national file, the Eurostat figure is the preferred one', async () => {
    const at = new Date(Date.now() + 60_000);
    await publishCsv(ctx, canonicalCsv('AT,ICCS0101,2017,70,,'), { geo: 'AT', at });
    const asOf = new Date(at.getTime() - 1).toISOString();
    const then = await observations(`indicator=ICCS0101&geo=AT&from=2017&to=2017&asOf=${asOf}`);
    expect(then).toEqual([expect.objectContaining({ value: 61, source: 'estat.crim_off_cat' })]);
    const sources = await ctx
      .request()
      .get(`/api/observations/sources?indicator=ICCS0101&geo=AT&period=2017&asOf=${asOf}`);
    expect((sources.body as CellSourcesAnswer).sources.map((s) => s.source)).toEqual(['estat.crim_off_cat']);
  });

  it('refuses an unknown source with a 400 that lists the known ones, in the API and the pipeline', async () => {
    const res = await ctx.request().get('/api/observations?indicator=ICCS0101&source=estat.nothing');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('Unknown source "estat.nothing"');
    expect(res.body.error.message).toContain('estat.crim_off_cat');
    const dutch = await ctx.request().get('/api/observations?indicator=ICCS0101&source=estat.nothing&lang=nl');
    expect(dutch.body.error.message).toContain('Onbekende bron "estat.nothing"');
    const source = bufferSource('x.csv', Buffer.from(canonicalCsv('AT,ICCS0101,2017,70,,')));
    await expect(
      previewSubmission(ctx.db, { geo: 'AT', submittedBy: 'test', source, dataSource: { code: 'estat.nothing' } }),
    ).rejects.toThrow(UnknownDataSourceError);
  });

  it('lists the sources in their documented order', async () => {
    const res = await ctx.request().get('/api/sources');
    const body = res.body as SourcesAnswer;
    const codes = body.sources.map((s) => s.code);
    expect(codes.indexOf('national')).toBeLessThan(codes.indexOf('estat.crim_off_cat'));
    expect(codes.indexOf('estat.crim_off_cat')).toBeLessThan(codes.indexOf('unodc.cts'));
    expect(codes.indexOf('unodc.cts')).toBeLessThan(codes.indexOf('wb.sp_pop_totl'));
    expect(body.order).toMatch(/contact point/);
  });
});
