import { describe, expect, it } from 'vitest';
import { useSeededApp } from '../helpers/context';
import { canonicalCsv, publishCsv } from '../helpers/publish';

const ctx = useSeededApp();

const CONTEXT = '/api/observations/context?indicator=ICCS0101&geo=AT,DE&period=2017';

describe('GET /api/observations/context: each cell’s note and version count (issue 20, item 9)', () => {
  it('counts a correction as a second version, shows its note, and answers as of a moment before it', async () => {
    const before = await ctx.request().get(CONTEXT).expect(200);
    expect(before.body.cells).toEqual([
      { geo: 'AT', indicator: 'ICCS0101', period: '2017', note: null, versions: 1 },
      { geo: 'DE', indicator: 'ICCS0101', period: '2017', note: null, versions: 1 },
    ]);
    const seeded = await ctx.request().get('/api/observations?indicator=ICCS0101&geo=AT&from=2017&to=2017');
    const seededAt: string = seeded.body.meta.dataVersion;
    const value: number = seeded.body.data[0].value;
    await publishCsv(ctx, canonicalCsv(`AT,ICCS0101,2017,${value + 1},p,corrected after audit`), {
      geo: 'AT',
      at: new Date(Date.parse(seededAt) + 60_000),
    });
    const after = await ctx.request().get(CONTEXT).expect(200);
    expect(after.body.cells[0]).toEqual({
      geo: 'AT',
      indicator: 'ICCS0101',
      period: '2017',
      note: 'corrected after audit',
      versions: 2,
    });
    expect(after.body.cells[1].versions).toBe(1);
    const then = await ctx
      .request()
      .get(`${CONTEXT}&asOf=${encodeURIComponent(seededAt)}`)
      .expect(200);
    expect(then.body.cells[0]).toMatchObject({ note: null, versions: 1 });

    const history = await ctx
      .request()
      .get('/api/observations/history?geo=AT&indicator=ICCS0101&period=2017')
      .expect(200);
    expect(history.body.revisions.map((r: { value: number }) => r.value)).toEqual([value, value + 1]);
    expect(history.body.revisions[1]).toMatchObject({ note: 'corrected after audit', flags: 'p', current: true });
  });

  it('refuses an unknown indicator and a malformed period with a message saying what to send', async () => {
    const unknown = await ctx.request().get('/api/observations/context?indicator=NOPE').expect(400);
    expect(JSON.stringify(unknown.body)).toMatch(/NOPE/);
    const period = await ctx.request().get('/api/observations/context?indicator=ICCS0101&period=17').expect(400);
    expect(JSON.stringify(period.body)).toMatch(/expected a year/);
  });
});
