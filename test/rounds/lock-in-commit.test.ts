import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveSubmission, commitOrAwaitApproval } from '../../server/approvals/approval.service';
import { roundLockGuard } from '../../server/rounds/locks';
import { serialiseCommits } from '../../server/submissions/store/submission.repository';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { addPeople, appFor, day, type People, roundAt, upload } from './fixture';

/**
 * The lock is checked inside the write transaction of a commit (and of an approval request or
 * approval), at the commit's own moment: a lock date that passes after the upload, or an exception
 * revoked while a commit waits for its turn, stops that commit.
 */
let database: TestDatabase;
let people: People;
beforeAll(async () => {
  database = await seededDatabase();
  people = await addPeople(database.db, 'intx');
});
afterAll(async () => database.dispose());

const tomorrow = () => new Date(Date.now() + 86_400_000);

async function published(period: string) {
  const row = await database.db
    .selectFrom('observations')
    .select('value')
    .where('geo', '=', 'NL')
    .where('indicator', '=', 'ICCS0101')
    .where('period', '=', period)
    .executeTakeFirst();
  return row?.value;
}

async function revisionCount(): Promise<number> {
  const row = await database.db
    .selectFrom('revisions')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function statusOf(id: number) {
  return (await database.db.selectFrom('submissions').select('status').where('id', '=', id).executeTakeFirstOrThrow())
    .status;
}

describe('the round lock inside the commit', () => {
  it('refuses a commit, an approval request and an approval once the lock date has passed after the upload', async () => {
    const now = new Date();
    await roundAt(database.db, now, {
      name: 'Locks tonight',
      periods: ['2012'],
      dueOn: day(0, now),
      locksOn: day(0, now),
    });
    const uploaded = await upload(database.db, people.nl, 'NL', ['NL,ICCS0101,2012,4321,,']);
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const id: number = uploaded.body.submissionId;
    const before = { value: await published('2012'), revisions: await revisionCount() };
    const off = { APPROVAL_REQUIRED: false };
    const on = { APPROVAL_REQUIRED: true };

    const late = commitOrAwaitApproval(database.db, id, people.nl, off, roundLockGuard(), tomorrow());
    await expect(late).rejects.toMatchObject({ status: 409, code: 'round-locked' });
    await expect(late).rejects.toThrow(`Round "Locks tonight" locked its cells on ${day(0, now)}`);
    expect({ value: await published('2012'), revisions: await revisionCount() }).toEqual(before);
    expect(await statusOf(id)).toBe('validated');

    await expect(
      commitOrAwaitApproval(database.db, id, people.nl, on, roundLockGuard(), tomorrow()),
    ).rejects.toMatchObject({ status: 409, code: 'round-locked' });
    expect(await statusOf(id)).toBe('validated');
    const requests = await database.db.selectFrom('approvals').select('id').where('submission_id', '=', id).execute();
    expect(requests).toEqual([]);

    // Asked today, approved tomorrow: refused, and the request still waits; approved today: published.
    await expect(commitOrAwaitApproval(database.db, id, people.nl, on, roundLockGuard(), now)).resolves.toMatchObject({
      status: 'awaiting-approval',
    });
    const event = { actor: people.secretariat, ip: 'test' };
    await expect(
      approveSubmission(database.db, id, { ...event, now: tomorrow() }, undefined, roundLockGuard()),
    ).rejects.toMatchObject({ status: 409, code: 'round-locked' });
    expect(await statusOf(id)).toBe('awaiting-approval');
    expect({ value: await published('2012'), revisions: await revisionCount() }).toEqual(before);
    await expect(
      approveSubmission(database.db, id, { ...event, now: new Date() }, undefined, roundLockGuard()),
    ).resolves.toMatchObject({ revisionsAdded: 1 });
    expect(await published('2012')).toBe(4321);
  });

  it('honours an exception revoked while a commit waits for its turn', async () => {
    const created = new Date(Date.now() - 70 * 86_400_000);
    const roundId = await roundAt(database.db, created, { name: 'Locked since October', periods: ['2013'] });
    const secretariat = request(appFor(database.db, people.secretariat));
    const granted = await secretariat
      .post(`/api/rounds/${roundId}/lock-exceptions`)
      .send({ geo: 'NL', until: tomorrow().toISOString(), reason: 'A late correction of 2013.' })
      .expect(200);
    const exceptionId: number = granted.body.lockExceptions[0].id;
    const uploaded = await upload(database.db, people.nl, 'NL', ['NL,ICCS0101,2013,5555,,']);
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const before = await published('2013');

    // The revocation holds the commits' turn while the commit starts; the commit must see it once it runs.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let taken!: () => void;
    const turnTaken = new Promise<void>((resolve) => {
      taken = resolve;
    });
    const revocation = database.db.transaction().execute(async (tx) => {
      await serialiseCommits(tx);
      await tx
        .updateTable('round_lock_exceptions')
        .set({ revoked_at: new Date().toISOString(), revoked_by: 'test', revoke_reason: 'Closed again.' })
        .where('id', '=', exceptionId)
        .execute();
      taken();
      await held;
    });
    await turnTaken;
    const commit = request(appFor(database.db, people.nl))
      .post(`/api/submissions/${uploaded.body.submissionId}/commit`)
      .send({ confirm: true });
    const answer = commit.then((r) => r);
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    release();
    await revocation;
    const refused = await answer;
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.error.message).toContain(
      `Round "Locked since October" locked its cells on ${day(60, created)}`,
    );
    expect(await published('2013')).toBe(before);
  });

  it('revokes an exception through the API: secretariat only, with a reason, audited and shown on the round', async () => {
    const created = new Date(Date.now() - 70 * 86_400_000);
    const roundId = await roundAt(database.db, created, { name: 'Revoked exception', periods: ['2014'] });
    const secretariat = () => request(appFor(database.db, people.secretariat));
    const granted = await secretariat()
      .post(`/api/rounds/${roundId}/lock-exceptions`)
      .send({ geo: 'NL', until: tomorrow().toISOString(), reason: 'A late correction of 2014.' })
      .expect(200);
    const exceptionId: number = granted.body.lockExceptions[0].id;
    const path = `/api/rounds/${roundId}/lock-exceptions/${exceptionId}/revoke`;
    expect((await upload(database.db, people.nl, 'NL', ['NL,ICCS0101,2014,77,,'])).status).toBe(201);

    await request(appFor(database.db, people.nl)).post(path).send({ reason: 'I want it closed.' }).expect(403);
    await secretariat().post(path).send({ reason: 'no' }).expect(400);
    await secretariat()
      .post(`/api/rounds/${roundId}/lock-exceptions/999999/revoke`)
      .send({ reason: 'Closed again.' })
      .expect(404);
    const revoked = await secretariat().post(path).send({ reason: 'The correction arrived.' }).expect(200);
    expect(revoked.body.lockExceptions).toEqual([
      expect.objectContaining({
        id: exceptionId,
        revokedAt: expect.any(String),
        revokeReason: 'The correction arrived.',
      }),
    ]);
    expect(
      (await secretariat().post(path).send({ reason: 'The correction arrived.' }).expect(409)).body.error.message,
    ).toMatch(/already revoked/);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('target', '=', `round/${roundId}/NL`)
      .where('action', '=', 'round.lock-exception-revoke')
      .where('outcome', '=', 'ok')
      .execute();
    expect(audit.map((a) => JSON.parse(a.detail!))).toEqual([
      { exception: exceptionId, reason: 'The correction arrived.' },
    ]);
    const refused = await upload(database.db, people.nl, 'NL', ['NL,ICCS0101,2014,78,,']);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('round-locked');
  });
});
