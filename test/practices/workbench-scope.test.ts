import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/http/actor';
import { createApp } from '../../server/app/compose';
import { seededDatabase, type TestDatabase } from '../helpers/database';
import { practiceInput, user } from './practice-fixture';

/** Issue 15: a contact point's workbench list never shows what the detail view would refuse. */
let database: TestDatabase;
beforeAll(async () => {
  database = await seededDatabase();
});
afterAll(async () => database.dispose());

const appAs = (actor: Actor) => createApp({ db: database.db, clientDir: '/nonexistent', resolveActor: () => actor });

describe('the practice workbench list for a contact point', () => {
  it('leaves out drafts that also cover other countries, whose detail it may not open', async () => {
    const curator = appAs(user('curator'));
    const nl = appAs(user('contact_point', ['NL'], 'cp-nl@example.eu'));
    const shared = await request(curator)
      .post('/api/practice-workbench')
      .send(practiceInput({ title: 'Cross-border cocooning pilot NL DE', geos: ['NL', 'DE'] }))
      .expect(201);
    const own = await request(nl)
      .post('/api/practice-workbench')
      .send(practiceInput({ title: 'Utrecht cocooning pilot' }))
      .expect(201);

    expect((await request(nl).get(`/api/practice-workbench/${shared.body.slug}`)).status).toBe(403);
    const listed = await request(nl).get('/api/practice-workbench?state=draft&pageSize=100');
    expect(listed.status).toBe(200);
    const slugs = (listed.body.data as { slug: string }[]).map((p) => p.slug);
    expect(slugs).toContain(own.body.slug);
    expect(slugs).not.toContain(shared.body.slug);
    for (const slug of slugs) expect((await request(nl).get(`/api/practice-workbench/${slug}`)).status).toBe(200);

    const byCurator = await request(curator).get('/api/practice-workbench?state=draft&pageSize=100');
    expect((byCurator.body.data as { slug: string }[]).map((p) => p.slug)).toContain(shared.body.slug);
  });
});
