import { describe, expect, it } from 'vitest';
import { refreshSearchTexts } from '../../server/practices/practice.search-text';
import { queryTerm, withStems } from '../../server/practices/search-stems';
import { normaliseSearchText } from '../../server/shared/search-text';
import { useSeededApp } from '../helpers/context';

/** Issue 20: practices found by plurals, stems, and words spread over several fields, in four languages. */
const ctx = useSeededApp();

type Hit = { slug: string };
const slugs = async (q: string, extra: Record<string, string> = {}) =>
  (
    await ctx
      .request()
      .get('/api/practices')
      .query({ q, pageSize: '100', ...extra })
      .expect(200)
  ).body.data.map((h: Hit) => h.slug) as string[];

describe('stems', () => {
  it('stems a plural and its singular alike, in the text language, and a query word in every language', () => {
    expect(withStems('Burglaries', 'en')).toContain('burglari');
    expect(queryTerm('burglary').stems).toContain('burglari');
    expect(queryTerm('inbraken').stems).toContain('inbrak');
    expect(withStems('Inbraak', 'nl')).toContain('inbrak');
    // A language without a stemmer keeps its words only.
    expect(withStems('Inbraken', 'sv')).toBe('inbraken');
  });
});

describe('finding practices', () => {
  it('finds with "burglaries" every practice "burglary" finds, Neighbourhood Watch among them', async () => {
    const singular = await slugs('burglary');
    const plural = await slugs('burglaries');
    expect(plural).toContain('neighbourhood-watch');
    expect([...plural].sort()).toEqual([...singular].sort());
  });

  it('finds "burglary netherlands": the offence and the country by name are in different fields', async () => {
    expect(await slugs('burglary netherlands')).toEqual(['neighbourhood-watch']);
  });

  it('finds the same practice by its country and offence in Dutch, French and German', async () => {
    for (const q of ['inbraken nederland', 'cambriolages pays-bas', 'Einbrüche Niederlande'])
      expect(await slugs(q), q).toEqual(['neighbourhood-watch']);
  });

  it('finds a jurisdiction by its name, and a word of the mechanism with a word of the title', async () => {
    const england = await slugs('alley england wales');
    expect(england).toContain('alley-gating');
    expect(await slugs('neighbourhood surveillance')).toContain('neighbourhood-watch');
  });

  it('keeps prefixes: a word being typed still matches', async () => {
    expect(await slugs('burgl nether')).toEqual(['neighbourhood-watch']);
  });

  it('rebuilds search texts indexed before stems and names, as a database started before them', async () => {
    await ctx.db
      .updateTable('practice_listings')
      .set((eb) => ({ search_body: eb.ref('summary'), search_title: eb.ref('title') }))
      .execute();
    expect(await slugs('burglary netherlands')).toEqual([]);
    expect(await refreshSearchTexts(ctx.db)).toBeGreaterThan(0);
    expect(await slugs('burglary netherlands')).toEqual(['neighbourhood-watch']);
    const row = await ctx.db
      .selectFrom('practice_listings')
      .select('search_title')
      .where('slug', '=', 'kirkholt-burglary-prevention')
      .executeTakeFirstOrThrow();
    expect(row.search_title.startsWith(normaliseSearchText('Kirkholt'))).toBe(true);
  });
});

describe('the offence facet', () => {
  it('counts practices by linked offence or indicator, and each count is the size of its filtered list', async () => {
    const body = (await ctx.request().get('/api/practices').query({ pageSize: '100' }).expect(200)).body;
    const counts = body.facets.indicator as { value: string; count: number }[];
    expect(counts.length).toBeGreaterThan(3);
    const burglary = counts.find((c) => c.value === 'VICTIM_BURGLARY_HH');
    expect(burglary?.count).toBeGreaterThan(0);
    for (const { value, count } of counts.slice(0, 5)) {
      const filtered = (await ctx.request().get('/api/practices').query({ indicator: value }).expect(200)).body;
      expect(filtered.meta.total, value).toBe(count);
    }
  });
});
