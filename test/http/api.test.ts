import { once } from 'node:events';
import { get, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AnswerCache, preferredEncoding } from '../../server/analytics/answer-cache';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp();

describe('compression', () => {
  it('gzips a large answer for a client that accepts it, with the same content, and leaves small ones alone', async () => {
    const path = '/api/observations?indicator=ICCS0101&format=csv';
    const plain = await ctx.request().get(path).set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await ctx.request().get(path).set('Accept-Encoding', 'gzip').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/i);
    expect(zipped.text).toBe(plain.text);
    expect(plain.text.length).toBeGreaterThan(10_000);
    const health = await ctx.request().get('/api/health').set('Accept-Encoding', 'gzip').expect(200);
    expect(health.headers['content-encoding']).toBeUndefined();
  });
});

/** One raw GET on a listening copy of the app: status, headers and the body's bytes as sent. */
async function rawGet(
  path: string,
  acceptEncoding: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  const server = ctx.app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    const response = await new Promise<IncomingMessage>((resolve, reject) =>
      get({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': acceptEncoding } }, resolve).on(
        'error',
        reject,
      ),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    return { status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) };
  } finally {
    server.close();
  }
}

describe('compressed analytics answers', () => {
  const path = '/api/compare?indicator=ICCS0101&period=2017&measure=rate';
  it('sends the cached answer compressed in the encoding the client prefers, with the same content', async () => {
    const plain = await rawGet(path, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const brotli = await rawGet(path, 'gzip, deflate, br');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary).toMatch(/Accept-Encoding/);
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
    expect(brotli.body.length).toBeLessThan(plain.body.length / 2);
    const gzip = await rawGet(path, 'br;q=0, gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    // The same representation, so the same (weak) ETag.
    expect(gzip.headers.etag).toBe(plain.headers.etag);
  });

  it('compresses an answer once per encoding, and counts the compressed bytes against the budget', () => {
    const text = JSON.stringify({
      rows: Array.from({ length: 300 }, (_, i) => ({ geo: 'AT', period: String(1990 + (i % 30)), value: i })),
    });
    const size = Buffer.byteLength(text);
    const cache = new AnswerCache(size * 10 + 10);
    const first = cache.set('first', text);
    const brotli = cache.encoded('first', first, 'br')!;
    expect(brotliDecompressSync(brotli).toString()).toBe(text);
    expect(cache.encoded('first', first, 'br')).toBe(brotli);
    expect(cache.encoded('first', first, null)).toBeNull();
    // Nine more answers fit only without the first one's compressed copy: the first goes.
    for (let i = 0; i < 9; i++) cache.set(`other ${i}`, text);
    expect(cache.get('first')).toBeUndefined();
    expect(cache.get('other 0')).toBeDefined();
  });

  it('reads Accept-Encoding with its q-values and wildcard', () => {
    expect(preferredEncoding('gzip, deflate, br')).toBe('br');
    expect(preferredEncoding('gzip;q=0.5, br;q=0')).toBe('gzip');
    expect(preferredEncoding('*')).toBe('br');
    expect(preferredEncoding('*;q=0, gzip')).toBe('gzip');
    expect(preferredEncoding('identity')).toBeNull();
    expect(preferredEncoding(undefined)).toBeNull();
    expect(preferredEncoding('deflate')).toBeNull();
  });
});

describe('read API', () => {
  it('answers the health check with the data version', async () => {
    const res = await ctx.request().get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.dataVersion).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('lists geos with ISO codes and groups', async () => {
    const res = await ctx.request().get('/api/geos').expect(200);
    const greece = res.body.data.find((g: { code: string }) => g.code === 'EL');
    expect(greece).toMatchObject({ iso2: 'GR', iso3: 'GRC', iso_numeric: '300', kind: 'country' });
    expect(greece.groups).toContain('EU27_2020');
    const eu = res.body.data.find((g: { code: string }) => g.code === 'EU27_2020');
    expect(eu.kind).toBe('aggregate');
    expect(eu.members).toHaveLength(27);
  });

  it('lists the indicator catalogue and serves one indicator', async () => {
    const res = await ctx.request().get('/api/indicators').expect(200);
    expect(res.body.data.length).toBeGreaterThanOrEqual(31);
    const one = await ctx.request().get('/api/indicators/ICCS0101').expect(200);
    expect(one.body).toMatchObject({
      code: 'ICCS0101',
      unit: 'count',
      theme: 'violent_crime',
      iccs: '0101',
      aggregation: 'sum',
    });
  });

  it('serves observations filtered by indicator, geo and years', async () => {
    const res = await ctx.request().get('/api/observations?indicator=ICCS0101&geo=AT,DE&from=2017&to=2018').expect(200);
    const cells = res.body.data.map(
      (o: { geo: string; period: string; value: number }) => `${o.geo} ${o.period} ${o.value}`,
    );
    expect(cells).toEqual(['AT 2017 61', 'AT 2018 73', 'DE 2017 738', 'DE 2018 632']);
    expect(res.body.data[0].flags).toBe('');
  });

  it('returns flags as a string', async () => {
    const res = await ctx.request().get('/api/observations?indicator=POP_JAN&geo=FR&from=2014&to=2014').expect(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({ geo: 'FR', period: '2014', value: 66165980, flags: 'b' }),
    ]);
  });

  it('names unknown codes in a 400 or 404', async () => {
    const bad = await ctx.request().get('/api/observations?indicator=ICCS0101&geo=AT,ZZ').expect(400);
    expect(bad.body.error.message).toContain('"ZZ"');
    const badIndicator = await ctx.request().get('/api/observations?indicator=NOPE').expect(400);
    expect(badIndicator.body.error.message).toContain('"NOPE"');
    const missing = await ctx.request().get('/api/indicators/NOPE').expect(404);
    expect(missing.body.error.message).toContain('NOPE');
    await ctx.request().get('/api/geos/QQ').expect(404);
  });

  it('answers malformed requests with 400, never 500', async () => {
    for (const url of [
      '/api/observations',
      '/api/observations?indicator=ICCS0101&from=20x7',
      '/api/observations?indicator=ICCS0101&from=2019&to=2017',
      '/api/observations?indicator=%27%3B%20drop%20table%20geos',
      `/api/observations?indicator=ICCS0101&geo=${'A,'.repeat(200)}`,
    ]) {
      const res = await ctx.request().get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error.message.length, url).toBeGreaterThan(0);
      expect(JSON.stringify(res.body), url).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await ctx.request().get('/api/nothing-here').expect(404);
    expect(res.body.error.code).toBe('not-found');
  });

  it('refuses a malformed JSON body with 400', async () => {
    const res = await ctx.request().post('/api/health').set('content-type', 'application/json').send('{bad');
    expect(res.status).toBe(400);
  });
});
