import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app/compose';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { correct, errorCode, getText } from './helpers';

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  database = await seededDatabase();
  app = createApp({ db: database.db, clientDir: '/nonexistent' });
});
afterAll(async () => database.dispose());

const FLOW = '/sdmx/2.1/data/CPO,CRIME,1.0';

describe('SDMX data formats', () => {
  it('answers SDMX-ML Generic by default, with the exact content type and Vary: Accept', async () => {
    const res = await getText(app, `${FLOW}/A.ICCS0101.AT/all/?startPeriod=2016&endPeriod=2017`).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.sdmx.genericdata+xml;version=2.1');
    expect(res.headers.vary).toMatch(/Accept/);
    expect(res.headers.etag).toMatch(/^W\//);
    expect(res.body).toContain(
      '<generic:SeriesKey><generic:Value id="FREQ" value="A"/><generic:Value id="INDICATOR" value="ICCS0101"/>' +
        '<generic:Value id="GEO" value="AT"/>',
    );
    expect(
      [...res.body.matchAll(/<generic:ObsDimension value="(\d+)"\/><generic:ObsValue value="([\d.]+)"\/>/g)].map(
        (m) => [m[1], m[2]],
      ),
    ).toEqual([
      ['2016', '49'],
      ['2017', '61'],
    ]);
    await getText(app, `${FLOW}/A.ICCS0101.AT/all/?startPeriod=2016&endPeriod=2017`)
      .set('If-None-Match', res.headers.etag!)
      .expect(304);
  });

  it('writes SDMX-CSV 1.0 with the dataflow column, and names beside ids for labels=both', async () => {
    const csv = await getText(
      app,
      `${FLOW}/A.ICCS0101.AT?startPeriod=2017&endPeriod=2017`,
      'application/vnd.sdmx.data+csv;version=1.0.0',
    ).expect(200);
    expect(csv.headers['content-type']).toBe('application/vnd.sdmx.data+csv;version=1.0.0');
    expect(csv.body).toBe(
      'DATAFLOW,FREQ,INDICATOR,GEO,TIME_PERIOD,OBS_VALUE,OBS_FLAG,UNIT_MEASURE\r\n' +
        'CPO:CRIME(1.0),A,ICCS0101,AT,2017,61,,count\r\n',
    );
    const both = await getText(
      app,
      `${FLOW}/A.ICCS0101.AT?startPeriod=2017&endPeriod=2017`,
      'application/vnd.sdmx.data+csv;version=1.0.0;labels=both',
    ).expect(200);
    expect(both.body.split('\r\n')[1]).toBe(
      'CPO:CRIME(1.0),A: Annual,ICCS0101: Intentional homicide,AT: Austria,2017,61,,count: Number',
    );
  });

  it('writes StructureSpecificData and honours detail, dimensionAtObservation and lastNObservations', async () => {
    const ss = await getText(
      app,
      `${FLOW}/A.ICCS0101.AT?lastNObservations=2`,
      'application/vnd.sdmx.structurespecificdata+xml;version=2.1',
    ).expect(200);
    expect(ss.headers['content-type']).toBe('application/vnd.sdmx.structurespecificdata+xml;version=2.1');
    expect(ss.body).toContain(
      '<Series FREQ="A" INDICATOR="ICCS0101" GEO="AT" UNIT_MEASURE="count">' +
        '<Obs TIME_PERIOD="2022" OBS_VALUE="65"/><Obs TIME_PERIOD="2023" OBS_VALUE="75"/></Series>',
    );
    const keys = await getText(app, `${FLOW}/A.ICCS0101.AT+DE?detail=serieskeysonly`).expect(200);
    expect(keys.body.match(/<generic:Series>/g)).toHaveLength(2);
    expect(keys.body).not.toContain('<generic:Obs>');
    const flat = await getText(
      app,
      `${FLOW}/A.ICCS0101.AT?dimensionAtObservation=AllDimensions&firstNObservations=1`,
    ).expect(200);
    expect(flat.body).toContain(
      '<generic:Obs><generic:ObsKey><generic:Value id="FREQ" value="A"/><generic:Value id="INDICATOR" value="ICCS0101"/>' +
        '<generic:Value id="GEO" value="AT"/><generic:Value id="TIME_PERIOD" value="2008"/></generic:ObsKey>' +
        '<generic:ObsValue value="58"/>',
    );
    expect(flat.body).not.toContain('<generic:Series>');
  });

  it('answers with the type asked for when the client asks for generic XML (as rsdmx does)', async () => {
    const res = await getText(app, `${FLOW}/A.ICCS0101.AT/all/`, 'application/xml').expect(200);
    expect(res.headers['content-type']).toBe('application/xml');
    expect(res.body).toContain('<mes:GenericData');
  });
});

describe("SDMX errors: the guidelines' codes, never a 500", () => {
  const cases: [string, string | undefined, number, string][] = [
    [`${FLOW}/A.ICCS0101`, undefined, 400, '140'],
    [`${FLOW}/A.ICCS0101.AT.X`, undefined, 400, '140'],
    [`${FLOW}/A.NOPE.AT`, undefined, 404, '100'],
    [`${FLOW}/A.ICCS0101.ZZ`, undefined, 404, '100'],
    ['/sdmx/2.1/data/CPO,OTHER,1.0/all', undefined, 404, '100'],
    ['/sdmx/2.1/data/ESTAT,CRIME,1.0/all', undefined, 404, '100'],
    [`${FLOW}/A.ICCS0101.AT?startPeriod=2019&endPeriod=2017`, undefined, 400, '150'],
    [`${FLOW}/A.ICCS0101.AT?startPeriod=last-year`, undefined, 400, '140'],
    [`${FLOW}/A.ICCS0101.AT?updatedAfter=2999-01-01T00:00:00Z`, undefined, 400, '150'],
    [`${FLOW}/A.ICCS0101.AT?updatedAfter=yesterday`, undefined, 400, '140'],
    [`${FLOW}/A.ICCS0101.AT?detail=everything`, undefined, 400, '140'],
    [`${FLOW}/A.ICCS0101.AT?dimensionAtObservation=GEO`, undefined, 501, '501'],
    [`${FLOW}/A.ICCS0101.AT?lastNObservations=-1`, undefined, 400, '140'],
    [`${FLOW}/A.ICCS0101.AT?colour=red`, undefined, 400, '140'],
    [`${FLOW}/A.ICCS0101.AT?startPeriod=1900&endPeriod=1901`, undefined, 404, '100'],
    [`${FLOW}/A.ICCS0101.AT`, 'application/vnd.sdmx.data+json;version=1.0.0', 406, '1000'],
    [`${FLOW}/A.ICCS0101.AT`, 'application/vnd.sdmx.genericdata+xml;version=3.0', 406, '1000'],
    ['/sdmx/2.1/categoryscheme/all/all/latest', undefined, 501, '501'],
    ['/sdmx/2.1/dataflow/ESTAT/all/latest', undefined, 404, '100'],
    ['/sdmx/2.1/dataflow/CPO/CRIME/latest?detail=allstubs', undefined, 501, '501'],
    ['/sdmx/2.1/nonsense/CPO', undefined, 400, '140'],
    ['/sdmx/2.1/data', undefined, 400, '140'],
    ['/sdmx/2.1/dataflow/CPO/CRIME/1.0/extra/parts', undefined, 404, '100'],
  ];
  for (const [url, accept, status, code] of cases) {
    it(`${url}${accept ? ` (Accept: ${accept})` : ''} → ${status}, code ${code}`, async () => {
      const res = await getText(app, url, accept).expect(status);
      expect(res.headers['content-type']).toBe('application/xml');
      expect(errorCode(res.body)).toBe(code);
      expect(res.body).toMatch(/<com:Text xml:lang="en">[^<]{10,}<\/com:Text>/);
    });
  }
});

describe('history from the revision store', () => {
  it('gives what changed after updatedAfter, and each past dissemination with includeHistory', async () => {
    const before = await getText(app, `${FLOW}/A.ICCS0101.AT?startPeriod=2018&endPeriod=2019&format=csv`).expect(200);
    const seededAt = before.headers['x-data-version']!;
    const correctedAt = new Date(Date.parse(seededAt) + 60_000);
    await correct(database.db, 'AT', ['AT,ICCS0101,2019,75,p,police corrected the count'], correctedAt);

    const changed = await getText(
      app,
      `${FLOW}/A.ICCS0101.AT?format=csv&updatedAfter=${encodeURIComponent(seededAt)}`,
    ).expect(200);
    expect(changed.body.trim().split('\r\n').slice(1)).toEqual(['CPO:CRIME(1.0),A,ICCS0101,AT,2019,75,p,count']);

    const history = await getText(
      app,
      `${FLOW}/A.ICCS0101.AT?startPeriod=2019&endPeriod=2019&includeHistory=true`,
    ).expect(200);
    const sets = [
      ...history.body.matchAll(
        /<mes:DataSet [^>]*validFromDate="([^"]+)"(?: validToDate="([^"]+)")?>(.*?)<\/mes:DataSet>/g,
      ),
    ];
    expect(
      sets.map((s) => [s[1] === seededAt || s[1]! < seededAt, s[2] ?? null, /ObsValue value="(\d+)"/.exec(s[3]!)?.[1]]),
    ).toEqual([
      [true, correctedAt.toISOString(), '74'],
      [false, null, '75'],
    ]);
    expect(sets[1]![1]).toBe(correctedAt.toISOString());

    const asOf = await getText(
      app,
      `${FLOW}/A.ICCS0101.AT?startPeriod=2019&endPeriod=2019&format=csv&asOf=${encodeURIComponent(seededAt)}`,
    ).expect(200);
    expect(asOf.body).toContain('AT,2019,74,,count');
  });
});

describe('structures', () => {
  it('gives the dataflow, and the DSD with its codelists and concepts for references=children', async () => {
    const flow = await getText(app, '/sdmx/2.1/dataflow/all/all/latest/').expect(200);
    expect(flow.headers['content-type']).toBe('application/vnd.sdmx.structure+xml;version=2.1');
    expect(flow.body).toMatch(/<str:Dataflow id="CRIME" agencyID="CPO" version="1.0"/);
    const dsd = await getText(app, '/sdmx/2.1/datastructure/CPO/DSD_CRIME/1.0/?references=children').expect(200);
    for (const id of ['CL_FREQ', 'CL_INDICATOR', 'CL_GEO', 'CL_OBS_FLAG', 'CL_UNIT'])
      expect(dsd.body).toContain(`<str:Codelist id="${id}"`);
    expect(dsd.body).toContain('<str:ConceptScheme id="CS_CRIME"');
    expect(dsd.body).toContain('<str:TimeDimension id="TIME_PERIOD" position="4">');
    expect(dsd.body).toContain('<str:Code id="ICCS0101"');
    await getText(app, '/sdmx/2.1/dataflow/all/all/latest/').set('If-None-Match', flow.headers.etag!).expect(304);
    const geos = await getText(app, '/sdmx/2.1/codelist/CPO/CL_GEO/latest').expect(200);
    const rows = await database.db.selectFrom('geos').select('code').execute();
    expect(geos.body.match(/<str:Code id=/g)).toHaveLength(rows.length);
  });
});
