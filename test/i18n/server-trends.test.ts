import { describe, expect, it } from 'vitest';
import type { TrendResponse } from '../../server/shared/api/analytics';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp();

/**
 * Switzerland's homicide rate (real seed): a new segment in 2020, where its population source changes
 * from Eurostat's tps00001 (demo_pjan lacks Switzerland) to the World Bank's mid-year estimates.
 */
const QUERY = '/api/trends?indicator=ICCS0101&geo=CH&measure=rate';

describe('trend statements in the reader language', () => {
  it.each([
    [
      'en',
      'population source changes: Eurostat tps00001 before, World Bank SP.POP.TOTL from here',
      'only 2 values in this segment: no trend statistics (3 needed)',
    ],
    [
      'nl',
      'de bron van de bevolkingscijfers verandert: eerst Eurostat tps00001, vanaf hier World Bank SP.POP.TOTL',
      'slechts 2 waarden in dit segment: geen trendstatistieken (3 nodig)',
    ],
    [
      'fr',
      "changement de source de la population : Eurostat tps00001 auparavant, World Bank SP.POP.TOTL à partir d'ici",
      'seulement 2 valeurs dans ce segment : pas de statistiques de tendance (3 nécessaires)',
    ],
    [
      'de',
      'die Quelle der Bevölkerungszahl wechselt: bisher Eurostat tps00001, ab hier World Bank SP.POP.TOTL',
      'nur 2 Werte in diesem Abschnitt: keine Trendstatistik (3 erforderlich)',
    ],
  ])('states the break and the short segment in %s', async (lang, reason, note) => {
    const body: TrendResponse = (await ctx.request().get(QUERY).set('Accept-Language', lang).expect(200)).body;
    // 2011 is a break flagged (b) in the population; 2020 the change of source.
    expect(body.breakReasons.at(-1)).toEqual({ period: '2020', reason });
    expect(body.segments.map((s) => s.note)).toEqual([null, null, note]);
  });

  it('keeps one cached trend per language, and one ETag each', async () => {
    const french = await ctx.request().get(`${QUERY}&lang=fr`).expect(200);
    const german = await ctx
      .request()
      .get(`${QUERY}&lang=de`)
      .set('If-None-Match', String(french.headers.etag))
      .expect(200);
    expect(german.body.segments[2].note).toMatch(/^nur 2 Werte/);
    await ctx.request().get(`${QUERY}&lang=de`).set('If-None-Match', String(german.headers.etag)).expect(304);
  });

  it('refuses "from" after "to" in the language', async () => {
    const answer = await ctx.request().get(`${QUERY}&from=2020&to=2010&lang=nl`).expect(400);
    expect(answer.body.error.message).toBe('"from" (2020) ligt na "to" (2010).');
  });
});
