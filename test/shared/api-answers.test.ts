import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Actor } from '../../server/http/actor';
import { testApp } from '../helpers/context';
import { IssuedTokenAnswerSchema, TokensAnswerSchema, UsersAnswerSchema } from '../../server/shared/api/accounts';
import { ApprovalsAnswerSchema } from '../../server/shared/api/approvals';
import { AuditAnswerSchema } from '../../server/shared/api/audit';
import { GeoSchema, GeosAnswerSchema } from '../../server/shared/api/geos';
import { ImportProfilesAnswerSchema } from '../../server/shared/api/import-profiles';
import { IndicatorSchema, IndicatorsAnswerSchema } from '../../server/shared/api/indicators';
import { ObservationsAnswerSchema } from '../../server/shared/api/observations';
import { PracticeDetailSchema, PracticeSearchAnswerSchema } from '../../server/shared/api/practices';
import {
  CommitAnswerSchema,
  SubmissionPreviewSchema,
  SubmissionsAnswerSchema,
} from '../../server/shared/api/submissions';
import { actorFor, addUser } from '../accounts/fixture';
import { seededDatabase, type TestDatabase } from '../helpers/database';

/**
 * The dashboard's types are inferred from the schemas in server/shared/api. A field the server answers
 * but a schema lacks would be invisible to the dashboard (as SubmissionListItem once lost profile,
 * format and rowsRead), so each real answer must come back whole from its schema: zod drops unknown keys.
 */
let database: TestDatabase;
let secretariat: Actor;
/** With approval on, so that the commit answer is the one that waits for approval. */
const appAs = (actor: Actor) =>
  testApp(database.db, { config: { APPROVAL_REQUIRED: true }, resolveActor: () => actor });
let previewAnswer: unknown;
let commitAnswer: unknown;
let issuedToken: unknown;

beforeAll(async () => {
  database = await seededDatabase();
  secretariat = actorFor(await addUser(database.db, 'secretariat@observatory.eu', 'secretariat', [], undefined));
  const upload = await request(appAs(secretariat))
    .post('/api/submissions?geo=NL')
    .type('text/csv')
    .send('geo,indicator,period,value,flags,note\nNL,ICCS0101,2019,4242,,\nNL,ICCS0101,2020,x,,')
    .expect(201);
  previewAnswer = upload.body;
  const valid = await request(appAs(secretariat))
    .post('/api/submissions?geo=NL')
    .type('text/csv')
    .send('geo,indicator,period,value,flags,note\nNL,ICCS0101,2019,4242,,')
    .expect(201);
  commitAnswer = (
    await request(appAs(secretariat))
      .post(`/api/submissions/${valid.body.submissionId}/commit`)
      .send({ confirm: true })
      .expect(200)
  ).body;
  issuedToken = (await request(appAs(secretariat)).post('/api/tokens').send({ name: 'schema check' }).expect(200)).body;
});
afterAll(async () => {
  await database.dispose();
});

function expectWhole(schema: z.ZodType, body: unknown): void {
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  expect(parsed.data).toEqual(body);
}

const cases: [string, z.ZodType][] = [
  ['/api/geos', GeosAnswerSchema],
  ['/api/geos/EU27_2020', GeoSchema],
  ['/api/indicators', IndicatorsAnswerSchema],
  ['/api/indicators/ICCS0101', IndicatorSchema],
  ['/api/observations?indicator=ICCS0101&geo=NL,DE&measure=rate', ObservationsAnswerSchema],
  ['/api/submissions?geo=NL', SubmissionsAnswerSchema],
  ['/api/approvals', ApprovalsAnswerSchema],
  ['/api/audit', AuditAnswerSchema],
  ['/api/practices', PracticeSearchAnswerSchema],
  ['/api/users', UsersAnswerSchema],
  ['/api/tokens', TokensAnswerSchema],
  ['/api/import-profiles', ImportProfilesAnswerSchema],
];

describe('shared API answer schemas', () => {
  it.each(cases)('%s answers exactly what its shared schema describes', async (url, schema) => {
    const body = (await request(appAs(secretariat)).get(url).expect(200)).body;
    if (Array.isArray(body.data)) expect(body.data.length).toBeGreaterThan(0);
    expectWhole(schema, body);
  });

  it('describes a practice in full, record and evidence assessment included', async () => {
    const list = (await request(appAs(secretariat)).get('/api/practices').expect(200)).body;
    const detail = (await request(appAs(secretariat)).get(`/api/practices/${list.data[0].slug}`).expect(200)).body;
    expectWhole(PracticeDetailSchema, detail);
  });

  it('describes an upload preview with its report entries and diff', () => {
    expectWhole(SubmissionPreviewSchema, previewAnswer);
    expect((previewAnswer as { report: { errorCount: number } }).report.errorCount).toBeGreaterThan(0);
  });

  it('describes an issued API token, the secret included only in this answer', () => {
    expectWhole(IssuedTokenAnswerSchema, issuedToken);
  });

  it('describes a commit that waits for approval', () => {
    expectWhole(CommitAnswerSchema, commitAnswer);
    expect(commitAnswer).toMatchObject({ status: 'awaiting-approval' });
  });

  it('lists a submission with its import profile, format and rows read', async () => {
    const body = (await request(appAs(secretariat)).get('/api/submissions?geo=NL').expect(200)).body;
    expect(Object.keys(body.data[0])).toEqual(expect.arrayContaining(['profile', 'format', 'rowsRead']));
    expect(SubmissionsAnswerSchema.safeParse({ data: [{ ...body.data[0], format: undefined }] }).success).toBe(false);
  });
});
