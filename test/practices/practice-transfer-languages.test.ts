import Papa from 'papaparse';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useSeededApp } from '../helpers/context';
import { practiceInput, user } from './practice-fixture';

const ctx = useSeededApp();
const CURATOR = user('curator', [], 'vertaler@eucpn.example');
const curator = () => ctx.as(CURATOR);

const DUTCH = {
  title: 'Buurtpreventie in Utrecht',
  summary: 'Bewoners lopen samen avondrondes en melden wat opvalt aan de wijkagent.',
  description: 'Een vertaling van de beschrijving: bewoners lopen samen avondrondes door hun eigen wijk.',
};

async function publishedPractice(title: string, language = 'en'): Promise<string> {
  const created = await request(curator()).post('/api/practice-workbench').send(practiceInput({ title, language }));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const slug = created.body.slug as string;
  for (const step of ['submit', 'start-review', 'publish'])
    await request(curator()).post(`/api/practice-workbench/${slug}/${step}`).expect(200);
  return slug;
}

const translationsOf = async (slug: string) =>
  (await request(curator()).get(`/api/practice-workbench/${slug}/translations`).expect(200)).body.translations as {
    locale: string;
    revision: number;
    title: string;
  }[];

describe('the practice export and import carry the language and the translations', () => {
  it('writes language and translations columns, and an import adds a changed translation as a new revision', async () => {
    const slug = await publishedPractice('Neighbourhood watch in Utrecht');
    await request(curator()).put(`/api/practice-workbench/${slug}/translations/nl`).send(DUTCH).expect(200);
    const csv = (await request(curator()).get('/api/practices/export?format=csv').expect(200)).text;
    const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true }).data;
    const row = rows.find((r) => r.slug === slug)!;
    expect(row.language).toBe('en');
    expect(JSON.parse(row.translations!)).toEqual({ nl: DUTCH });

    // Unchanged: no new revision. Changed: one more, the earlier kept.
    await request(curator()).post('/api/practice-workbench/import').send({ format: 'csv', csv }).expect(200);
    expect((await translationsOf(slug)).filter((t) => t.locale === 'nl')).toHaveLength(1);
    const changed = Papa.unparse(
      rows
        .filter((r) => r.slug === slug)
        .map((r) => ({ ...r, translations: JSON.stringify({ nl: { ...DUTCH, title: 'Buurtwacht in Utrecht' } }) })),
    );
    await request(curator()).post('/api/practice-workbench/import').send({ format: 'csv', csv: changed }).expect(200);
    expect((await translationsOf(slug)).map((t) => `${t.locale} ${t.revision} ${t.title}`)).toEqual([
      'nl 1 Buurtpreventie in Utrecht',
      'nl 2 Buurtwacht in Utrecht',
    ]);
    const json = (await request(curator()).get('/api/practices/export').expect(200)).body.practices as {
      record: { slug: string; language: string };
      translations: Record<string, { title: string }>;
    }[];
    const exported = json.find((p) => p.record.slug === slug)!;
    expect(exported.record.language).toBe('en');
    expect(exported.translations.nl?.title).toBe('Buurtwacht in Utrecht');
  });

  it('imports the language of a practice written in French from its column', async () => {
    const slug = await publishedPractice('Médiation de quartier à Lyon', 'fr');
    const csv = (await request(curator()).get('/api/practices/export?format=csv').expect(200)).text;
    const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true }).data;
    expect(rows.find((r) => r.slug === slug)?.language).toBe('fr');
    const asNew = Papa.unparse([{ ...rows.find((r) => r.slug === slug)!, slug: `${slug}-copie` }]);
    await request(curator()).post('/api/practice-workbench/import').send({ format: 'csv', csv: asNew }).expect(200);
    const copy = (await request(curator()).get(`/api/practice-workbench/${slug}-copie`).expect(200)).body;
    expect(copy.record?.language ?? copy.language).toBe('fr');
  });

  it('refuses a translation into the practice language or into a language we do not speak, in the reader language', async () => {
    const input = practiceInput({ slug: 'vertaling-fout', title: 'A practice with bad translations' });
    const res = await request(curator())
      .post('/api/practice-workbench/import?lang=fr')
      .send({ format: 'json', practices: [{ record: input, translations: { en: DUTCH, it: DUTCH } }] })
      .expect(400);
    expect(res.body.error.message).toMatch(/^Rien n’a été importé\. pratique 1 « translations/);
    const same = await request(curator())
      .post('/api/practice-workbench/import?lang=de')
      .send({ format: 'json', practices: [{ record: input, translations: { en: DUTCH } }] })
      .expect(400);
    expect(same.body.error.message).toContain('Praxis 1: eine Übersetzung in „en“');
    await request(curator()).get('/api/practice-workbench/vertaling-fout').expect(404);
  });

  it('names an unknown code of an imported practice in the reader language', async () => {
    const res = await request(curator())
      .post('/api/practice-workbench/import?lang=fr')
      .send({ format: 'json', practices: [practiceInput({ slug: 'code-inconnu', geos: ['ZZ'] })] })
      .expect(400);
    expect(res.body.error.message).toBe(
      'Rien n’a été importé. pratique 1 « geos.0 » : zone géographique inconnue « ZZ » ; voir /api/geos',
    );
  });
});
