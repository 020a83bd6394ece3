import { describe, expect, it } from 'vitest';
import type { CompareResponse, GeoProfileResponse, TrendResponse } from '../../server/shared/api/analytics';
import { useSeededApp } from '../helpers/context';

/**
 * Issue 16: an analytics answer names its indicator, and its source, in the reader's language, from
 * the label book (data/labels/indicators.json); the English answer keeps the catalogue's names.
 */
const ctx = useSeededApp();
const get = async <T>(url: string): Promise<T> => (await ctx.request().get(url).expect(200)).body as T;

const ROBBERY_SOURCE = {
  en: 'Eurostat, crim_off_cat: police-recorded offences by offence category (unit NR).',
  nl: 'Eurostat, crim_off_cat: door de politie geregistreerde misdrijven per categorie (eenheid NR).',
  fr: "Eurostat, crim_off_cat : infractions enregistrées par la police, par catégorie d'infraction (unité NR).",
  de: 'Eurostat, crim_off_cat: von der Polizei erfasste Straftaten nach Deliktskategorie (Einheit NR).',
};

describe('analytics answers name the indicator in the reader’s language', () => {
  it.each([
    ['en', 'Robbery'],
    ['nl', 'Beroving'],
    ['fr', 'Vol avec violence'],
    ['de', 'Raub'],
  ] as const)('names robbery and its source in %s in compare and trends', async (lang, name) => {
    const compare = await get<CompareResponse>(`/api/compare?indicator=ICCS0401&period=2021&measure=rate&lang=${lang}`);
    expect([compare.indicator.name, compare.indicator.source]).toEqual([name, ROBBERY_SOURCE[lang]]);
    const trend = await get<TrendResponse>(`/api/trends?indicator=ICCS0401&geo=SE&measure=count&lang=${lang}`);
    expect(trend.indicator.name).toBe(name);
  });

  it('names every indicator of a country profile in German, in JSON and in the CSV’s indicator_name', async () => {
    const english = await get<GeoProfileResponse>('/api/geos/SE/profile');
    const german = await get<GeoProfileResponse>('/api/geos/SE/profile?lang=de');
    const robbery = german.indicators.find((r) => r.indicator.code === 'ICCS0401')!;
    expect(robbery.indicator.name).toBe('Raub');
    // Every name changes: the label book has a German name for every indicator the profile lists.
    const englishNames = new Map(english.indicators.map((r) => [r.indicator.code, r.indicator.name]));
    const unchanged = german.indicators.filter((r) => r.indicator.name === englishNames.get(r.indicator.code));
    expect(unchanged.map((r) => r.indicator.code)).toEqual([]);
    const csv = (await ctx.request().get('/api/geos/SE/profile?format=csv&lang=de').expect(200)).text;
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    expect(header).toMatch(/^geo,indicator,indicator_name,/);
    expect(lines.find((l) => l.startsWith('SE,ICCS0401,'))).toMatch(/^SE,ICCS0401,Raub,/);
  });
});
