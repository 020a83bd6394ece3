import { afterAll, describe, expect, it } from 'vitest';
import { useLocale } from '../../client/i18n/i18n';
import { sharedWarnings, warningSentence } from '../../client/views/compare/warnings';
import type { CompareResponse } from '../../server/shared/api/analytics';
import { REFERENCE_GROUP } from '../../server/shared/reference-group';
import { useSeededApp } from '../helpers/context';

/** The compare view's comparability caveats, fed the seeded API's real answers in each language. */
const ctx = useSeededApp();
afterAll(async () => useLocale('en'));

const compareIn = async (lang: string): Promise<CompareResponse> =>
  (
    await ctx
      .request()
      .get(`/api/compare?indicator=ICCS0101&period=2021&measure=rate&group=${REFERENCE_GROUP}&lang=${lang}`)
      .expect(200)
  ).body as CompareResponse;

/** Each language's wording of the population-break caveat (client/i18n/catalogues/numbers.*.json). */
const POPULATION_BREAK = {
  en: 'Populations for 2021 have a break in series (b)',
  nl: 'De bevolkingscijfers voor 2021 hebben een breuk in de reeks (b)',
  fr: 'Les populations de 2021 présentent une rupture de série (b)',
  de: 'Die Bevölkerungszahlen für 2021 haben einen Zeitreihenbruch (b)',
} as const;

describe('compare: the flag caveats are recognised in every language (real seed, 2021)', () => {
  it.each(['en', 'nl', 'fr', 'de'] as const)(
    'groups the %s warnings by the same kinds as the English ones',
    async (lang) => {
      const english = sharedWarnings(await compareIn('en'));
      expect(english.some((w) => w.kind !== null)).toBe(true);
      const answer = await compareIn(lang);
      await useLocale(lang);
      const shared = sharedWarnings(answer);
      expect(shared.map((w) => [w.kind, w.geos])).toEqual(english.map((w) => [w.kind, w.geos]));
      // Two members' 2021 populations carry a break (b) in the seed.
      const populationBreak = shared.find((w) => w.kind === 'populationB')!;
      expect(populationBreak.geos).toHaveLength(2);
      expect(warningSentence(populationBreak, answer)).toContain(POPULATION_BREAK[lang]);
    },
  );

  it('writes the client’s own sentence, with the period, for a known kind in each language', async () => {
    for (const lang of ['en', 'nl', 'fr', 'de'] as const) {
      const answer = await compareIn(lang);
      await useLocale(lang);
      const known = sharedWarnings(answer).filter((w) => w.kind !== null);
      expect(known.length).toBeGreaterThan(0);
      for (const warning of known) expect(warningSentence(warning, answer)).toContain('2021');
    }
  });
});

describe('compare: a national definition note is quoted whole beside the flag caveats', () => {
  it('keeps a note that itself holds "; " as one reason, after the known kinds', () => {
    const reasons = [
      { key: 'analytics.comparability.count-break' },
      {
        key: 'analytics.comparability.profile-note',
        params: { profile: 'nl-cbs', note: 'excludes attempts; from 2019' },
      },
    ];
    const answer = {
      period: '2021',
      rows: [],
      warnings: ['NL', 'BE'].map((geo) => ({
        geo,
        flags: 'b',
        reason: 'breuk in de reeks (b): niet vergelijkbaar; importprofiel nl-cbs: excludes attempts; from 2019',
        reasonMessage: { key: 'analytics.comparability.reasons', params: { reasons } },
      })),
    } as unknown as CompareResponse;
    expect(sharedWarnings(answer)).toEqual([
      { kind: 'countB', reason: 'breuk in de reeks (b): niet vergelijkbaar', geos: ['NL', 'BE'] },
      { kind: null, reason: 'importprofiel nl-cbs: excludes attempts; from 2019', geos: ['NL', 'BE'] },
    ]);
  });
});
