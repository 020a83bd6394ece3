import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { addPeople, appFor, type People, roundInput, uploadAndCommit } from './fixture';

let database: TestDatabase;
let people: People;
beforeAll(async () => {
  database = await seededDatabase();
  people = await addPeople(database.db, 'approval');
  await request(appFor(database.db, people.secretariat))
    .put('/api/national-representatives/NL')
    .send({ email: 'approval-nl@politie.nl' })
    .expect(200);
});
afterAll(async () => database.dispose());

const as = (who: keyof People) => request(appFor(database.db, people[who]));
const part = (id: number, action: string) => `/api/rounds/${id}/parts/NL/${action}`;

async function twoLevelRound(periods = ['2023']): Promise<number> {
  return (
    await as('secretariat')
      .post('/api/rounds')
      .send(roundInput({ twoLevelApproval: true, periods }))
      .expect(201)
  ).body.id;
}

describe('two-level approval', () => {
  it('runs in order: complete, approved by the national representative, accepted by the secretariat; accepted data is locked', async () => {
    const id = await twoLevelRound(['2017']);
    await as('nl2').post(part(id, 'complete')).expect(200);
    const approved = await as('nl').post(part(id, 'approve')).expect(200);
    expect(approved.body).toMatchObject({ state: 'approved', approvedBy: 'approval-nl@politie.nl' });
    await as('nl2').post(part(id, 'reopen')).expect(409);
    const accepted = await as('secretariat').post(part(id, 'accept')).expect(200);
    expect(accepted.body).toMatchObject({ state: 'accepted', acceptedBy: 'approval-sec@observatory.eu' });

    const locked = await uploadAndCommit(database.db, people.nl, 'NL', ['NL,ICCS0101,2017,159,,']);
    expect(locked.status).toBe(409);
    expect(locked.body.error.message).toMatch(/has NL's part accepted on \d{4}-\d{2}-\d{2}: approved data is locked/);
  });

  it('refuses each step out of order, and approval by anyone but the representative', async () => {
    const id = await twoLevelRound();
    expect((await as('nl').post(part(id, 'approve')).expect(409)).body.error.message).toMatch(/not complete yet/);
    await as('nl2').post(part(id, 'complete')).expect(200);
    expect((await as('secretariat').post(part(id, 'accept')).expect(409)).body.error.message).toMatch(
      /national representative approves it before the secretariat accepts it/,
    );
    expect((await as('nl2').post(part(id, 'approve')).expect(403)).body.error.code).toBe('not-representative');
    await as('secretariat').post(part(id, 'approve')).expect(403);
    await as('nl').post(part(id, 'approve')).expect(200);
    await as('nl').post(part(id, 'approve')).expect(409);
    const plain = (await as('secretariat').post('/api/rounds').send(roundInput()).expect(201)).body.id;
    await as('nl').post(part(plain, 'complete')).expect(200);
    expect((await as('nl').post(part(plain, 'approve')).expect(409)).body.error.message).toMatch(/has no approval/);
  });

  it('takes a part back one level at a time with an audited reason; back to open it is returned with comments', async () => {
    const id = await twoLevelRound();
    await as('nl2').post(part(id, 'complete')).expect(200);
    await as('nl').post(part(id, 'approve')).expect(200);
    await as('secretariat').post(part(id, 'accept')).expect(200);
    await as('nl').post(part(id, 'unapprove')).send({ reason: 'I approved too early.' }).expect(403);
    await as('secretariat').post(part(id, 'unapprove')).send({ reason: 'no' }).expect(400);
    expect(
      (
        await as('secretariat')
          .post(part(id, 'unapprove'))
          .send({ reason: 'The 2023 figure double counts attempts.' })
          .expect(200)
      ).body.state,
    ).toBe('approved');
    expect(
      (await as('nl').post(part(id, 'unapprove')).send({ reason: 'Agreed, we will correct it.' }).expect(200)).body
        .state,
    ).toBe('complete');
    expect(
      (
        await as('secretariat')
          .post(part(id, 'unapprove'))
          .send({ reason: 'Please send the corrected count.' })
          .expect(200)
      ).body.state,
    ).toBe('open');
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('target', '=', `round/${id}/NL`)
      .where('action', '=', 'round.unapprove')
      .where('outcome', '=', 'ok')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => JSON.parse(a.detail!))).toEqual([
      { from: 'accepted', to: 'approved', reason: 'The 2023 figure double counts attempts.' },
      { from: 'approved', to: 'complete', reason: 'Agreed, we will correct it.' },
      { from: 'complete', to: 'open', reason: 'Please send the corrected count.' },
    ]);
    const notices = (await as('nl2').get('/api/round-notices').expect(200)).body.data;
    expect(notices.filter((n: { roundId: number }) => n.roundId === id)).toEqual([
      expect.objectContaining({
        kind: 'returned',
        geo: 'NL',
        message: expect.stringContaining('Please send the corrected count.'),
      }),
    ]);
    expect(
      (await as('de').get('/api/round-notices').expect(200)).body.data.filter(
        (n: { roundId: number }) => n.roundId === id,
      ),
    ).toEqual([]);
  });
});
