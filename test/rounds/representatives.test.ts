import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { addPeople, appFor, type People, roundInput } from './fixture';

let database: TestDatabase;
let people: People;
beforeAll(async () => {
  database = await seededDatabase();
  people = await addPeople(database.db, 'rep');
});
afterAll(async () => database.dispose());

const as = (who: keyof People) => request(appFor(database.db, people[who]));

describe('national representatives', () => {
  it('are named and removed by the secretariat, listed, audited, and only a representative approves', async () => {
    await as('nl').get('/api/national-representatives').expect(403);
    await as('nl').put('/api/national-representatives/NL').send({ email: 'rep-nl@politie.nl' }).expect(403);
    const wrongCountry = await as('secretariat')
      .put('/api/national-representatives/NL')
      .send({ email: 'rep-de@bka.de' })
      .expect(400);
    expect(wrongCountry.body.error.message).toContain('rep-de@bka.de is not an active contact point for NL');
    await as('secretariat').put('/api/national-representatives/NL').send({ email: 'nobody@x.eu' }).expect(404);

    const named = await as('secretariat')
      .put('/api/national-representatives/NL')
      .send({ email: 'REP-NL@politie.nl' })
      .expect(200);
    expect(named.body).toMatchObject({ geo: 'NL', email: 'rep-nl@politie.nl', grantedBy: 'rep-sec@observatory.eu' });
    const listed = await as('secretariat').get('/api/national-representatives').expect(200);
    expect(listed.body.data).toEqual([expect.objectContaining({ geo: 'NL', email: 'rep-nl@politie.nl' })]);

    const id = (
      await as('secretariat')
        .post('/api/rounds')
        .send(roundInput({ twoLevelApproval: true }))
        .expect(201)
    ).body.id;
    await as('nl2').post(`/api/rounds/${id}/parts/NL/complete`).expect(200);

    const removed = await as('secretariat')
      .delete('/api/national-representatives/NL')
      .query({ email: 'rep-nl@politie.nl' })
      .expect(200);
    expect(removed.body.data).toEqual([]);
    await as('secretariat')
      .delete('/api/national-representatives/NL')
      .query({ email: 'rep-nl@politie.nl' })
      .expect(404);
    expect((await as('nl').post(`/api/rounds/${id}/parts/NL/approve`).expect(403)).body.error.code).toBe(
      'not-representative',
    );
    await as('secretariat').put('/api/national-representatives/NL').send({ email: 'rep-nl@politie.nl' }).expect(200);
    await as('nl').post(`/api/rounds/${id}/parts/NL/approve`).expect(200);

    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('target', '=', 'representative/NL')
      .orderBy('id')
      .execute();
    expect(audit.filter((a) => a.outcome === 'ok').map((a) => a.action)).toEqual([
      'round.representative',
      'round.representative-remove',
      'round.representative',
    ]);
  });
});
