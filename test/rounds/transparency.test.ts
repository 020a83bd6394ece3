import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePart } from '../../server/rounds/part.service';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { addPeople, appFor, type People, roundAt, uploadAndCommit } from './fixture';

let database: TestDatabase;
let people: People;
beforeAll(async () => {
  database = await seededDatabase();
  people = await addPeople(database.db, 'public');
});
afterAll(async () => database.dispose());

const anyone = () => request(appFor(database.db, { kind: 'anonymous' }));

describe('public transparency of past rounds', () => {
  it('publishes who delivered what and when once a round is past due, as JSON and CSV', async () => {
    const opened = new Date(Date.now() - 45 * 86_400_000);
    const id = await roundAt(database.db, opened, {
      name: 'Core indicators 2020',
      periods: ['2020'],
      indicators: ['ICCS0101', 'ICCS0102'],
    });
    await completePart(database.db, id, 'NL', {
      actor: people.nl,
      ip: 'test',
      now: new Date(opened.getTime() + 5 * 86_400_000),
    });
    const answer = await anyone().get(`/api/rounds/${id}/deliveries`).expect(200);
    const nl = answer.body.data.filter((r: { geo: string }) => r.geo === 'NL');
    expect(nl).toHaveLength(2);
    const published = await database.db
      .selectFrom('observations')
      .select(['indicator', 'recorded_at'])
      .where('geo', '=', 'NL')
      .where('period', '=', '2020')
      .where('indicator', 'in', ['ICCS0101', 'ICCS0102'])
      // A round asks for the contact point's own figures: Eurostat's cells of the seed deliver nothing.
      .where('source', '=', 'national')
      .execute();
    for (const row of nl) {
      const cell = published.find((p) => p.indicator === row.indicator);
      expect(row).toMatchObject({
        state: cell ? expect.stringMatching(/^delivered/) : 'missing',
        delivered_at: cell?.recorded_at ?? '',
        part_state: 'complete',
      });
    }
    const csv = await anyone().get(`/api/rounds/${id}/deliveries?format=csv`).expect(200);
    expect(csv.headers['content-disposition']).toContain(`round-${id}-deliveries.csv`);
    expect(csv.text.split('\n')[0]).toBe(
      'round,geo,indicator,period,state,delivered_at,unavailable_reason,part_state,completed_at',
    );
    expect(csv.text.trim().split('\n')).toHaveLength(1 + 4);
  });

  it("does not publish a round's work in progress before its due date", async () => {
    const id = await roundAt(database.db, new Date());
    const refused = await anyone().get(`/api/rounds/${id}/deliveries`).expect(409);
    expect(refused.body.error.message).toMatch(/published after that date/);
    await anyone().get(`/api/rounds/${id}/completeness`).expect(200);
    await anyone().get('/api/rounds/999999/completeness').expect(404);
  });

  it('re-checks the lock when the secretariat approves a waiting submission (APPROVAL_REQUIRED)', async () => {
    const config = { APPROVAL_REQUIRED: true };
    const waiting = await uploadAndCommit(database.db, people.nl, 'NL', ['NL,ICCS0101,2015,555,,'], config);
    expect(waiting.body).toMatchObject({
      status: 'awaiting-approval',
      rounds: { cellsInRounds: 0, cellsOutsideRounds: 1 },
    });
    // The secretariat locks 2015 meanwhile: a round of 2015 figures that locked yesterday.
    await roundAt(database.db, new Date(Date.now() - 62 * 86_400_000), {
      periods: ['2015'],
      name: 'Core indicators 2015',
    });
    const refused = await request(appFor(database.db, people.secretariat, config))
      .post(`/api/submissions/${waiting.body.submissionId}/approve`)
      .send({})
      .expect(409);
    expect(refused.body.error.message).toContain('Round "Core indicators 2015" locked its cells on');
  });
});
