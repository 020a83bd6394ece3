import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { levelAfter, levelsFor } from '../../server/approvals/approval-levels';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { addPeople, appFor, type People, roundInput } from './fixture';

let database: TestDatabase;
let people: People;
beforeAll(async () => {
  database = await seededDatabase();
  people = await addPeople(database.db, 'levels');
  await request(appFor(database.db, people.secretariat))
    .put('/api/national-representatives/NL')
    .send({ email: 'levels-nl@politie.nl' })
    .expect(200);
});
afterAll(async () => database.dispose());

const as = (who: keyof People) => request(appFor(database.db, people[who]));
const partRows = (roundId: number) =>
  database.db
    .selectFrom('approvals')
    .select(['level', 'decision', 'decided_by', 'withdrawn_reason', 'requested_by'])
    .where('subject', '=', 'round-part')
    .where('round_id', '=', roundId)
    .where('geo', '=', 'NL')
    .orderBy('id')
    .execute();

describe('the one rule of approval levels', () => {
  it('asks the secretariat for every commit with APPROVAL_REQUIRED, and national then secretariat for a two-level part', () => {
    expect(levelsFor({ kind: 'submission', approvalRequired: true })).toEqual(['secretariat']);
    expect(levelsFor({ kind: 'submission', approvalRequired: false })).toEqual([]);
    expect(levelsFor({ kind: 'round-part', twoLevelApproval: true })).toEqual(['national', 'secretariat']);
    expect(levelsFor({ kind: 'round-part', twoLevelApproval: false })).toEqual([]);
    expect(levelAfter(['national', 'secretariat'], 'national')).toBe('secretariat');
    expect(levelAfter(['national', 'secretariat'], 'secretariat')).toBeNull();
    expect(levelAfter(['secretariat'], 'national')).toBe('secretariat');
  });
});

describe('a part in the approval model', () => {
  it('has one national request after two contact points complete at once, and nothing of the loser', async () => {
    const id = (
      await as('secretariat')
        .post('/api/rounds')
        .send(roundInput({ twoLevelApproval: true }))
        .expect(201)
    ).body.id;
    const answers = await Promise.all([
      as('nl').post(`/api/rounds/${id}/parts/NL/complete`),
      as('nl2').post(`/api/rounds/${id}/parts/NL/complete`),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.status === 200)!.body.completedBy;
    expect(await partRows(id)).toEqual([
      { level: 'national', decision: null, decided_by: null, withdrawn_reason: null, requested_by: winner },
    ]);
  });

  it('keeps every decision: un-approval withdraws it with the reason and asks the level again', async () => {
    const id = (
      await as('secretariat')
        .post('/api/rounds')
        .send(roundInput({ twoLevelApproval: true }))
        .expect(201)
    ).body.id;
    await as('nl2').post(`/api/rounds/${id}/parts/NL/complete`).expect(200);
    await as('nl').post(`/api/rounds/${id}/parts/NL/approve`).expect(200);
    await as('secretariat').post(`/api/rounds/${id}/parts/NL/accept`).expect(200);
    await as('secretariat')
      .post(`/api/rounds/${id}/parts/NL/unapprove`)
      .send({ reason: 'The 2023 count needs a note.' })
      .expect(200);
    await as('nl').post(`/api/rounds/${id}/parts/NL/unapprove`).send({ reason: 'We will add the note.' }).expect(200);
    expect(await partRows(id)).toEqual([
      {
        level: 'national',
        decision: 'approved',
        decided_by: 'levels-nl@politie.nl',
        withdrawn_reason: 'We will add the note.',
        requested_by: 'levels-nl2@cbs.nl',
      },
      {
        level: 'secretariat',
        decision: 'approved',
        decided_by: 'levels-sec@observatory.eu',
        withdrawn_reason: 'The 2023 count needs a note.',
        requested_by: 'levels-nl@politie.nl',
      },
      {
        level: 'secretariat',
        decision: null,
        decided_by: null,
        withdrawn_reason: 'We will add the note.',
        requested_by: 'levels-sec@observatory.eu',
      },
      {
        level: 'national',
        decision: null,
        decided_by: null,
        withdrawn_reason: null,
        requested_by: 'levels-nl@politie.nl',
      },
    ]);
    const part = await as('nl').get(`/api/rounds/${id}/parts/NL`).expect(200);
    expect(part.body).toMatchObject({ state: 'complete', approvedBy: null, acceptedBy: null });
  });

  it('works beside APPROVAL_REQUIRED: the commit waits for the secretariat, the part for both levels', async () => {
    const config = { APPROVAL_REQUIRED: true };
    const id = (
      await as('secretariat')
        .post('/api/rounds')
        .send(roundInput({ twoLevelApproval: true, periods: ['2011'] }))
        .expect(201)
    ).body.id;
    const uploaded = await request(appFor(database.db, people.nl, config))
      .post('/api/submissions?geo=NL')
      .type('text/csv')
      .send('geo,indicator,period,value,flags,note\nNL,ICCS0101,2011,8080,,')
      .expect(201);
    const waiting = await request(appFor(database.db, people.nl, config))
      .post(`/api/submissions/${uploaded.body.submissionId}/commit`)
      .send({ confirm: true })
      .expect(200);
    expect(waiting.body).toMatchObject({ status: 'awaiting-approval', rounds: { cellsInRounds: 1 } });
    await request(appFor(database.db, people.secretariat, config))
      .post(`/api/submissions/${uploaded.body.submissionId}/approve`)
      .send({})
      .expect(200);
    await as('nl').post(`/api/rounds/${id}/parts/NL/complete`).expect(200);
    await as('nl').post(`/api/rounds/${id}/parts/NL/approve`).expect(200);
    const levels = await database.db
      .selectFrom('approvals')
      .select(['subject', 'level', 'decision'])
      .where((eb) =>
        eb.or([
          eb('submission_id', '=', uploaded.body.submissionId),
          eb.and([eb('round_id', '=', id), eb('geo', '=', 'NL')]),
        ]),
      )
      .orderBy('id')
      .execute();
    expect(levels).toEqual([
      { subject: 'submission', level: 'secretariat', decision: 'approved' },
      { subject: 'round-part', level: 'national', decision: 'approved' },
      { subject: 'round-part', level: 'secretariat', decision: null },
    ]);
  });
});
