import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../server/http/actor';
import { ANONYMOUS } from '../../server/http/actor';
import { practiceInput, user } from './practice-fixture';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp();
const appAs = (actor: Actor) => ctx.as(actor);
const contactNL = () => appAs(user('contact_point', ['NL'], 'cp.nl@politie.example'));
const contactDE = () => appAs(user('contact_point', ['DE'], 'cp.de@polizei.example'));
const curator = () => appAs(user('curator', [], 'curator@eucpn.example'));
const publicApp = () => appAs(ANONYMOUS);

const publicSearch = async (q: string) =>
  (await request(publicApp()).get('/api/practices').query({ q }).expect(200)).body;
const versionCount = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('practice_versions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the workflow from draft to published', () => {
  it('keeps drafts from the public and publishes only after review, keeping every version', async () => {
    const created = await request(contactNL())
      .post('/api/practice-workbench')
      .send(practiceInput({ title: 'Zuiderpark cocooning pilot' }))
      .expect(201);
    const slug = created.body.slug;
    expect(created.body).toMatchObject({ state: 'draft', version: 1 });

    await request(publicApp()).get(`/api/practices/${slug}`).expect(404);
    expect((await publicSearch('zuiderpark')).meta.total).toBe(0);
    expect((await request(publicApp()).get('/api/practices/export?format=json').expect(200)).text).not.toContain(slug);

    await request(contactNL()).post(`/api/practice-workbench/${slug}/submit`).expect(200, { state: 'submitted' });
    await request(contactNL()).post(`/api/practice-workbench/${slug}/publish`).expect(403);
    await request(curator()).post(`/api/practice-workbench/${slug}/start-review`).expect(200, { state: 'in_review' });
    await request(curator())
      .post(`/api/practice-workbench/${slug}/return`)
      .send({ comment: 'Add the sample size of the evaluation.' })
      .expect(200, { state: 'returned' });
    const returned = await request(contactNL()).get(`/api/practice-workbench/${slug}`).expect(200);
    expect(returned.body.reviewComment).toBe('Add the sample size of the evaluation.');
    expect((await publicSearch('zuiderpark')).meta.total).toBe(0);

    const edited = practiceInput({
      title: 'Zuiderpark cocooning pilot',
      summary: 'A pilot that visits the neighbours of burgled homes in Zuiderpark to advise on security.',
    });
    const afterEdit = await request(contactNL()).put(`/api/practice-workbench/${slug}`).send(edited).expect(200);
    expect(afterEdit.body).toMatchObject({
      state: 'returned',
      reviewComment: 'Add the sample size of the evaluation.',
    });
    await request(contactNL()).post(`/api/practice-workbench/${slug}/submit`).expect(200);
    await request(curator()).post(`/api/practice-workbench/${slug}/start-review`).expect(200);
    await request(curator()).post(`/api/practice-workbench/${slug}/publish`).expect(200, { state: 'published' });

    const published = await request(publicApp()).get(`/api/practices/${slug}`).expect(200);
    expect(published.body.record.summary).toContain('in Zuiderpark');
    expect((await publicSearch('zuiderpark')).data.map((h: { slug: string }) => h.slug)).toEqual([slug]);

    // Editing a published practice makes a new draft; the public keeps the published version.
    await request(contactNL())
      .put(`/api/practice-workbench/${slug}`)
      .send({ ...edited, title: 'Zuiderpark cocooning, tweede fase' })
      .expect(200);
    expect((await request(publicApp()).get(`/api/practices/${slug}`).expect(200)).body.record.title).toBe(
      'Zuiderpark cocooning pilot',
    );
    expect((await publicSearch('tweede fase')).meta.total).toBe(0);

    const history = await request(curator()).get(`/api/practice-workbench/${slug}/history`).expect(200);
    const versions = history.body.versions;
    expect(versions.map((v: { action: string }) => v.action)).toEqual([
      'create',
      'submit',
      'start_review',
      'return',
      'edit',
      'submit',
      'start_review',
      'publish',
      'edit',
    ]);
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(versions[0].author).toBe('cp.nl@politie.example');
    expect(versions[3]).toMatchObject({
      author: 'curator@eucpn.example',
      comment: 'Add the sample size of the evaluation.',
      changes: [],
    });
    expect(versions[4].changes).toEqual([{ path: 'summary', before: practiceInput().summary, after: edited.summary }]);
    expect(versions[8].changes).toEqual([
      { path: 'title', before: 'Zuiderpark cocooning pilot', after: 'Zuiderpark cocooning, tweede fase' },
    ]);
  });

  it("locks a submitted practice against its proposer's edits until curators return it", async () => {
    const created = await request(contactNL())
      .post('/api/practice-workbench')
      .send(practiceInput({ title: 'Locked while reviewed' }))
      .expect(201);
    await request(contactNL()).post(`/api/practice-workbench/${created.body.slug}/submit`).expect(200);
    const res = await request(contactNL())
      .put(`/api/practice-workbench/${created.body.slug}`)
      .send(practiceInput({ title: 'Locked while reviewed' }))
      .expect(409);
    expect(res.body.error.message).toMatch(/locked while curators review/);
  });

  it('refuses a transition from the wrong state with a 409 that names the allowed states', async () => {
    const created = await request(curator())
      .post('/api/practice-workbench')
      .send(practiceInput({ title: 'Early publish attempt' }))
      .expect(201);
    const res = await request(curator()).post(`/api/practice-workbench/${created.body.slug}/publish`).expect(409);
    expect(res.body.error.message).toMatch(/in_review/);
  });

  it('shows a curator override and its justification to the public', async () => {
    await request(contactNL())
      .put('/api/practice-workbench/dare-original-curriculum/rating-override')
      .send({ rating: 'harmful', justification: 'Attempted override by a contact point.' })
      .expect(403);
    const justification = 'Later curricula differ; this rating is kept as derived but flagged for the curators panel.';
    await request(curator())
      .put('/api/practice-workbench/dare-original-curriculum/rating-override')
      .send({ rating: 'inconclusive', justification })
      .expect(200);
    const res = await request(publicApp()).get('/api/practices/dare-original-curriculum').expect(200);
    expect(res.body.evidence).toMatchObject({ rating: 'inconclusive', derivedRating: 'no_effect' });
    expect(res.body.evidence.override.justification).toBe(justification);
    expect(res.body.evidence.reasons[0]).toContain(justification);
    const short = await request(curator())
      .put('/api/practice-workbench/dare-original-curriculum/rating-override')
      .send({ rating: 'effective', justification: 'because' })
      .expect(400);
    expect(short.body.error.message).toMatch(/justification/);
  });
});

describe('access', () => {
  it('lets a contact point for NL propose for NL but not for DE', async () => {
    await request(contactNL())
      .post('/api/practice-workbench')
      .send(practiceInput({ geos: ['DE'], title: 'A German practice' }))
      .expect(403);
    await request(contactNL())
      .post('/api/practice-workbench')
      .send(practiceInput({ geos: ['NL', 'DE'], title: 'A joint practice' }))
      .expect(403);
  });

  it('does not let a contact point for NL edit or submit a DE practice, nor move it into NL', async () => {
    const created = await request(contactDE())
      .post('/api/practice-workbench')
      .send(practiceInput({ geos: ['DE'], title: 'Kiez cocooning' }))
      .expect(201);
    const slug = created.body.slug;
    const before = await versionCount();
    const res = await request(contactNL())
      .put(`/api/practice-workbench/${slug}`)
      .send(practiceInput({ geos: ['NL'], title: 'Kiez cocooning' }))
      .expect(403);
    expect(res.body.error.message).toContain('DE');
    await request(contactNL()).post(`/api/practice-workbench/${slug}/submit`).expect(403);
    await request(contactNL()).get(`/api/practice-workbench/${slug}`).expect(403);
    expect(await versionCount()).toBe(before);
    const mine = await request(contactNL()).get('/api/practice-workbench').query({ geo: 'DE' }).expect(200);
    expect(mine.body.data.map((h: { slug: string }) => h.slug)).not.toContain(slug);
  });

  it('answers the public with 401 on every workbench route', async () => {
    await request(publicApp()).get('/api/practice-workbench').expect(401);
    await request(publicApp()).post('/api/practice-workbench').send(practiceInput()).expect(401);
    await request(publicApp()).get('/api/practice-workbench/scared-straight/history').expect(401);
  });
});

describe('bad input gets a clear 400 and writes nothing', () => {
  const cases: [string, ReturnType<typeof practiceInput>, RegExp][] = [
    ['an unknown theme', practiceInput({ themes: ['burglary'] }), /themes\.0.*unknown theme "burglary"/],
    ['an unknown ICCS code', practiceInput({ iccsCodes: ['0999'] }), /iccsCodes\.0.*unknown ICCS code "0999"/],
    ['an unknown indicator', practiceInput({ indicators: ['ICCS9999'] }), /unknown indicator "ICCS9999"/],
    ['an unknown geo', practiceInput({ geos: ['XX'] }), /geos\.0.*unknown geo "XX"/],
    [
      'an SMS level of 6',
      practiceInput({ evaluations: [{ ...practiceInput().evaluations![0]!, sms: 6 }] }),
      /evaluations\.0\.sms.*1 to 5/,
    ],
    [
      'an SMS level of 0',
      practiceInput({ evaluations: [{ ...practiceInput().evaluations![0]!, sms: 0 }] }),
      /evaluations\.0\.sms/,
    ],
    ['an over-long title', practiceInput({ title: 'x'.repeat(201) }), /title.*longer than 200/],
    [
      'an evaluation without URL or DOI',
      practiceInput({ evaluations: [{ ...practiceInput().evaluations![0]!, url: null }] }),
      /URL or a DOI/,
    ],
    ['an unknown field', { ...practiceInput(), contactPerson: 'Jan Jansen' } as never, /contactPerson/],
  ];
  for (const [what, body, message] of cases) {
    it(`rejects ${what}`, async () => {
      const before = await versionCount();
      const res = await request(curator()).post('/api/practice-workbench').send(body).expect(400);
      expect(res.body.error.message).toMatch(message);
      expect(await versionCount()).toBe(before);
    });
  }
});
