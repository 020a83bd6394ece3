import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { readPracticeSeed } from '../../server/practices/practice.seed';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp({ each: true });

const BURGLARY_PRACTICES = [
  'alley-gating',
  'hot-spots-policing',
  'kirkholt-burglary-prevention',
  'neighbourhood-watch',
  'secured-by-design',
];

const slugsFor = async (q: string, lang = 'en') =>
  (await ctx.request().get('/api/practices').query({ q, lang, pageSize: '100' }).expect(200)).body.data.map(
    (p: { slug: string }) => p.slug,
  ) as string[];

const FRENCH = {
  title: 'Fermeture des ruelles',
  summary: 'Des grilles verrouillables ferment les ruelles à l’arrière des maisons mitoyennes aux cambrioleurs.',
  description:
    'Les ruelles derrière les maisons mitoyennes donnent aux cambrioleurs un accès caché. Les fermer réduit les cambriolages.',
};

describe('practice search across languages', () => {
  it.each(['inbraak', 'cambriolage', 'Einbruch'])('"%s" finds the burglary practices', async (q) => {
    const slugs = await slugsFor(q);
    expect(slugs).toEqual(expect.arrayContaining(BURGLARY_PRACTICES));
    expect(slugs).not.toContain('kiva-anti-bullying');
  });

  it('ranks practices whose own text matches above those found through a label', async () => {
    const body = (await ctx.request().get('/api/practices').query({ q: 'burglary' }).expect(200)).body;
    expect(body.data[0].slug).toBe('kirkholt-burglary-prevention');
    // "burglary" alone finds no more through the labels than the practices already tagged with it.
    expect(body.meta.total).toBeGreaterThanOrEqual(BURGLARY_PRACTICES.length);
  });

  it('finds a practice by the words of its translation', async () => {
    expect(await slugsFor('ruelles')).toEqual([]);
    await request(ctx.asRole('curator'))
      .put('/api/practice-workbench/alley-gating/translations/fr')
      .send(FRENCH)
      .expect(200);
    expect(await slugsFor('ruelles')).toEqual(['alley-gating']);
  });
});

describe('a practice in the reader language', () => {
  it('shows the translation when there is one, else the original with a note in the reader language', async () => {
    const curator = ctx.asRole('curator');
    const added = await request(curator).put('/api/practice-workbench/alley-gating/translations/fr').send(FRENCH);
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ slug: 'alley-gating', locale: 'fr', revision: 1 });

    const fr = (await ctx.request().get('/api/practices/alley-gating?lang=fr').expect(200)).body;
    expect(fr.record).toMatchObject({ ...FRENCH, language: 'en' });
    expect(fr.language).toEqual({
      original: 'en',
      shown: 'fr',
      translated: true,
      note: 'Traduit ; l’original est en anglais.',
    });
    expect(fr.evidence.ratingLabel).toBe('Prometteuse');

    const de = (await ctx.request().get('/api/practices/alley-gating').set('Accept-Language', 'de').expect(200)).body;
    expect(de.record.title).toBe('Alley gating');
    expect(de.language).toEqual({
      original: 'en',
      shown: 'en',
      translated: false,
      note: 'Verfasst auf Englisch: noch keine Übersetzung auf Deutsch.',
    });
    const en = (await ctx.request().get('/api/practices/alley-gating').expect(200)).body;
    expect(en.language.note).toBeNull();

    const card = (await ctx.request().get('/api/practices?q=gating&lang=fr').expect(200)).body.data[0];
    expect(card).toMatchObject({ slug: 'alley-gating', title: FRENCH.title, language: { translated: true } });

    // The workbench shows the original, so a curator never saves a translation over it.
    const working = (await request(curator).get('/api/practice-workbench/alley-gating?lang=fr').expect(200)).body;
    expect(working.record.title).toBe('Alley gating');
  });

  it('keeps every revision of a translation and audits each', async () => {
    const curator = ctx.asRole('curator');
    await request(curator).put('/api/practice-workbench/alley-gating/translations/fr').send(FRENCH).expect(200);
    const second = { ...FRENCH, title: 'Fermeture des venelles' };
    const again = await request(curator).put('/api/practice-workbench/alley-gating/translations/fr').send(second);
    expect(again.body.revision).toBe(2);
    const history = (await request(curator).get('/api/practice-workbench/alley-gating/translations').expect(200)).body;
    expect(history.translations.map((t: { revision: number; title: string }) => [t.revision, t.title])).toEqual([
      [1, 'Fermeture des ruelles'],
      [2, 'Fermeture des venelles'],
    ]);
    expect((await ctx.request().get('/api/practices/alley-gating?lang=fr')).body.record.title).toBe(
      'Fermeture des venelles',
    );
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'target'])
      .where('target', '=', 'practice-workbench/alley-gating/fr')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]!.action).toBe('practice-workbench.translation.update');
  });

  it('names the original language of a practice written in Dutch, and refuses a "translation" into it', async () => {
    const [seed] = readPracticeSeed();
    const secretariat = ctx.asRole('secretariat');
    const created = await request(secretariat)
      .post('/api/practice-workbench')
      .send({ ...seed, slug: 'buurtpreventie-test', title: 'Buurtpreventie in de wijk', language: 'nl' })
      .expect(201);
    expect(created.body.language).toMatchObject({ original: 'nl', shown: 'nl' });
    for (const action of ['submit', 'start-review', 'publish'])
      await request(secretariat).post(`/api/practice-workbench/buurtpreventie-test/${action}`).send({}).expect(200);
    const en = (await ctx.request().get('/api/practices/buurtpreventie-test').expect(200)).body;
    expect(en.language.note).toBe('Written in Dutch: no English translation yet.');
    const nl = (await ctx.request().get('/api/practices/buurtpreventie-test?lang=nl').expect(200)).body;
    expect(nl.language.note).toBeNull();
    const refused = await request(secretariat)
      .put('/api/practice-workbench/buurtpreventie-test/translations/nl')
      .send(FRENCH)
      .expect(400);
    expect(refused.body.error.message).toContain('is written in nl');
  });

  it('lets only curators and the secretariat add translations, with precise errors', async () => {
    await request(ctx.asRole('contact_point', ['GB']))
      .put('/api/practice-workbench/alley-gating/translations/fr')
      .send(FRENCH)
      .expect(403);
    const short = await request(ctx.asRole('curator'))
      .put('/api/practice-workbench/alley-gating/translations/fr')
      .send({ ...FRENCH, summary: 'court' })
      .expect(400);
    expect(short.body.error.message).toContain('summary');
    await request(ctx.asRole('curator'))
      .put('/api/practice-workbench/alley-gating/translations/es')
      .send(FRENCH)
      .expect(400);
    await request(ctx.asRole('curator'))
      .put('/api/practice-workbench/no-such-practice/translations/fr')
      .send(FRENCH)
      .expect(404);
  });
});
