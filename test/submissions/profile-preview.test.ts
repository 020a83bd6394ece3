import { readFileSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { ProfilePreviewAnswer } from '../../server/shared/api/import-profile-preview';
import { PREVIEW_SAMPLE_BYTES } from '../../server/shared/api/import-profile-preview';
import { useSeededApp } from '../helpers/context';
import { sharedDataPath } from '../helpers/shared-data';
import { contactPoint, secretariat } from './actors';

const ctx = useSeededApp();
const IT_2019 = 'it-interno-delitti/NT00062_Delitti_denunciati_2019_Provinciali.csv';

/** The Italian ministry's provincial table as an Italian contact point has it (Latin-1, ";", "14.875"). */
const IT_PROFILE = {
  name: 'it-interno-province',
  geo: 'IT',
  shape: 'long',
  encoding: 'windows-1252',
  delimiter: ';',
  columns: { indicator: 'Reato', period: 'ANNO', value: 'Totale Delitti commesi' },
  numberFormat: { decimal: ',', thousands: '.' },
  indicators: [
    { code: 'TOTALE DELITTI', indicator: 'TOTAL_OFFENCES', comparability: 'Offences reported by the police.' },
    { code: '17.0 RAPINE', indicator: 'ICCS0401', comparability: 'Italian robbery, all kinds.' },
  ],
};

function head(relative: string, bytes = PREVIEW_SAMPLE_BYTES): { sample: string; complete: boolean; raw: Buffer } {
  const whole = readFileSync(sharedDataPath(relative));
  const raw = whole.subarray(0, bytes);
  return { sample: raw.toString('base64'), complete: raw.length === whole.length, raw };
}

async function preview(body: object, geo = 'IT'): Promise<request.Response> {
  return request(ctx.as(contactPoint(geo)))
    .post('/api/import-profiles/preview')
    .send(body);
}

describe('POST /api/import-profiles/preview on real files', () => {
  it("reads the Italian 2019 head with the draft: '14.875' is 14,875 with '.' for thousands, and says why rows are left out", async () => {
    const { sample, complete, raw } = head(IT_2019);
    const res = await preview({ geo: 'IT', profile: IT_PROFILE, sample, complete });
    expect(res.status).toBe(200);
    const answer = res.body as ProfilePreviewAnswer;
    // The file's own first TOTALE DELITTI row, read here by hand: "2019;Piemonte;Alessandria;TOTALE DELITTI;14.875;".
    const lines = raw.toString('latin1').split('\n');
    const total = lines.findIndex((l) => l.includes(';TOTALE DELITTI;'));
    const written = lines[total]!.split(';')[4]!;
    expect(written).toBe('14.875');
    const read = answer.lines.filter((l) => l.outcome === 'read');
    // The first 20 rows left out and the first 20 cells read, in file order.
    expect(answer.lines.length).toBe(40);
    expect(read.length).toBe(20);
    expect(answer).toMatchObject({ format: 'long', encoding: 'windows-1252', delimiter: '";"' });
    expect(answer.columns).toEqual(['ANNO', 'Regione', 'Provincia', 'Reato', 'Totale Delitti commesi', '']);
    // The first 20 lines: Alessandria's offences in file order, every one but RAPINE unmapped.
    expect(answer.lines[0]).toMatchObject({ row: 2, outcome: 'unmapped', text: '01.0 ATTENTATI' });
    expect(answer.lines[0]!.reason).toContain('“01.0 ATTENTATI” has no indicator mapping');
    const robbery = lines.findIndex((l) => l.includes(';17.0 RAPINE;'));
    expect(read[0]).toMatchObject({
      row: robbery + 1,
      geo: 'IT',
      indicator: 'ICCS0401',
      period: '2019',
      value: Number(lines[robbery]!.split(';')[4]),
    });
    // Counts cover every complete line of the sample (the last, cut one is dropped).
    const complete64k = raw
      .subarray(0, raw.lastIndexOf(0x0a) + 1)
      .toString('latin1')
      .split('\n')
      .filter(Boolean);
    const rows = complete64k.length - 1;
    const mapped = complete64k.filter((l) => /;(TOTALE DELITTI|17\.0 RAPINE);/.test(l)).length;
    expect(answer.rowsRead).toBe(rows);
    expect(answer.counts).toEqual({
      read: mapped,
      invalid: 0,
      filtered: 0,
      unmapped: rows - mapped,
      otherGeo: 0,
      missing: 0,
      summed: 0,
    });
    expect(answer.problems).toEqual([]);

    // The value read for the file's first TOTALE DELITTI row is fourteen thousand, not fourteen.
    const fewer = await preview({
      geo: 'IT',
      profile: { ...IT_PROFILE, indicators: [IT_PROFILE.indicators[0]] },
      sample,
      complete,
    });
    const first = (fewer.body as ProfilePreviewAnswer).lines.find((l) => l.outcome === 'read')!;
    expect(first).toMatchObject({ row: total + 1, indicator: 'TOTAL_OFFENCES', text: '14.875', value: 14875 });
  });

  it('with the decimal point instead, the same row is 14.875 offences: a count that is not whole is refused', async () => {
    const { sample, complete } = head(IT_2019);
    const profile = {
      ...IT_PROFILE,
      numberFormat: { decimal: '.', thousands: '' },
      indicators: [IT_PROFILE.indicators[0]],
    };
    const answer = (await preview({ geo: 'IT', profile, sample, complete })).body as ProfilePreviewAnswer;
    const first = answer.lines.find((l) => l.indicator === 'TOTAL_OFFENCES')!;
    expect(first.text).toBe('14.875');
    expect(first).toMatchObject({ outcome: 'invalid', value: null });
    expect(first.reason).toBe(
      '14.875 is not a whole number, and this indicator counts. Round it, or check the decimal separator.',
    );
  });

  it('filters a Eurostat TSV by unit and leaves other countries out, naming each', async () => {
    const relative = 'eurostat-crim_off_cat/estat_crim_off_cat.tsv';
    const { sample, complete, raw } = head(relative);
    const profile = JSON.parse(readFileSync('data/profiles/eurostat-crim_off_cat.json', 'utf8'));
    const res = await preview({ geo: 'DE', profile: { ...profile, name: 'eurostat-draft' }, sample, complete }, 'DE');
    expect(res.status).toBe(200);
    const answer = res.body as ProfilePreviewAnswer;
    expect(answer.format).toBe('eurostat');
    expect(answer.columns.slice(0, 4)).toEqual(['freq', 'iccs', 'unit', 'geo']);
    // Independently: the DE rows among the sample's complete lines, and their figures that are not ":".
    const records = raw
      .subarray(0, raw.lastIndexOf(0x0a) + 1)
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .slice(1);
    const de = records.filter((r) => /^A,[^,]+,NR,DE\t/.test(r));
    const figures = de.flatMap((r) => r.split('\t').slice(1)).map((f) => f.trim());
    const present = figures.filter((f) => f !== ':' && f !== '');
    expect(answer.counts.read).toBe(present.length);
    expect(answer.counts.missing).toBe(figures.length - present.length);
    expect(answer.counts.otherGeo).toBe(records.length - de.length);
    const other = answer.lines.find((l) => l.outcome === 'otherGeo')!;
    expect(other.text).toBe(records[0]!.split('\t')[0]!.split(',')[3]);
    const firstDe = de[0]!.split('\t');
    const cell = answer.lines.find((l) => l.outcome === 'read');
    if (cell) expect(cell.value).toBe(Number(firstDe[1 + answer.columns.slice(4).indexOf(cell.period!)]!.trim()));
  });

  it('reads a JSON-stat dataset sent whole, its dimensions as columns', async () => {
    const relative = 'eurostat-jsonstat/ilc_mddw03.json';
    const { sample, complete, raw } = head(relative, 512 * 1024);
    expect(complete).toBe(true);
    const profile = JSON.parse(readFileSync('data/profiles/eurostat-ilc_mddw03.json', 'utf8'));
    const res = await preview({ geo: 'FR', profile: { ...profile, name: 'silc-draft' }, sample, complete }, 'FR');
    expect(res.status).toBe(200);
    const answer = res.body as ProfilePreviewAnswer;
    const dataset = JSON.parse(raw.toString('utf8'));
    expect(answer.columns).toEqual(dataset.id);
    expect(answer.format).toBe('jsonstat');
    expect(answer.counts.read).toBeGreaterThan(10);
    expect(answer.counts.otherGeo).toBeGreaterThan(answer.counts.read);
    // A line's row is the cell's position plus one: its value is the dataset's own at that position.
    for (const line of answer.lines.filter((l) => l.outcome === 'read'))
      expect(line.value).toBe(dataset.value[String(line.row - 1)] ?? dataset.value[line.row - 1]);
  });
});

describe('POST /api/import-profiles/preview: options the form sets', () => {
  const sample = (text: string) => ({ sample: Buffer.from(text).toString('base64'), complete: true });

  it('two-digit years: "16" is 2016 with yy, and a precise error per cell without', async () => {
    // A département table laid out as the French ministry's: two-digit years, one row per offence and year.
    const text = 'classe;annee;faits\nHomicides;16;12\nHomicides;17;9\n';
    const profile = {
      name: 'fr-ssmsi',
      geo: 'FR',
      shape: 'long',
      columns: { indicator: 'classe', period: 'annee', value: 'faits' },
      indicators: [
        { code: 'Homicides', indicator: 'ICCS0101', comparability: 'Homicides as the ministry counts them.' },
      ],
    };
    const yy = (await preview({ geo: 'FR', profile: { ...profile, yearFormat: 'yy' }, ...sample(text) }, 'FR'))
      .body as ProfilePreviewAnswer;
    expect(yy.lines.map((l) => [l.outcome, l.period, l.value])).toEqual([
      ['read', '2016', 12],
      ['read', '2017', 9],
    ]);
    const yyyy = (await preview({ geo: 'FR', profile, ...sample(text) }, 'FR')).body as ProfilePreviewAnswer;
    expect(yyyy.counts).toMatchObject({ read: 0, invalid: 2 });
    expect(yyyy.lines[0]).toMatchObject({ outcome: 'invalid', period: '16' });
    expect(yyyy.lines[0]!.reason).toMatch(/16/);
  });

  it('a fixed period reads a file of one year, in the preview and in the upload', async () => {
    const text = 'Misdrijf;Aantal\n1.4.5 Moord;150\n';
    const profile = {
      name: 'nl-one-year',
      geo: 'NL',
      shape: 'long',
      delimiter: ';',
      columns: { indicator: 'Misdrijf', value: 'Aantal' },
      fixed: { period: '2021' },
      indicators: [{ code: '1.4.5 Moord', indicator: 'ICCS0101', comparability: 'CBS moord includes attempts.' }],
    };
    const answer = (await preview({ geo: 'NL', profile, ...sample(text) }, 'NL')).body as ProfilePreviewAnswer;
    expect(answer.lines).toEqual([
      expect.objectContaining({
        row: 2,
        outcome: 'read',
        geo: 'NL',
        indicator: 'ICCS0101',
        period: '2021',
        value: 150,
      }),
    ]);
    const app = ctx.as(contactPoint('NL'));
    expect((await request(app).post('/api/import-profiles').send(profile)).status).toBe(201);
    const upload = await request(app).post('/api/submissions?geo=NL&profile=nl-one-year').type('text/csv').send(text);
    expect(upload.body).toMatchObject({ status: 'validated', cellsValid: 1 });
  });

  it('writes nothing: no submission, profile or audit entry', async () => {
    const counts = async () =>
      Promise.all(
        (['submissions', 'import_profiles', 'audit_log'] as const).map(async (table) =>
          Number(
            (
              await ctx.db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ),
      );
    const before = await counts();
    const text = 'geo,indicator,period,value\nNL,ICCS0101,2021,150\n';
    const res = await preview(
      { geo: 'NL', profile: { name: 'x1', geo: 'NL', shape: 'long', columns: {} }, ...sample(text) },
      'NL',
    );
    expect(res.status).toBe(200);
    expect(await counts()).toEqual(before);
  });
});

describe('POST /api/import-profiles/preview: bad input gets a precise 400, never a 500', () => {
  const valid = { geo: 'NL', profile: { name: 'nl-x', geo: 'NL', shape: 'long' }, sample: 'YQo=', complete: true };
  const cases: [string, object, RegExp][] = [
    ['a sample that is not base64', { ...valid, sample: 'not base64!' }, /body "sample": the sample must be base64/],
    ['an empty sample', { ...valid, sample: '' }, /body "sample": the sample is empty/],
    ['no geo', { ...valid, geo: undefined }, /body "geo"/],
    ['a shape the server does not read', { ...valid, profile: { ...valid.profile, shape: 'xlsx' } }, /profile\.shape/],
    [
      'a thousands separator it does not know',
      { ...valid, profile: { ...valid.profile, numberFormat: { decimal: ',', thousands: '_' } } },
      /profile\.numberFormat\.thousands/,
    ],
    [
      "another country's profile",
      { ...valid, profile: { ...valid.profile, geo: 'DE' } },
      /The profile is for DE and the file for NL/,
    ],
    [
      'a period from a column and fixed too',
      { ...valid, profile: { ...valid.profile, columns: { period: 'Jaar' }, fixed: { period: '2021' } } },
      /reads the period from the column “Jaar” and also fixes it to “2021”/,
    ],
  ];
  for (const [what, body, message] of cases)
    it(what, async () => {
      const res = await request(ctx.as(contactPoint('NL')))
        .post('/api/import-profiles/preview')
        .send(body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.message).toMatch(message);
    });

  it('an unknown geo (the secretariat may name any)', async () => {
    const res = await request(ctx.as(secretariat))
      .post('/api/import-profiles/preview')
      .send({ ...valid, geo: 'XX' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/"XX"/);
  });

  it('a sample over 512 KB is refused by its size', async () => {
    const big = Buffer.alloc(600 * 1024, 'a').toString('base64');
    const res = await request(ctx.as(contactPoint('NL')))
      .post('/api/import-profiles/preview')
      .send({ ...valid, sample: big });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/sample/);
  });

  it('bytes that are no table, or a head without one whole line, are answered with what is wrong', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const image = await request(ctx.as(contactPoint('NL')))
      .post('/api/import-profiles/preview')
      .send({ ...valid, sample: png.toString('base64') });
    expect(image.status).toBe(200);
    expect(image.body.problems[0]).toMatchObject({ code: 'unreadable-file', severity: 'error' });
    const cut = await request(ctx.as(contactPoint('NL')))
      .post('/api/import-profiles/preview')
      .send({ ...valid, sample: Buffer.from('geo,indicator,period').toString('base64'), complete: false });
    expect(cut.status).toBe(200);
    expect(cut.body.problems[0].message).toMatch(/no complete line/);
  });

  it("another country's contact point is refused (403)", async () => {
    const res = await request(ctx.as(contactPoint('DE')))
      .post('/api/import-profiles/preview')
      .send(valid);
    expect(res.status).toBe(403);
  });
});
