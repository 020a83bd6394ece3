import { loadIndicatorCatalogue } from '../../server/indicators/indicator.catalogue';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { INDICATOR_TEXTS, loadLabelBook, renderLabels } from '../../server/labels/label.book';
import { FALLBACK_MARK, LOCALES } from '../../server/shared/i18n';
import type { LabelEntry } from '../../server/shared/api/labels';
import { VOCABULARY_NAMES } from '../../server/shared/vocabulary-labels';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp({ each: true });

const labelsIn = async (lang: string, query: Record<string, string> = {}) =>
  (
    await ctx
      .request()
      .get('/api/labels')
      .query({ lang, ...query })
      .expect(200)
  ).body.data as LabelEntry[];

describe('every domain label', () => {
  it('exists in the four languages, each with a source, or is visibly an English fallback', async () => {
    const entries = await labelsIn('nl');
    const vocabularyValues = Object.values(VOCABULARY_NAMES).reduce((n, v) => n + Object.keys(v).length, 0);
    // Every indicator × (name, definition, methodology) + each source and intended source it has
    // + 10 themes + every vocabulary value.
    const catalogue = loadIndicatorCatalogue().indicators;
    const indicators = catalogue.length;
    expect(indicators).toBeGreaterThanOrEqual(36);
    const sources = catalogue.filter((i) => i.source !== null).length;
    const intended = catalogue.filter((i) => i.intendedSource !== null).length;
    expect(entries.length).toBe(indicators * 3 + sources + intended + 10 + vocabularyValues);
    for (const entry of entries) {
      for (const locale of LOCALES) {
        const label = entry.labels[locale];
        expect(label.text.trim(), `${entry.subject}/${entry.code} ${locale}`).not.toBe('');
        expect(label.source.trim(), `${entry.subject}/${entry.code} ${locale}`).not.toBe('');
        if (label.fallback) expect(label.text.startsWith(FALLBACK_MARK)).toBe(true);
      }
      // The catalogue holds every language of every name today: nothing falls back. A methodology
      // or source text may be new in English and wait for its translation (shown marked, above).
      expect(entry.labels.en.status).toBe('reference');
      if (INDICATOR_TEXTS.includes(entry.subject)) continue;
      expect(
        LOCALES.filter((l) => entry.labels[l].fallback),
        `${entry.subject}/${entry.code}`,
      ).toEqual([]);
      expect(entry.labels.nl.status, 'Dutch is always the observatory translation').toBe('unreviewed');
    }
  });

  it('names Eurostat only for French and German ICCS indicator names', async () => {
    const official = (await labelsIn('en')).flatMap((e) =>
      LOCALES.filter((l) => e.labels[l].status === 'official').map((l) => ({ ...e, locale: l })),
    );
    expect(official.length).toBeGreaterThan(0);
    for (const entry of official) {
      expect(entry.subject).toBe('indicator');
      expect(entry.code).toMatch(/^ICCS/);
      expect(['fr', 'de']).toContain(entry.locale);
      expect(entry.labels[entry.locale].source).toBe(`Eurostat, ICCS codelist, ${entry.locale}`);
    }
  });

  it('tells the source in the reader language', async () => {
    const burglary = (await labelsIn('fr')).find((e) => e.subject === 'indicator' && e.code === 'ICCS0501')!;
    expect(burglary.labels.fr).toEqual({
      text: 'Cambriolage',
      status: 'official',
      source: 'Eurostat, liste de codes ICCS, fr',
      fallback: false,
    });
    expect(burglary.labels.nl).toMatchObject({
      text: 'Inbraak',
      source: 'traduit par l’observatoire, pas encore relu',
    });
  });

  it('falls back to English, marked, where a translation is missing', async () => {
    const book = await loadLabelBook(ctx.db, { catalogue: { version: 'x', sources: {}, themes: {}, indicators: {} } });
    const homicide = renderLabels(book.get('indicator', 'ICCS0101')!.labels, 'de');
    expect(homicide.en).toMatchObject({ text: 'Intentional homicide', fallback: false });
    expect(homicide.de).toEqual({
      text: `${FALLBACK_MARK}Intentional homicide`,
      status: 'fallback',
      source: 'noch nicht übersetzt: auf Englisch angezeigt',
      fallback: true,
    });
  });

  it('lists what is left to review in one language', async () => {
    const left = await labelsIn('en', { status: 'unreviewed', locale: 'fr' });
    expect(left.every((e) => e.labels.fr.status === 'unreviewed')).toBe(true);
    expect(left.some((e) => e.code === 'ICCS0501' && e.subject === 'indicator')).toBe(false);
  });
});

describe('reviewing a label', () => {
  const path = '/api/labels/indicator/ICCS05012/nl';

  it('adds a revision, keeps the history, audits it and serves the correction', async () => {
    const cp = ctx.asRole('contact_point', ['NL']);
    const reviewed = await request(cp)
      .post(`${path}/review`)
      .send({ text: 'Woninginbraak', comment: 'gangbare term bij de politie' })
      .expect(200);
    expect(reviewed.body).toMatchObject({ revision: 1, labels: { nl: { text: 'Woninginbraak', status: 'reviewed' } } });
    expect(reviewed.body.labels.nl.source).toMatch(/^reviewed by cp-nl@example\.eu on /);

    await request(cp).post(`${path}/review`).send({}).expect(200);
    const history = (await ctx.request().get(`${path}/history`).expect(200)).body.revisions;
    expect(history.map((r: { revision: number; text: string }) => [r.revision, r.text])).toEqual([
      [0, 'Inbraak in woningen'],
      [1, 'Woninginbraak'],
      [2, 'Woninginbraak'],
    ]);
    expect(history[0]).toMatchObject({ status: 'unreviewed', reviewer: null });

    const indicator = (await ctx.request().get('/api/indicators/ICCS05012?lang=nl').expect(200)).body;
    expect(indicator.name).toBe('Woninginbraak');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'outcome'])
      .where('target', '=', 'label/indicator/ICCS05012/nl')
      .execute();
    expect(audit).toEqual([
      { action: 'label.review', actor: 'cp-nl@example.eu', outcome: 'ok' },
      { action: 'label.review', actor: 'cp-nl@example.eu', outcome: 'ok' },
    ]);
  });

  it("holds a contact point to their countries' languages and leaves English to the catalogue", async () => {
    const nl = ctx.asRole('contact_point', ['NL']);
    const refused = await request(nl).post('/api/labels/theme/drugs/fr/review').send({}).expect(403);
    expect(refused.body.error.message).toContain('(nl)');
    await request(ctx.asRole('contact_point', ['BE']))
      .post('/api/labels/theme/drugs/fr/review')
      .send({})
      .expect(200);
    await request(ctx.asRole('secretariat')).post('/api/labels/theme/drugs/de/review').send({}).expect(200);
    await request(nl).post('/api/labels/theme/drugs/en/review').send({}).expect(400);
    await request(ctx.asRole('curator')).post('/api/labels/theme/drugs/nl/review').send({}).expect(403);
    const unknown = await request(nl).post('/api/labels/theme/no_such_theme/nl/review').send({}).expect(404);
    expect(unknown.body.error.message).toContain('theme/no_such_theme');
    await request(nl).post('/api/labels/theme/drugs/nl/review').send({ text: '   ' }).expect(400);
  });

  it('makes a corrected label searchable at once', async () => {
    await request(ctx.asRole('secretariat'))
      .post('/api/labels/indicator/ICCS0401/de/review')
      .send({ text: 'Raubüberfall' })
      .expect(200);
    const found = (await ctx.request().get('/api/indicators').query({ q: 'raububerfall' }).expect(200)).body.data;
    expect(found.map((i: { code: string }) => i.code)).toEqual(['ICCS0401']);
  });
});
