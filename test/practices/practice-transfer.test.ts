import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { practiceInput, user } from './practice-fixture';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp();
const CURATOR = user('curator', [], 'curator@eucpn.example');
const CONTACT_NL = user('contact_point', ['NL']);
const curator = () => ctx.as(CURATOR);
const contact = () => ctx.as(CONTACT_NL);

const versions = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('practice_versions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('export and import', () => {
  it('round-trips the JSON export: every practice comes back as a new version with the same record', async () => {
    const exported = (await request(curator()).get('/api/practices/export').expect(200)).body;
    expect(exported.practices.length).toBeGreaterThanOrEqual(25);
    const before = await versions();
    const res = await request(curator())
      .post('/api/practice-workbench/import')
      .send({ format: 'json', practices: exported.practices })
      .expect(200);
    expect(res.body.created).toEqual([]);
    expect(res.body.updated).toHaveLength(exported.practices.length);
    expect(await versions()).toBe(before + exported.practices.length);
    const history = (await request(curator()).get('/api/practice-workbench/kiva-anti-bullying/history').expect(200))
      .body.versions;
    expect(history.at(-1)).toMatchObject({ action: 'import', author: 'curator@eucpn.example', changes: [] });
  });

  it('round-trips the CSV export, formula escaping included', async () => {
    const created = await request(curator())
      .post('/api/practice-workbench')
      .send(
        practiceInput({
          title: 'Formula test',
          summary: '=HYPERLINK("x") looks like a formula but is a summary text.',
        }),
      )
      .expect(201);
    const slug = created.body.slug;
    for (const step of ['submit', 'start-review', 'publish'])
      await request(curator()).post(`/api/practice-workbench/${slug}/${step}`).expect(200);
    const csv = (await request(curator()).get('/api/practices/export?format=csv').expect(200)).text;
    expect(csv).toContain(`'=HYPERLINK`);
    const res = await request(curator())
      .post('/api/practice-workbench/import')
      .send({ format: 'csv', csv })
      .expect(200);
    expect(res.body.created).toEqual([]);
    expect(res.body.updated).toContain(slug);
    const history = (await request(curator()).get(`/api/practice-workbench/${slug}/history`).expect(200)).body.versions;
    expect(history.at(-1)).toMatchObject({ action: 'import', changes: [] });
  });

  it('imports a new practice as a draft that the public does not see', async () => {
    const res = await request(curator())
      .post('/api/practice-workbench/import')
      .send({ format: 'json', practices: [practiceInput({ slug: 'imported-pilot', title: 'Imported pilot' })] })
      .expect(200);
    expect(res.body.created).toEqual(['imported-pilot']);
    expect((await request(curator()).get('/api/practice-workbench/imported-pilot').expect(200)).body.state).toBe(
      'draft',
    );
    await ctx.request().get('/api/practices/imported-pilot').expect(404);
  });

  it('imports nothing when one entry is bad, and names the entry and field', async () => {
    const before = await versions();
    const practices = [
      practiceInput({ slug: 'good-one', title: 'Good one' }),
      practiceInput({ slug: 'bad-one', geos: ['ZZ'] }),
    ];
    const res = await request(curator())
      .post('/api/practice-workbench/import')
      .send({ format: 'json', practices })
      .expect(400);
    expect(res.body.error.message).toMatch(/practice 2 "geos\.0": unknown geo "ZZ"/);
    expect(await versions()).toBe(before);
    await request(curator()).get('/api/practice-workbench/good-one').expect(404);
  });

  it('reports a CSV without the expected columns', async () => {
    const res = await request(curator())
      .post('/api/practice-workbench/import')
      .send({ format: 'csv', csv: 'title,summary\nA,B\n' })
      .expect(400);
    expect(res.body.error.message).toMatch(/lacks the columns/);
  });

  it('is for curators only', async () => {
    await request(contact())
      .post('/api/practice-workbench/import')
      .send({ format: 'json', practices: [practiceInput()] })
      .expect(403);
  });
});
