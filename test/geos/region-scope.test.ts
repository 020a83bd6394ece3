import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUser, signIn } from '../accounts/fixture';
import { testApp, useSeededApp } from '../helpers/context';
import { canonicalCsv } from '../helpers/publish';

/**
 * Access to regions follows the hierarchy (issue 19): a contact point for FR may write FR's regions and
 * never another country's. Two contact points, FR and DE, each with an API token.
 */
const ctx = useSeededApp({ each: false });
let app: Express;
const tokens: Record<'FR' | 'DE', string> = { FR: '', DE: '' };

beforeAll(async () => {
  app = testApp(ctx.db);
  for (const geo of ['FR', 'DE'] as const) {
    const email = `${geo.toLowerCase()}@police.example`;
    await addUser(ctx.db, email, 'contact_point', [geo]);
    const session = await signIn(app, email);
    const issued = await request(app)
      .post('/api/tokens')
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', session.csrfToken)
      .send({ name: `${geo} upload script` })
      .expect(200);
    tokens[geo] = `Bearer ${issued.body.token}`;
  }
});

const upload = (as: 'FR' | 'DE', geo: string, csv: string) =>
  request(app).post(`/api/submissions?geo=${geo}`).set('Authorization', tokens[as]).type('text/csv').send(csv);
const commit = (as: 'FR' | 'DE', id: number) =>
  request(app).post(`/api/submissions/${id}/commit`).set('Authorization', tokens[as]);

async function cellsOf(geos: string[]) {
  return ctx.db.selectFrom('observations').selectAll().where('geo', 'in', geos).orderBy('geo').execute();
}

describe('regional figures follow the country', () => {
  it("lets FR's contact point write FR's regions at every level", async () => {
    const preview = await upload(
      'FR',
      'FR',
      canonicalCsv('FR1,ICCS0401,2020,5100,,', 'FR10,ICCS0401,2020,5100,,', 'FR101,ICCS0401,2020,4000,p,Paris'),
    ).expect(201);
    expect(preview.body.status, JSON.stringify(preview.body.report)).toBe('validated');
    await commit('FR', preview.body.submissionId).expect(200);
    const stored = await cellsOf(['FR1', 'FR10', 'FR101']);
    expect(stored.map((c) => [c.geo, c.value, c.flags])).toEqual([
      ['FR1', 5100, ''],
      ['FR10', 5100, ''],
      ['FR101', 4000, 'p'],
    ]);
  });

  it("refuses a German region in FR's file, naming the row, and writes nothing", async () => {
    const before = await cellsOf(['FR102', 'DE21']);
    const preview = await upload(
      'FR',
      'FR',
      canonicalCsv('FR102,ICCS0401,2020,300,,', 'DE21,ICCS0401,2020,999,,'),
    ).expect(201);
    expect(preview.body.status).toBe('rejected');
    expect(preview.body.report.entries).toContainEqual(
      expect.objectContaining({ row: 3, column: 'geo', cell: 'DE21', code: 'geo-not-yours' }),
    );
    expect((await commit('FR', preview.body.submissionId)).status).toBe(409);
    expect(await cellsOf(['FR102', 'DE21'])).toEqual(before);
  });

  it("refuses DE's contact point any way into FR's regions", async () => {
    const before = await cellsOf(['FR1', 'FR10', 'FR101', 'FR102']);
    expect((await upload('DE', 'FR', canonicalCsv('FR101,ICCS0401,2020,1,,'))).body.error.code).toBe('geo-not-yours');
    const smuggled = await upload('DE', 'DE', canonicalCsv('DE21,ICCS0401,2021,1,,', 'FR101,ICCS0401,2021,1,,'));
    expect(smuggled.body.status).toBe('rejected');
    expect(smuggled.body.report.entries).toContainEqual(
      expect.objectContaining({ row: 3, column: 'geo', cell: 'FR101', code: 'geo-not-yours' }),
    );
    const french = await upload('FR', 'FR', canonicalCsv('FR101,ICCS0401,2021,4100,,')).expect(201);
    expect((await commit('DE', french.body.submissionId)).body.error.code).toBe('geo-not-yours');
    expect(await cellsOf(['FR1', 'FR10', 'FR101', 'FR102'])).toEqual(before);
  });

  it('reports a region code from an older NUTS version precisely: row, column, the NUTS 2021 code to use', async () => {
    const croatian = await request(ctx.asRole('contact_point', ['HR']))
      .post('/api/submissions?geo=HR')
      .type('text/csv')
      .send(canonicalCsv('HR050,ICCS0401,2021,50,,', 'HR041,ICCS0401,2021,50,,', 'NO031,ICCS0401,2021,1,,'))
      .expect(201);
    expect(croatian.body.status).toBe('rejected');
    const entries = croatian.body.report.entries as { row: number; column: string; code: string; message: string }[];
    const older = entries.find((e) => e.row === 3)!;
    expect(older).toMatchObject({ column: 'geo', code: 'older-nuts-code' });
    expect(older.message).toContain('NUTS 2016');
    expect(older.message).toContain('HR050');
    expect(entries.find((e) => e.row === 4)).toMatchObject({ code: 'older-nuts-code' });
    expect(entries.find((e) => e.row === 4)?.message).toContain('NO082');
  });
});
