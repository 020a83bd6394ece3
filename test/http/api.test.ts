import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/http/app';
import { seededDatabase, type TestDatabase } from '../helpers/database';

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  database = await seededDatabase();
  app = createApp({ db: database.db, clientDir: '/nonexistent' });
});
afterAll(async () => database.dispose());

describe('compression', () => {
  it('gzips a large answer for a client that accepts it, with the same content, and leaves small ones alone', async () => {
    const path = '/api/observations?indicator=ICCS0101&format=csv';
    const plain = await request(app).get(path).set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await request(app).get(path).set('Accept-Encoding', 'gzip').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/i);
    expect(zipped.text).toBe(plain.text);
    expect(plain.text.length).toBeGreaterThan(10_000);
    const health = await request(app).get('/api/health').set('Accept-Encoding', 'gzip').expect(200);
    expect(health.headers['content-encoding']).toBeUndefined();
  });
});

describe('read API', () => {
  it('answers the health check with the data version', async () => {
    const res = await request(app).get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.dataVersion).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('lists geos with ISO codes and groups', async () => {
    const res = await request(app).get('/api/geos').expect(200);
    const greece = res.body.data.find((g: { code: string }) => g.code === 'EL');
    expect(greece).toMatchObject({ iso2: 'GR', iso3: 'GRC', iso_numeric: '300', kind: 'country' });
    expect(greece.groups).toContain('EU27_2020');
    const eu = res.body.data.find((g: { code: string }) => g.code === 'EU27_2020');
    expect(eu.kind).toBe('aggregate');
    expect(eu.members).toHaveLength(27);
  });

  it('lists the indicator catalogue and serves one indicator', async () => {
    const res = await request(app).get('/api/indicators').expect(200);
    expect(res.body.data.length).toBeGreaterThanOrEqual(31);
    const one = await request(app).get('/api/indicators/ICCS0101').expect(200);
    expect(one.body).toMatchObject({ code: 'ICCS0101', unit: 'count', theme: 'violent_crime', iccs: '0101', aggregation: 'sum' });
  });

  it('serves observations filtered by indicator, geo and years', async () => {
    const res = await request(app).get('/api/observations?indicator=ICCS0101&geo=AT,DE&from=2017&to=2018').expect(200);
    const cells = res.body.data.map((o: { geo: string; period: string; value: number }) => `${o.geo} ${o.period} ${o.value}`);
    expect(cells).toEqual(['AT 2017 61', 'AT 2018 73', 'DE 2017 738', 'DE 2018 632']);
    expect(res.body.data[0].flags).toBe('');
  });

  it('returns flags as a string', async () => {
    const res = await request(app).get('/api/observations?indicator=POP_JAN&geo=FR&from=2014&to=2014').expect(200);
    expect(res.body.data).toEqual([expect.objectContaining({ geo: 'FR', period: '2014', value: 66165980, flags: 'b' })]);
  });

  it('names unknown codes in a 400 or 404', async () => {
    const bad = await request(app).get('/api/observations?indicator=ICCS0101&geo=AT,ZZ').expect(400);
    expect(bad.body.error.message).toContain('"ZZ"');
    const badIndicator = await request(app).get('/api/observations?indicator=NOPE').expect(400);
    expect(badIndicator.body.error.message).toContain('"NOPE"');
    const missing = await request(app).get('/api/indicators/NOPE').expect(404);
    expect(missing.body.error.message).toContain('NOPE');
    await request(app).get('/api/geos/QQ').expect(404);
  });

  it('answers malformed requests with 400, never 500', async () => {
    for (const url of [
      '/api/observations',
      '/api/observations?indicator=ICCS0101&from=20x7',
      '/api/observations?indicator=ICCS0101&from=2019&to=2017',
      '/api/observations?indicator=%27%3B%20drop%20table%20geos',
      '/api/observations?indicator=ICCS0101&geo=' + 'A,'.repeat(200),
    ]) {
      const res = await request(app).get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error.message.length, url).toBeGreaterThan(0);
      expect(JSON.stringify(res.body), url).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await request(app).get('/api/nothing-here').expect(404);
    expect(res.body.error.code).toBe('not-found');
  });

  it('refuses a malformed JSON body with 400', async () => {
    const res = await request(app).post('/api/health').set('content-type', 'application/json').send('{bad');
    expect(res.status).toBe(400);
  });
});
