import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { contactPoint, secretariat } from '../submissions/actors';
import { useSeededApp } from '../helpers/context';
import { canonicalCsv, publishCsv } from '../helpers/publish';

/**
 * Every reader that is not asked for a source shows one value per cell, the preferred one: once a
 * contact point's own figure stands beside Eurostat's, neither the SDMX data, nor the country's template,
 * nor a round's owed cells show the cell twice.
 */
const ctx = useSeededApp({ each: true });

describe('readers after a second source of a cell', () => {
  it("show the contact point's figure once, never beside Eurostat's", async () => {
    await publishCsv(ctx, canonicalCsv('AT,ICCS0101,2017,70,,national police statistics'), { geo: 'AT' });
    const both = await ctx.db
      .selectFrom('observations')
      .select('source')
      .where('geo', '=', 'AT')
      .where('indicator', '=', 'ICCS0101')
      .where('period', '=', '2017')
      .execute();
    expect(both.map((o) => o.source).sort()).toEqual(['estat.crim_off_cat', 'national']);

    const sdmx = await ctx
      .request()
      .get('/sdmx/2.1/data/CRIME/A.ICCS0101.AT/all/?startPeriod=2017&endPeriod=2017&format=csv')
      .expect(200);
    const rows = sdmx.text.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.split(',')[5]).toBe('70');

    const template = await request(ctx.as(contactPoint('AT')))
      .get('/api/submissions/template?geo=AT')
      .expect(200);
    const lines = template.text.split('\n').filter((l) => l.startsWith('AT,ICCS0101,2017,'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^AT,ICCS0101,2017,70,/);
  });
});

describe('an upload naming its source', () => {
  const file = 'geo,indicator,period,value,flags,note\nAT,ICCS0101,2017,64,,\n';

  it("is the secretariat's to load as another source's edition; a contact point's file is always its own", async () => {
    const refused = await request(ctx.as(contactPoint('AT')))
      .post('/api/submissions?geo=AT&source=estat.crim_off_cat')
      .type('text/csv')
      .send(file)
      .expect(403);
    expect(refused.body.error.code).toBe('source-not-yours');
    expect(refused.body.error.message).toMatch(/Only the secretariat loads figures of another source/);

    await request(ctx.as(secretariat))
      .post('/api/submissions?geo=AT&source=estat.nothing')
      .type('text/csv')
      .send(file)
      .expect(400);

    const loaded = await request(ctx.as(secretariat))
      .post('/api/submissions?geo=AT&source=estat.crim_off_cat&edition=2026%20edition')
      .type('text/csv')
      .send(file)
      .expect(201);
    // Eurostat's own cell is revised (61 → 64): the same source, a later edition.
    expect(loaded.body.diff).toMatchObject({ changedCells: 1, newCells: 0 });
    const stored = await ctx.db
      .selectFrom('submissions')
      .select(['source', 'edition'])
      .where('id', '=', loaded.body.submissionId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ source: 'estat.crim_off_cat', edition: '2026 edition' });
  });
});
