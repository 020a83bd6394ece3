import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { contactPoint, secretariat } from '../submissions/actors';
import { stagedColumns } from '../helpers/staged';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp({ each: true });

/** A national export: its own column names, two-digit years, a decimal comma, a filter on the region. */
const NL_PROFILE = {
  name: 'nl-cbs-misdrijven',
  description: 'CBS StatLine export of registered crimes',
  geo: 'NL',
  shape: 'long',
  delimiter: ';',
  columns: { indicator: 'Soort misdrijf', period: 'Jaar', value: 'Aantal', note: 'Opmerking' },
  numberFormat: { decimal: ',', thousands: '.' },
  yearFormat: 'yy',
  filters: [{ column: 'Regio', equals: 'Nederland' }],
  indicators: [
    {
      code: '1.1.1 Diefstal/inbraak woning',
      indicator: 'ICCS05012',
      comparability:
        'CBS counts attempted burglaries too; ICCS05012 includes attempts only where national practice does.',
    },
    { code: '1.4.5 Moord, doodslag', indicator: 'ICCS0101', comparability: 'CBS "moord, doodslag" includes attempts.' },
  ],
};

const EXPORT = [
  'Regio;Soort misdrijf;Jaar;Aantal;Opmerking',
  'Nederland;1.1.1 Diefstal/inbraak woning;19;"23.456";',
  'Nederland;1.4.5 Moord, doodslag;19;"1.203";voorlopig',
  'Amsterdam;1.4.5 Moord, doodslag;19;"150";',
  'Nederland;9.9 Overig;19;5;',
].join('\n');

describe('/api/import-profiles', () => {
  it('saves a national profile and reads an export with it (filters, mappings, two-digit years, decimal comma)', async () => {
    const app = ctx.as(contactPoint('NL'));
    const created = await request(app).post('/api/import-profiles').send(NL_PROFILE);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'nl-cbs-misdrijven', builtIn: false, createdBy: 'cp-nl@example.eu' });

    const upload = await request(app)
      .post('/api/submissions?geo=NL&profile=nl-cbs-misdrijven')
      .type('text/csv')
      .send(EXPORT);
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({
      status: 'validated',
      cellsValid: 2,
      reading: { profile: 'nl-cbs-misdrijven', skipped: { filtered: 1, unmapped: 1 } },
    });
    const staged = await stagedColumns(ctx.db, upload.body.submissionId, ['indicator', 'period', 'value', 'note']);
    expect(staged).toEqual([
      { indicator: 'ICCS0101', period: '2019', value: 1203, note: 'voorlopig' },
      { indicator: 'ICCS05012', period: '2019', value: 23456, note: NL_PROFILE.indicators[0]!.comparability },
    ]);
  });

  it('lists shipped and saved profiles; shipped ones cannot be changed or deleted', async () => {
    const app = ctx.as(secretariat);
    await request(app).post('/api/import-profiles').send(NL_PROFILE);
    const list = await request(app).get('/api/import-profiles');
    const names = (list.body.data as { name: string; builtIn: boolean }[]).map((p) => `${p.name}:${p.builtIn}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'de-bka-pks-faelle:true',
        'eurostat-crim_off_cat:true',
        'worldbank-population:true',
        'nl-cbs-misdrijven:false',
      ]),
    );
    const bka = await request(app).get('/api/import-profiles/de-bka-pks-faelle');
    expect(bka.body.indicators.length).toBeGreaterThanOrEqual(6);
    for (const m of bka.body.indicators) expect(m.comparability.length).toBeGreaterThan(20);
    expect((await request(app).delete('/api/import-profiles/de-bka-pks-faelle')).status).toBe(409);
    expect(
      (
        await request(app)
          .put('/api/import-profiles/de-bka-pks-faelle')
          .send({ ...bka.body, description: 'x' })
      ).status,
    ).toBe(409);
    expect(
      (
        await request(app)
          .post('/api/import-profiles')
          .send({ ...NL_PROFILE })
      ).status,
    ).toBe(409);
  });

  it('updates and deletes a saved profile, keeping contact points to their own geo', async () => {
    const nl = ctx.as(contactPoint('NL'));
    const de = ctx.as(contactPoint('DE'));
    await request(nl).post('/api/import-profiles').send(NL_PROFILE);
    expect(
      (
        await request(de)
          .put('/api/import-profiles/nl-cbs-misdrijven')
          .send({ ...NL_PROFILE, description: 'hijacked' })
      ).status,
    ).toBe(403);
    expect((await request(de).delete('/api/import-profiles/nl-cbs-misdrijven')).status).toBe(403);
    expect(
      (
        await request(de)
          .post('/api/import-profiles')
          .send({ ...NL_PROFILE, name: 'nl-other' })
      ).status,
    ).toBe(403);
    expect(
      (
        await request(nl)
          .post('/api/import-profiles')
          .send({ ...NL_PROFILE, name: 'for-everyone', geo: null })
      ).status,
    ).toBe(403);

    const updated = await request(nl)
      .put('/api/import-profiles/nl-cbs-misdrijven')
      .send({ ...NL_PROFILE, description: 'CBS 2024 layout' });
    expect(updated.body.description).toBe('CBS 2024 layout');
    expect((await request(nl).delete('/api/import-profiles/nl-cbs-misdrijven')).status).toBe(200);
    expect((await request(nl).get('/api/import-profiles/nl-cbs-misdrijven')).status).toBe(404);
  });

  it('refuses invalid profiles with a clear 400', async () => {
    const app = ctx.as(secretariat);
    const badName = await request(app)
      .post('/api/import-profiles')
      .send({ ...NL_PROFILE, name: 'Bad Name!' });
    expect(badName.status).toBe(400);
    const unknownIndicator = await request(app)
      .post('/api/import-profiles')
      .send({ ...NL_PROFILE, indicators: [{ code: 'x', indicator: 'NOPE', comparability: 'none really' }] });
    expect(unknownIndicator.status).toBe(400);
    expect(unknownIndicator.body.error.message).toContain('"NOPE"');
    const noNote = await request(app)
      .post('/api/import-profiles')
      .send({ ...NL_PROFILE, indicators: [{ code: 'x', indicator: 'ICCS0101' }] });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.message).toMatch(/comparability/);
  });
});
