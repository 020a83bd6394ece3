import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS } from '../../server/http/actor';
import { commitOrAwaitApproval } from '../../server/approvals/approval.service';
import { actorFor, addUser } from './fixture';
import { testApp, useSeededApp } from '../helpers/context';

/** Approval (APPROVAL_REQUIRED=true): committed submissions wait, invisible to the public, until the secretariat decides. */
const ctx = useSeededApp();
let nl: Actor;
let de: Actor;
let secretariat: Actor;
let approvalRequired = true;
const appAs = (actor: Actor) =>
  testApp(ctx.db, { config: { APPROVAL_REQUIRED: approvalRequired }, resolveActor: () => actor });
const publicApp = () => ctx.as(ANONYMOUS);

beforeAll(async () => {
  nl = actorFor(await addUser(ctx.db, 'nl@politie.nl', 'contact_point', ['NL'], undefined));
  de = actorFor(await addUser(ctx.db, 'de@bka.de', 'contact_point', ['DE'], undefined));
  secretariat = actorFor(await addUser(ctx.db, 'secretariat@observatory.eu', 'secretariat', [], undefined));
});
beforeEach(() => {
  approvalRequired = true;
});

async function publicValue(period: string): Promise<number | undefined> {
  const res = await request(publicApp())
    .get(`/api/observations?indicator=ICCS0101&geo=NL&from=${period}&to=${period}`)
    .expect(200);
  return res.body.data[0]?.value;
}

/** Uploads and commits an NL value as the NL contact point; answers the submission id. */
async function commitNl(period: string, value: number): Promise<{ id: number; answer: unknown }> {
  const upload = await request(appAs(nl))
    .post('/api/submissions?geo=NL')
    .type('text/csv')
    .send(`geo,indicator,period,value,flags,note\nNL,ICCS0101,${period},${value},,`)
    .expect(201);
  const id = upload.body.submissionId;
  // The figures are far from the published ones: the contact point confirms them (docs/ingest.md).
  const commit = await request(appAs(nl)).post(`/api/submissions/${id}/commit`).send({ confirm: true }).expect(200);
  return { id, answer: commit.body };
}

describe('approval of submissions', () => {
  it('keeps a committed submission awaiting approval, its values invisible to public reads, until the secretariat approves', async () => {
    const before = await publicValue('2019');
    const { id, answer } = await commitNl('2019', 4242);
    expect(answer).toMatchObject({ submissionId: id, status: 'awaiting-approval' });
    expect(await publicValue('2019')).toBe(before);
    const history = await request(publicApp())
      .get('/api/observations/history?geo=NL&indicator=ICCS0101&period=2019')
      .expect(200);
    expect(history.body.revisions.map((r: { value: number }) => r.value)).not.toContain(4242);
    expect((await request(appAs(nl)).get(`/api/submissions/${id}`).expect(200)).body.status).toBe('awaiting-approval');

    const queue = await request(appAs(secretariat)).get('/api/approvals?state=awaiting').expect(200);
    expect(queue.body.data).toEqual([
      expect.objectContaining({ submissionId: id, geo: 'NL', requestedBy: 'nl@politie.nl', decision: null }),
    ]);
    expect(queue.body.meta.approvalRequired).toBe(true);
    expect((await request(appAs(de)).get('/api/approvals').expect(200)).body.data).toEqual([]);

    await request(appAs(nl)).post(`/api/submissions/${id}/approve`).expect(403);
    const approved = await request(appAs(secretariat)).post(`/api/submissions/${id}/approve`).send({}).expect(200);
    expect(approved.body).toMatchObject({ submissionId: id, revisionsAdded: 1 });
    expect(await publicValue('2019')).toBe(4242);
    const decided = await request(appAs(nl)).get('/api/approvals?state=approved').expect(200);
    expect(decided.body.data[0]).toMatchObject({
      submissionId: id,
      status: 'committed',
      decision: 'approved',
      decidedBy: 'secretariat@observatory.eu',
    });
  });

  it('rejects with a message that reaches the contact point; nothing is published and the submission cannot be committed again', async () => {
    const before = await publicValue('2020');
    const { id } = await commitNl('2020', 777);
    const refused = await request(appAs(secretariat))
      .post(`/api/submissions/${id}/reject`)
      .send({ message: 'ok' })
      .expect(400);
    expect(refused.body.error.message).toContain('say what is wrong');
    const message = 'The 2020 figure counts attempts twice; please send the corrected file.';
    const rejected = await request(appAs(secretariat))
      .post(`/api/submissions/${id}/reject`)
      .send({ message })
      .expect(200);
    expect(rejected.body).toEqual({ submissionId: id, status: 'approval-rejected', message });
    const mine = await request(appAs(nl)).get('/api/approvals?state=rejected').expect(200);
    expect(mine.body.data[0]).toMatchObject({
      submissionId: id,
      status: 'approval-rejected',
      message,
      decision: 'rejected',
    });
    expect(await publicValue('2020')).toBe(before);
    await request(appAs(nl)).post(`/api/submissions/${id}/commit`).expect(409);
    await expect(commitOrAwaitApproval(ctx.db, id, nl, { APPROVAL_REQUIRED: true })).rejects.toMatchObject({
      status: 409,
    });
    await request(appAs(secretariat)).post(`/api/submissions/${id}/approve`).send({}).expect(409);
    await request(appAs(secretariat)).post(`/api/submissions/${id}/reject`).send({ message }).expect(409);

    const listed = await request(appAs(nl)).get('/api/submissions?geo=NL&status=approval-rejected').expect(200);
    expect(JSON.stringify(listed.body)).toContain(`${id}`);
    const again = await request(appAs(nl))
      .post('/api/submissions?geo=NL')
      .type('text/csv')
      .send('geo,indicator,period,value,flags,note\nNL,ICCS0101,2020,777,,')
      .expect(201);
    expect(again.body.submissionId).not.toBe(id);
    expect(again.body.status).toBe('validated');
  });

  it('audits every approval and rejection with the secretariat as actor', async () => {
    const entries = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', 'in', ['submission.approve', 'submission.reject'])
      .where('outcome', '=', 'ok')
      .orderBy('id')
      .execute();
    expect(entries.map((e) => [e.action, e.actor, e.outcome])).toEqual([
      ['submission.approve', 'secretariat@observatory.eu', 'ok'],
      ['submission.reject', 'secretariat@observatory.eu', 'ok'],
    ]);
    expect(JSON.parse(entries[1]!.detail!).message).toContain('counts attempts twice');
    const refused = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'submission.approve')
      .where('outcome', '=', 'denied')
      .execute();
    expect(refused.map((e) => e.actor)).toEqual(['nl@politie.nl']);
  });

  it('publishes at once when approval is off', async () => {
    approvalRequired = false;
    const { answer } = await commitNl('2018', 31337);
    expect(answer).toMatchObject({ revisionsAdded: 1 });
    expect(await publicValue('2018')).toBe(31337);
  });
});
