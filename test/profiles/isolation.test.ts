import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, recordedApp, signIn } from '../accounts/fixture';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { readSharedData } from '../helpers/shared-data';
import { stagedColumns } from '../helpers/staged';

/**
 * Issue 15, F1 and F2: what one country saves never changes how another country's file is read.
 * Everything goes through the two countries' own API tokens, as their nightly jobs would.
 */
let database: TestDatabase;
let app: Express;
let nlToken: string;
let deToken: string;

async function tokenFor(email: string): Promise<string> {
  const session = await signIn(app, email);
  const res = await request(app)
    .post('/api/tokens')
    .set('Cookie', session.cookie)
    .set('X-CSRF-Token', session.csrfToken)
    .send({ name: 'nightly upload' });
  expect(res.status).toBe(200);
  return res.body.token as string;
}

const as = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  database = await seededDatabase();
  app = recordedApp({ db: database.db }).app;
  await addUser(database.db, 'nl@politie.nl', 'contact_point', ['NL']);
  await addUser(database.db, 'de@bka.de', 'contact_point', ['DE']);
  nlToken = await tokenFor('nl@politie.nl');
  deToken = await tokenFor('de@bka.de');
});
afterAll(async () => database.dispose());

const WORLD_BANK = 'worldbank-population/API_SP.POP.TOTL_DS2_en_csv_v2_4473555.csv';

/** NL's own reading of the World Bank file: population counted as homicides (the adversarial test's profile). */
const NL_WORLD_BANK = {
  name: 'nl-worldbank-homicide',
  geo: 'NL',
  shape: 'worldbank',
  otherGeos: 'skip',
  indicators: [
    { code: 'SP.POP.TOTL', indicator: 'ICCS0101', comparability: 'NL experiment: not a homicide count at all' },
  ],
};

/** NL's reading of a Eurostat key that no shipped profile reads: the ICCS code published as robbery. */
const NL_EUROSTAT = {
  name: 'nl-eurostat-robbery',
  geo: 'NL',
  shape: 'eurostat',
  columns: { geo: 'geo', indicator: 'iccs' },
  keyDimensions: ['unit', 'iccs', 'geo'],
  otherGeos: 'skip',
  indicators: [{ code: 'ICCS0101', indicator: 'ICCS0401', comparability: 'NL experiment: homicide read as robbery' }],
};

const EUROSTAT_TSV =
  'unit,iccs,geo\\TIME_PERIOD\t2019 \t2020 \nNR,ICCS0101,DE\t245 \t245 \nNR,ICCS0101,NL\t134 \t112 \n';

describe('import profiles are isolated between countries', () => {
  it("F1: a profile NL saves for World Bank files does not touch DE's upload of the real World Bank file", async () => {
    expect((await request(app).post('/api/import-profiles').set(as(nlToken)).send(NL_WORLD_BANK)).status).toBe(201);
    const upload = await request(app)
      .post('/api/submissions?geo=DE')
      .set(as(deToken))
      .type('text/csv')
      .send(readSharedData(WORLD_BANK));
    expect(upload.status).toBe(201);
    expect(upload.body.status).toBe('validated');
    expect(upload.body.reading).toMatchObject({ format: 'worldbank', profile: 'worldbank-population' });
    expect(upload.body.reading.profileReason).toMatch(/shipped profile "worldbank-population"/);
    const staged = await stagedColumns(database.db, upload.body.submissionId, ['geo', 'indicator', 'period', 'value']);
    expect(new Set(staged.map((c) => c.indicator))).toEqual(new Set(['POP_JAN']));
    expect(staged.find((c) => c.period === '2001')).toEqual({
      geo: 'DE',
      indicator: 'POP_JAN',
      period: '2001',
      value: 82349925,
    });
  });

  it("F2: a Eurostat layout that only NL's saved profile reads is refused for DE, not read through NL's profile", async () => {
    expect((await request(app).post('/api/import-profiles').set(as(nlToken)).send(NL_EUROSTAT)).status).toBe(201);
    const upload = await request(app)
      .post('/api/submissions?geo=DE')
      .set(as(deToken))
      .type('text/tab-separated-values')
      .send(EUROSTAT_TSV);
    expect(upload.status).toBe(201);
    expect(upload.body.status).toBe('rejected');
    expect(upload.body.reading.profile).toBeNull();
    expect(upload.body.report.entries[0]).toMatchObject({ code: 'missing-header' });
    expect(upload.body.report.entries[0].message).toMatch(/no shipped import profile reads that key/);

    // NL names its own profile for its own file: that is the one way a saved profile is used.
    const own = await request(app)
      .post('/api/submissions?geo=NL&profile=nl-eurostat-robbery')
      .set(as(nlToken))
      .type('text/tab-separated-values')
      .send(EUROSTAT_TSV);
    expect(own.body).toMatchObject({ status: 'validated', reading: { profile: 'nl-eurostat-robbery' } });
    expect(own.body.reading.profileReason).toMatch(/named by the uploader/);
  });

  it("DE can neither see nor name NL's profiles; the secretariat cannot read a DE file with them either", async () => {
    const list = await request(app).get('/api/import-profiles').set(as(deToken));
    const names = (list.body.data as { name: string }[]).map((p) => p.name);
    expect(names).toContain('worldbank-population');
    expect(names).not.toContain('nl-worldbank-homicide');
    expect(
      (await request(app).get('/api/import-profiles').set(as(nlToken))).body.data.map((p: { name: string }) => p.name),
    ).toContain('nl-worldbank-homicide');
    expect((await request(app).get('/api/import-profiles/nl-worldbank-homicide').set(as(deToken))).status).toBe(403);

    const named = await request(app)
      .post('/api/submissions?geo=DE&profile=nl-worldbank-homicide')
      .set(as(deToken))
      .type('text/csv')
      .send(readSharedData(WORLD_BANK));
    expect(named.status).toBe(403);
    expect(named.body.error).toMatchObject({ code: 'profile-not-yours' });
    expect(named.body.error.message).toMatch(/belongs to NL/);

    await addUser(database.db, 'sec@observatory.eu', 'secretariat');
    const secretariat = await tokenFor('sec@observatory.eu');
    const bySecretariat = await request(app)
      .post('/api/submissions?geo=DE&profile=nl-worldbank-homicide')
      .set(as(secretariat))
      .type('text/csv')
      .send(readSharedData(WORLD_BANK));
    expect(bySecretariat.status).toBe(403);
  });
});
