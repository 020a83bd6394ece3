import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCellsOpen } from '../../server/rounds/locks';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { addPeople, appFor, day, type People, roundAt, upload, uploadAndCommit } from './fixture';

let database: TestDatabase;
let people: People;
beforeAll(async () => {
  database = await seededDatabase();
  people = await addPeople(database.db, 'locks');
});
afterAll(async () => database.dispose());

/** The value readers see: the contact point's own figure once it has one (the preferred source), else Eurostat's. */
const publicValue = async (geo: string, period: string) => {
  const rows = await database.db
    .selectFrom('observations')
    .select(['value', 'source'])
    .where('geo', '=', geo)
    .where('indicator', '=', 'ICCS0101')
    .where('period', '=', period)
    .execute();
  return (rows.find((r) => r.source === 'national') ?? rows[0])?.value;
};

const counts = async () => ({
  submissions: Number(
    (
      await database.db
        .selectFrom('submissions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  staged: Number(
    (
      await database.db
        .selectFrom('staged_parts')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
});

describe('the lock date', () => {
  it('refuses an upload that would change a locked cell with a 409 naming the round and the date, before anything is staged, until an exception is granted', async () => {
    const created = new Date(Date.now() - 70 * 86_400_000);
    const id = await roundAt(database.db, created, { name: 'Core indicators 2021', periods: ['2021'] });
    const lockedOn = day(60, created);
    const before = await publicValue('NL', '2021');
    const stored = await counts();

    const refused = await upload(database.db, people.nl, 'NL', ['NL,ICCS0101,2021,999,,']);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('round-locked');
    expect(refused.body.error.message).toContain(`Round "Core indicators 2021" locked its cells on ${lockedOn}`);
    expect(refused.body.error.message).toContain('NL ICCS0101 2021');
    expect(await publicValue('NL', '2021')).toBe(before);
    expect(await counts()).toEqual(stored);

    // An unchanged locked cell changes nothing, so re-sending the published figure is no breach.
    if (before !== undefined && before !== null) {
      const same = await upload(database.db, people.nl, 'NL', [`NL,ICCS0101,2021,${before},,`]);
      expect(same.status, JSON.stringify(same.body)).toBe(201);
    }

    const until = new Date(Date.now() + 86_400_000).toISOString();
    const reason = 'The 2021 homicide count was revised by the national statistics office.';
    await request(appFor(database.db, people.nl))
      .post(`/api/rounds/${id}/lock-exceptions`)
      .send({ geo: 'NL', until, reason })
      .expect(403);
    const granted = await request(appFor(database.db, people.secretariat))
      .post(`/api/rounds/${id}/lock-exceptions`)
      .send({ geo: 'NL', until, reason })
      .expect(200);
    expect(granted.body.lockExceptions).toEqual([
      expect.objectContaining({ geo: 'NL', until, reason, revokedAt: null }),
    ]);
    const audit = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target', '=', `round/${id}/NL`)
      .execute();
    expect(audit.map((a) => a.action)).toContain('round.lock-exception');

    const committed = await uploadAndCommit(database.db, people.nl, 'NL', ['NL,ICCS0101,2021,999,,']);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body).toMatchObject({ revisionsAdded: 1, rounds: { cellsInRounds: 1, cellsOutsideRounds: 0 } });
    expect(await publicValue('NL', '2021')).toBe(999);

    // The exception is NL's alone, and ends when it says.
    expect((await uploadAndCommit(database.db, people.de, 'DE', ['DE,ICCS0101,2021,1,,'])).status).toBe(409);
    await expect(
      assertCellsOpen(
        database.db,
        [{ geo: 'NL', indicator: 'ICCS0101', period: '2021' }],
        new Date(Date.now() + 2 * 86_400_000),
      ),
    ).rejects.toMatchObject({ status: 409, code: 'round-locked' });
  });

  it('accepts cells outside every round, and says so at upload and at commit', async () => {
    const previewed = await upload(database.db, people.nl, 'NL', ['NL,ICCS0101,2016,111,,']);
    expect(previewed.status, JSON.stringify(previewed.body)).toBe(201);
    expect(previewed.body.rounds).toEqual({ cellsInRounds: 0, cellsOutsideRounds: 1 });
    const answer = await uploadAndCommit(database.db, people.nl, 'NL', ['NL,ICCS0101,2016,111,,']);
    expect(answer.status).toBe(200);
    expect(answer.body.rounds).toEqual({ cellsInRounds: 0, cellsOutsideRounds: 1 });
  });

  it('keeps a round open until the last moment of its lock date', async () => {
    const id = await roundAt(database.db, new Date(), { periods: ['2018'] });
    const round = await database.db
      .selectFrom('collection_rounds')
      .select('locks_on')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const cells = [{ geo: 'NL', indicator: 'ICCS0101', period: '2018' }];
    await expect(
      assertCellsOpen(database.db, cells, new Date(`${round.locks_on}T23:59:59.999Z`)),
    ).resolves.toMatchObject({ cellsInRounds: 1 });
    await expect(
      assertCellsOpen(database.db, cells, new Date(new Date(`${round.locks_on}T23:59:59.999Z`).getTime() + 1)),
    ).rejects.toMatchObject({ status: 409 });
  });
});
