import JSONstat from 'jsonstat-toolkit';
import sdmxrest from 'sdmx-rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { correct } from './helpers';
import { listening } from './server';

let database: TestDatabase;
let server: Awaited<ReturnType<typeof listening>>;
let service: ReturnType<typeof sdmxrest.getService>;
beforeAll(async () => {
  database = await seededDatabase();
  server = await listening(database.db);
  service = sdmxrest.getService({ url: `${server.base}/sdmx/2.1`, api: 'v1.5.0', id: 'CPO' });
});
afterAll(async () => {
  await server.close();
  await database.dispose();
});

/** JSON API cells of one indicator and geos, as "geo|period" → value. */
async function apiCells(
  indicator: string,
  geos: string[],
  from: string,
  to: string,
): Promise<Map<string, number | null>> {
  const res = await fetch(
    `${server.base}/api/observations?indicator=${indicator}&geo=${geos.join(',')}&from=${from}&to=${to}`,
  );
  const body = (await res.json()) as { data: { geo: string; period: string; value: number | null }[] };
  return new Map(body.data.map((o) => [`${o.geo}|${o.period}`, o.value]));
}

describe('sdmx-rest (sdmx-rest4js) against the observatory', () => {
  const DataFormat = sdmxrest.data.DataFormat as Record<string, string> &
    Record<
      'SDMX_ML_2_1_GENERIC' | 'SDMX_ML_2_1_STRUCTURE_SPECIFIC' | 'SDMX_CSV_1_0_0' | 'SDMX_CSV_WITH_BOTH_LABELS',
      string
    >;
  const DataDetail = sdmxrest.data.DataDetail as Record<'FULL' | 'DATA_ONLY' | 'SERIES_KEYS_ONLY' | 'NO_DATA', string>;
  const formats = [
    DataFormat.SDMX_ML_2_1_GENERIC,
    DataFormat.SDMX_ML_2_1_STRUCTURE_SPECIFIC,
    DataFormat.SDMX_CSV_1_0_0,
    DataFormat.SDMX_CSV_WITH_BOTH_LABELS,
  ];
  const details = [DataDetail.FULL, DataDetail.DATA_ONLY, DataDetail.SERIES_KEYS_ONLY, DataDetail.NO_DATA];

  it('builds data URLs with detail and includeHistory; every answer passes its media-type check', async () => {
    for (const format of formats) {
      for (const detail of details) {
        for (const history of [false, true]) {
          const query = sdmxrest.getDataQuery({
            flow: 'CPO,CRIME,1.0',
            key: 'A.ICCS0101.AT+DE',
            start: '2015',
            end: '2018',
            detail,
            history,
          });
          const url = sdmxrest.getUrl(query, service);
          expect(url).toContain(`detail=${detail}&includeHistory=${history}`);
          const response = await sdmxrest.request2(query, service, { headers: { accept: format } });
          sdmxrest.checkStatus(query, response);
          expect(() => sdmxrest.checkMediaType(format, response), `${format} ${detail} ${history}`).not.toThrow();
          expect(await response.text()).toMatch(
            detail === DataDetail.SERIES_KEYS_ONLY || detail === DataDetail.NO_DATA ? /AT/ : /2017/,
          );
        }
      }
    }
  });

  it('reads the same values as the JSON API through its request function', async () => {
    const query = sdmxrest.getDataQuery({ flow: 'CPO,CRIME,1.0', key: 'A.ICCS0101.AT+DE', start: '2015', end: '2018' });
    const csv: string = await sdmxrest.request(query, service, { headers: { accept: DataFormat.SDMX_CSV_1_0_0 } });
    const rows = csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(','));
    const expected = await apiCells('ICCS0101', ['AT', 'DE'], '2015', '2018');
    expect(new Map(rows.map((r) => [`${r[3]}|${r[4]}`, r[5] === '' ? null : Number(r[5])]))).toEqual(expected);
    expect(rows).toHaveLength(8);
  });

  it('reads structures, and treats a 404 for updatedAfter as "nothing changed"', async () => {
    const structure = sdmxrest.getMetadataQuery({
      resource: 'datastructure',
      agency: 'CPO',
      id: 'DSD_CRIME',
      references: 'children',
    });
    const response = await sdmxrest.request2(structure, service, {
      headers: { accept: 'application/vnd.sdmx.structure+xml;version=2.1' },
    });
    sdmxrest.checkStatus(structure, response);
    sdmxrest.checkMediaType('application/vnd.sdmx.structure+xml;version=2.1', response);
    expect(await response.text()).toContain('<str:Codelist id="CL_GEO"');
    const since = new Date(Date.now() - 1000).toISOString();
    const unchanged = sdmxrest.getDataQuery({ flow: 'CPO,CRIME,1.0', key: 'A.ICCS0101.AT', updatedAfter: since });
    const none = await sdmxrest.request2(unchanged, service, { headers: { accept: DataFormat.SDMX_CSV_1_0_0 } });
    expect(none.status).toBe(404);
    expect(() => sdmxrest.checkStatus(unchanged, none)).not.toThrow();
  });
});

describe('jsonstat-toolkit against the observatory', () => {
  it('reads the JSON-stat dataset: size, roles, units, values and flags as status', async () => {
    await correct(database.db, 'AT', ['AT,ICCS0101,2018,73,e,estimated'], new Date());
    const url = `${server.base}/sdmx/2.1/data/CRIME/A.ICCS0101+ICCS0102.AT+DE?startPeriod=2016&endPeriod=2018`;
    const res = await fetch(url, { headers: { accept: 'application/json; profile=jsonstat' } });
    expect(res.headers.get('content-type')).toBe('application/json');
    const ds = JSONstat(await res.json());
    // The toolkit returns an empty object rather than throwing on an invalid dataset: check its length.
    expect(ds.class).toBe('dataset');
    expect(ds.length).toBe(3);
    expect(ds.id).toEqual(['indicator', 'geo', 'time']);
    expect(ds.role).toMatchObject({ time: ['time'], geo: ['geo'], metric: ['indicator'] });
    expect(ds.Dimension('indicator').Category('ICCS0101').unit).toEqual({ label: 'Number' });
    expect(ds.Data({ indicator: 'ICCS0101', geo: 'AT', time: '2018' })).toEqual({ value: 73, status: 'e' });
    const expected = await apiCells('ICCS0101', ['AT', 'DE'], '2016', '2018');
    for (const [cell, value] of expected) {
      const [geo = '', time = ''] = cell.split('|');
      expect(ds.Data({ indicator: 'ICCS0101', geo, time })!.value, cell).toBe(value);
    }
    expect(ds.extension.dataVersion).toBe(res.headers.get('x-data-version'));
  });

  it('reads includeHistory as a collection with one dataset per dissemination', async () => {
    const res = await fetch(
      `${server.base}/sdmx/2.1/data/CRIME/A.ICCS0101.AT?startPeriod=2018&endPeriod=2018` +
        '&includeHistory=true&format=jsonstat',
    );
    const collection = JSONstat(await res.json());
    expect(collection.class).toBe('collection');
    expect(collection.length).toBe(2);
    const values = [0, 1].map((i) =>
      JSONstat(collection.Item(i)).Data({ indicator: 'ICCS0101', geo: 'AT', time: '2018' }),
    );
    expect(values).toEqual([
      { value: 73, status: null },
      { value: 73, status: 'e' },
    ]);
  });
});
