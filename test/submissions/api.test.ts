import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { sharedDataPath } from '../helpers/shared-data';
import { contactPoint, secretariat } from './actors';
import { testApp, useSeededApp } from '../helpers/context';

const ctx = useSeededApp({ each: true });

const HEADER = 'geo,indicator,period,value,flags,note';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n');

describe('POST /api/submissions', () => {
  it('previews a raw-body upload, commits it, and lists the cell history', async () => {
    const app = ctx.as(contactPoint('NL'));
    const upload = await request(app)
      .post('/api/submissions?geo=NL')
      .type('text/csv')
      .set('x-file-name', '../../etc/passwd')
      .send(csv('NL,ICCS0101,2021,999,p,corrected'));
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({ status: 'validated', diff: { changedCells: 1, newCells: 0 } });
    const id = upload.body.submissionId as number;

    const shown = await request(app).get(`/api/submissions/${id}`);
    expect(shown.body).toMatchObject({
      geo: 'NL',
      status: 'validated',
      submittedBy: 'cp-nl@example.eu',
      fileName: '../../etc/passwd',
    });

    const commit = await request(app).post(`/api/submissions/${id}/commit`);
    expect(commit.status).toBe(200);
    expect(commit.body.revisionsAdded).toBe(1);
    const again = await request(app).post(`/api/submissions/${id}/commit`);
    expect(again.status).toBe(409);

    const history = await request(app).get('/api/observations/history?geo=NL&indicator=ICCS0101&period=2021');
    expect(history.status).toBe(200);
    const revisions = history.body.revisions as {
      value: number;
      flags: string;
      submissionId: number;
      current: boolean;
    }[];
    expect(revisions).toHaveLength(2);
    expect(revisions[1]).toMatchObject({
      value: 999,
      flags: 'p',
      submissionId: id,
      current: true,
      dataSource: 'national',
    });
    // The contact point's figure stands beside Eurostat's, which stays current in its own source.
    expect(revisions[0]).toMatchObject({ current: true, dataSource: 'estat.crim_off_cat' });
  });

  it('accepts multipart uploads with geo and profile fields, and returns the earlier submission for identical bytes', async () => {
    const app = ctx.as(contactPoint('DE'));
    const send = () =>
      request(app)
        .post('/api/submissions')
        .field('geo', 'DE')
        .field('profile', 'de-bka-pks-faelle')
        .attach('file', sharedDataPath('bka-pks/ZR-F-01-T01-Faelle_csv.csv'));
    const first = await send();
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'validated',
      cellsValid: 210,
      reading: { encoding: 'windows-1252', delimiter: '";"', profile: 'de-bka-pks-faelle' },
    });
    const second = await send();
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ submissionId: first.body.submissionId, duplicateOf: first.body.submissionId });
  });

  it('keeps a contact point to their own geo for upload, reading, commit and withdrawal', async () => {
    const nl = ctx.as(contactPoint('NL'));
    const refused = await request(nl)
      .post('/api/submissions?geo=DE')
      .type('text/csv')
      .send(csv('DE,ICCS0101,2021,1,,'));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('geo-not-yours');

    const de = await request(ctx.as(contactPoint('DE')))
      .post('/api/submissions?geo=DE')
      .type('text/csv')
      .send(csv('DE,ICCS0101,2021,700,,'));
    const id = de.body.submissionId as number;
    for (const path of [`/api/submissions/${id}/commit`, `/api/submissions/${id}/withdraw`]) {
      expect((await request(nl).post(path)).status).toBe(403);
    }
    expect((await request(nl).get(`/api/submissions/${id}`)).status).toBe(403);
    const anonymous = await request(ctx.as({ kind: 'anonymous' })).post(`/api/submissions/${id}/commit`);
    expect(anonymous.status).toBe(401);
    const rows = await ctx.db
      .selectFrom('observations')
      .select('value')
      .where('geo', '=', 'DE')
      .where('indicator', '=', 'ICCS0101')
      .where('period', '=', '2021')
      .executeTakeFirst();
    expect(rows?.value).not.toBe(700);
  });

  it('withdraws a validated submission, after which it cannot be committed', async () => {
    const app = ctx.as(secretariat);
    const up = await request(app).post('/api/submissions?geo=AT').type('text/csv').send(csv('AT,ICCS0101,2021,70,,'));
    const id = up.body.submissionId as number;
    const withdrawn = await request(app).post(`/api/submissions/${id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    const listed = await request(app).get('/api/submissions?geo=AT&status=withdrawn');
    expect(listed.body.data).toEqual([
      expect.objectContaining({
        submissionId: id,
        status: 'withdrawn',
        submittedBy: 'secretariat@example.eu',
        cellsValid: 1,
      }),
    ]);
    expect((await request(ctx.as(contactPoint('NL'))).get('/api/submissions?geo=AT')).status).toBe(403);
    expect((await request(app).get(`/api/submissions/${id}`)).body.status).toBe('withdrawn');
    const commit = await request(app).post(`/api/submissions/${id}/commit`);
    expect(commit.status).toBe(409);
    expect(commit.body.error.message).toMatch(/withdrawn/);
  });

  it('answers 413 naming the limit for a file over the configured size', async () => {
    {
      const app = testApp(ctx.db, { config: { SUBMISSION_MAX_BYTES: 1000 }, resolveActor: () => secretariat });
      const big = csv(...Array.from({ length: 100 }, (_, i) => `AT,ICCS0101,${1950 + i},1,,`));
      const raw = await request(app).post('/api/submissions?geo=AT').type('text/csv').send(big);
      expect(raw.status).toBe(413);
      expect(raw.body.error.message).toContain('1000 bytes');
      const multipart = await request(app)
        .post('/api/submissions')
        .field('geo', 'AT')
        .attach('file', Buffer.from(big), 'big.csv');
      expect(multipart.status).toBe(413);
      expect(multipart.body.error.message).toContain('1000 bytes');
    }
    const count = await ctx.db
      .selectFrom('submissions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('geo', '=', 'AT')
      .where('submitted_by', '!=', 'seed')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('answers a clear 400 for an unknown geo, a missing geo and an unknown profile', async () => {
    const app = ctx.as(secretariat);
    const unknown = await request(app)
      .post('/api/submissions?geo=XX')
      .type('text/csv')
      .send(csv('XX,ICCS0101,2021,1,,'));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('"XX"');
    const missing = await request(app).post('/api/submissions').type('text/csv').send(csv());
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/geo/);
    const profile = await request(app).post('/api/submissions?geo=AT&profile=nope').type('text/csv').send(csv());
    expect(profile.status).toBe(400);
    expect(profile.body.error.message).toContain('"nope"');
  });
});

describe('GET /api/submissions/template', () => {
  it('pre-fills the canonical template with the last known values of the geo', async () => {
    const res = await request(ctx.as(contactPoint('NL'))).get('/api/submissions/template?geo=NL');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = (res.text as string).trim().split('\n');
    expect(lines[0]).toBe(`${HEADER},indicator_name,unit,definition,last_published_period,last_published_value`);
    const one = await ctx.db
      .selectFrom('observations')
      .select(['indicator', 'period', 'value'])
      .where('geo', '=', 'NL')
      .where('indicator', '=', 'ICCS0101')
      .executeTakeFirstOrThrow();
    expect(
      lines.some((line) => line.startsWith(`NL,ICCS0101,${one.period},${one.value},,,Intentional homicide,`)),
    ).toBe(true);
    expect((await request(ctx.as(contactPoint('DE'))).get('/api/submissions/template?geo=NL')).status).toBe(403);
  });
});
