import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSeededApp } from '../helpers/context';

/**
 * Issue 19's bad input for national files: a name matching no geo, a name matching two, a correspondence
 * pointing at another country, a region code of an older NUTS version, parts summing to a cell also given
 * directly. Each gets an entry with row, column and how to fix it, and nothing is written.
 */
const ctx = useSeededApp({ each: false });
let italian: Express;

const COMPARABILITY = 'Delitti denunciati (Ministero dell’Interno).';

function profile(name: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    geo: 'IT',
    shape: 'long',
    delimiter: ';',
    columns: { geo: 'Provincia', indicator: 'Reato', period: 'Anno', value: 'Delitti' },
    geoCodes: 'name',
    indicators: [
      { code: '17.0 RAPINE', indicator: 'ICCS0401', comparability: COMPARABILITY },
      { code: 'TOTALE DELITTI', indicator: 'TOTAL_OFFENCES', comparability: COMPARABILITY },
    ],
    ...extra,
  };
}

const file = (...rows: string[]) => ['Anno;Provincia;Reato;Delitti', ...rows].join('\n');

async function upload(profileName: string, csv: string) {
  const res = await request(italian)
    .post(`/api/submissions?geo=IT&profile=${profileName}`)
    .type('text/csv')
    .send(csv)
    .expect(201);
  return res.body as {
    submissionId: number;
    status: string;
    reading: { rollup?: { derived: { geo: string; value: number }[] } };
    report: {
      entries: { row: number; column: string; cell: string; code: string; severity: string; message: string }[];
    };
  };
}

/** IT's cells of a period, of every source, or only those a submission wrote (its source's new versions). */
async function itCells(period: string, submissionId?: number) {
  let query = ctx.db
    .selectFrom('observations')
    .select(['geo', 'indicator', 'value'])
    .where('period', '=', period)
    .where('geo', 'like', 'IT%');
  if (submissionId !== undefined) query = query.where('submission_id', '=', submissionId);
  return query.orderBy('geo').execute();
}

beforeAll(async () => {
  italian = ctx.asRole('contact_point', ['IT']);
  const profiles = [
    profile('it-names'),
    profile('it-any-level', { correspondence: { shipped: null, entries: [], level: null } }),
    profile('it-parts', {
      rollup: { sumParts: true, nationalFrom: null, tolerance: 0.005 },
      indicators: [
        { code: '17.0 RAPINE', indicator: 'ICCS0401', comparability: COMPARABILITY, whole: true },
        { code: '17.a Rapine in abitazione', indicator: 'ICCS0401', comparability: COMPARABILITY },
        { code: '17.h Rapine in pubblica via', indicator: 'ICCS0401', comparability: COMPARABILITY },
      ],
    }),
    profile('it-national', {
      correspondence: { shipped: 'it-provinces-nuts3', entries: [{ name: 'Italia', geo: 'IT' }], level: 3 },
      rollup: { sumParts: false, nationalFrom: 3, tolerance: 0.01 },
    }),
  ];
  for (const p of profiles) await request(italian).post('/api/import-profiles').send(p).expect(201);
});

describe('names the observatory cannot place', () => {
  it('reports every name that matches no geo, with its row, column and how to fix it; nothing is written', async () => {
    const before = await itCells('2017');
    const preview = await upload(
      'it-names',
      file(
        '2017;Torino;17.0 RAPINE;1200',
        '2017;Atlantide;17.0 RAPINE;5',
        '2017;Lilliput;TOTALE DELITTI;7',
        '2017;Atlantide;TOTALE DELITTI;9',
      ),
    );
    expect(preview.status).toBe('rejected');
    const unplaced = preview.report.entries.filter((e) => e.code === 'unknown-geo-name');
    expect(unplaced.map((e) => [e.row, e.column, e.cell])).toEqual([
      [3, 'Provincia', 'Atlantide'],
      [4, 'Provincia', 'Lilliput'],
    ]);
    expect(unplaced[0]!.message).toContain('2 rows, first on row 3');
    expect(unplaced[0]!.message).toContain('Add a line "Atlantide,CODE" to the correspondence');
    expect(await itCells('2017')).toEqual(before);
  });

  it('matches names whatever their case, accents, hyphens and spacing', async () => {
    const preview = await upload(
      'it-names',
      file(
        '2016;FORLI - CESENA;17.0 RAPINE;100',
        '2016;forlì-cesena;TOTALE DELITTI;900',
        "2016;L'Aquila;17.0 RAPINE;20",
      ),
    );
    expect(preview.report.entries.filter((e) => e.severity === 'error')).toEqual([]);
    expect(preview.status).toBe('validated');
  });

  it('never guesses between two geos of one name: the entry names both', async () => {
    const preview = await upload('it-any-level', file("2017;Valle d'Aosta;17.0 RAPINE;10"));
    expect(preview.status).toBe('rejected');
    const ambiguous = preview.report.entries.find((e) => e.code === 'ambiguous-geo-name')!;
    expect(ambiguous).toMatchObject({ row: 2, column: 'Provincia', cell: "Valle d'Aosta" });
    expect(ambiguous.message).toContain('ITC2 "Valle d’Aosta/Vallée d’Aoste" (NUTS 2)');
    expect(ambiguous.message).toContain('ITC20 "Valle d’Aosta/Vallée d’Aoste" (NUTS 3)');
    expect(ambiguous.message).toContain('does not guess');
  });
});

describe('correspondences', () => {
  it('refuses to save a profile whose correspondence points at another country, naming the line', async () => {
    const res = await request(italian)
      .post('/api/import-profiles')
      .send(
        profile('it-nice', { correspondence: { shipped: null, entries: [{ name: 'Nizza', geo: 'FRL03' }], level: 3 } }),
      )
      .expect(400);
    expect(res.body.error.message).toContain('"Nizza" points at FRL03');
    expect(res.body.error.message).toContain('a geo of FR, but this profile is for IT');
    expect((await request(italian).get('/api/import-profiles/it-nice')).status).toBe(404);
  });

  it('checks an uploaded CSV: unknown targets, older NUTS codes, duplicate names and other countries, by line', async () => {
    const csv = [
      'name,geo',
      'Forlì - Cesena,ITH58',
      'Forli-Cesena,ITH58',
      'Nizza,FRL03',
      'Atlantide,IT999',
      'Zagabria,HR041',
      'Pesaro - Urbino,ITI31',
    ].join('\n');
    const res = await request(italian).post('/api/correspondences/check').send({ geo: 'IT', csv }).expect(200);
    expect(res.body.valid).toBe(false);
    expect(res.body.entries).toHaveLength(6);
    const byLine = res.body.problems.map((p: { row: number; column: string; code: string }) => [
      p.row,
      p.column,
      p.code,
    ]);
    expect(byLine).toEqual([
      [3, 'name', 'duplicate-source'],
      [4, 'geo', 'target-other-country'],
      [5, 'geo', 'unknown-target'],
      [6, 'geo', 'unknown-target'],
    ]);
    expect(res.body.problems[3].message).toContain('HR050');
    const clean = await request(italian)
      .post('/api/correspondences/check')
      .send({ geo: 'IT', csv: 'Pesaro - Urbino;ITI31\nBolzano;ITH10\n' })
      .expect(200);
    expect(clean.body).toMatchObject({
      valid: true,
      problems: [],
      entries: [{ name: 'Pesaro - Urbino', geo: 'ITI31' }, {}],
    });
  });

  it('answers in the reader’s language', async () => {
    const res = await request(italian)
      .post('/api/correspondences/check?lang=de')
      .send({ geo: 'IT', csv: 'Nizza,FRL03\n' })
      .expect(200);
    expect(res.body.problems[0].message).toContain('Gebiet von FR');
  });
});

describe('roll-up', () => {
  it('refuses parts summing to a cell that a row also gives directly, naming both; nothing is written', async () => {
    const before = await itCells('2017');
    const preview = await upload(
      'it-parts',
      file(
        '2017;Torino;17.0 RAPINE;1200',
        '2017;Torino;17.a Rapine in abitazione;100',
        '2017;Torino;17.h Rapine in pubblica via;700',
      ),
    );
    expect(preview.status).toBe('rejected');
    const entry = preview.report.entries.find((e) => e.code === 'parts-and-direct')!;
    expect(entry).toMatchObject({ row: 2, column: 'Reato', cell: '1200' });
    expect(entry.message).toContain('Row 2 gives ICCS0401 for ITC11 2017 directly (1200), and rows 3, 4');
    expect(entry.message).toContain('(sum 800)');
    expect(await itCells('2017')).toEqual(before);
  });

  it('sums parts without a direct figure into one cell', async () => {
    const preview = await upload(
      'it-parts',
      file('2015;Torino;17.a Rapine in abitazione;100', '2015;Torino;17.h Rapine in pubblica via;700'),
    );
    expect(preview.status).toBe('validated');
    // Made-up figures far from the published ones: their change is confirmed, as the upload page asks.
    await request(italian).post(`/api/submissions/${preview.submissionId}/commit`).send({ confirm: true }).expect(200);
    const torino = (await itCells('2015', preview.submissionId)).find(
      (c) => c.geo === 'ITC11' && c.indicator === 'ICCS0401',
    );
    expect(torino?.value).toBe(800);
  });

  it('keeps a national figure given directly and warns, naming both, when its regions do not add up to it', async () => {
    const preview = await upload(
      'it-national',
      file('2014;Italia;17.0 RAPINE;50000', '2014;Torino;17.0 RAPINE;1200', '2014;Milano;17.0 RAPINE;3000'),
    );
    expect(preview.status).toBe('validated');
    const warning = preview.report.entries.find((e) => e.code === 'additivity')!;
    expect(warning).toMatchObject({ row: 2, column: 'Delitti', severity: 'warning' });
    expect(warning.message).toContain(
      'the national figure given (50000) and the sum of its 2 NUTS 3 regions in the file (4200)',
    );
    expect(preview.reading.rollup?.derived).toEqual([]);
    // Made-up figures far from the published ones: their change is confirmed, as the upload page asks.
    await request(italian).post(`/api/submissions/${preview.submissionId}/commit`).send({ confirm: true }).expect(200);
    const cells = await itCells('2014', preview.submissionId);
    expect(cells.find((c) => c.geo === 'IT' && c.indicator === 'ICCS0401')?.value).toBe(50000);
    expect(cells.find((c) => c.geo === 'ITC4C' && c.indicator === 'ICCS0401')?.value).toBe(3000);
  });

  it('derives the national cell when the file has none, marked with its coverage', async () => {
    const preview = await upload('it-national', file('2013;Torino;17.0 RAPINE;1200', '2013;Milano;17.0 RAPINE;3000'));
    expect(preview.status).toBe('validated');
    expect(preview.reading.rollup?.derived).toEqual([
      expect.objectContaining({ geo: 'IT', indicator: 'ICCS0401', value: 4200, parts: 2, expected: 107 }),
    ]);
    const missing = preview.report.entries.find((e) => e.code === 'rollup-parts-missing')!;
    expect(missing.message).toContain('derived from 2 of 107 NUTS 3 regions');
  });
});

describe('region codes of an older NUTS version in a national profile', () => {
  it('names the row, the column and the NUTS 2021 code to send instead', async () => {
    const croatian = ctx.asRole('contact_point', ['HR']);
    await request(croatian)
      .post('/api/import-profiles')
      .send({
        ...profile('hr-counties'),
        geo: 'HR',
        geoCodes: 'eurostat',
        columns: { geo: 'Zupanija', indicator: 'Reato', period: 'Anno', value: 'Delitti' },
      })
      .expect(201);
    const res = await request(croatian)
      .post('/api/submissions?geo=HR&profile=hr-counties')
      .type('text/csv')
      .send('Anno;Zupanija;Reato;Delitti\n2019;HR050;17.0 RAPINE;10\n2019;HR041;17.0 RAPINE;12\n')
      .expect(201);
    expect(res.body.status).toBe('rejected');
    const older = res.body.report.entries.find((e: { code: string }) => e.code === 'older-nuts-code');
    expect(older).toMatchObject({ row: 3, column: 'Zupanija', cell: 'HR041' });
    expect(older.message).toContain('in NUTS 2021 it is HR050');
  });
});
