import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../server/analytics/catalogue';
import { readDataVersion } from '../../server/analytics/vintage.repository';
import { createApp } from '../../server/app/compose';
import { parseDataQuery } from '../../server/interop/sdmx/data-query';
import { currentPages, readCells, seriesOfPages, seriesOfRows } from '../../server/interop/sdmx/data-read';
import { STREAM_PAGE } from '../../server/interop/sdmx/data-answer';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { getText } from './helpers';

let database: TestDatabase;
beforeAll(async () => {
  database = await seededDatabase();
});
afterAll(async () => database.dispose());

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('large answers stream page by page', () => {
  it('gives the same series from pages of any size as from one read, runs split across pages included', {
    timeout: 120_000,
  }, async () => {
    const version = await readDataVersion(database.db, null);
    const catalogue = await loadCatalogue(database.db, version.catalogueKey);
    // Five indicators, some with a second source, rather than all of them: pages of one cell are one
    // read each, and on PostgreSQL a few thousand such reads took over two minutes on a loaded machine.
    const indicators = 'ICCS0101+ICCS0401+ICCS0501+ICCS0502+TOTAL_OFFENCES';
    const query = parseDataQuery(`A.${indicators}.AT+DE+FR`, { lastNObservations: '5' }, catalogue);
    const whole = await collect(seriesOfRows(await readCells(database.db, query, catalogue), query, catalogue));
    expect(whole.length).toBeGreaterThan(10);
    for (const size of [1, 7, 100, 100_000]) {
      const pages = await collect(currentPages(database.db, query, catalogue, size));
      expect(pages.every((p) => p.length <= size)).toBe(true);
      expect(
        await collect(seriesOfPages(currentPages(database.db, query, catalogue, size), query, catalogue)),
        `pages of ${size}`,
      ).toEqual(whole);
    }
  });

  it('streams the whole dataflow over HTTP when it is larger than a page, every cell included', async () => {
    const app = createApp({ db: database.db, clientDir: '/nonexistent' });
    // Every cell once, in its preferred source's version (UNODC's stand beside Eurostat's in the seed).
    const { rows } = await sql<{ n: number }>`select count(*) as n from (select distinct indicator, geo, period
      from observations) cells`.execute(database.db);
    const count = Number(rows[0]!.n);
    expect(count, 'the seed must be larger than one page for this test to stream').toBeGreaterThan(STREAM_PAGE);
    const res = await getText(app, '/sdmx/2.1/data/CRIME/all/all?format=csv').expect(200);
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.headers['content-type']).toBe('application/vnd.sdmx.data+csv;version=1.0.0');
    expect(res.body.trim().split('\r\n')).toHaveLength(count + 1);
  });
});
