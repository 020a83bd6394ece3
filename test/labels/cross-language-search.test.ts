import { describe, expect, it } from 'vitest';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp();

const indicatorCodes = async (q: string, lang = 'en') =>
  (await ctx.request().get('/api/indicators').query({ q, lang }).expect(200)).body.data.map(
    (i: { code: string }) => i.code,
  );

describe('indicator search across languages', () => {
  it.each(['inbraak', 'cambriolage', 'Einbruch', 'burglary'])('"%s" finds the burglary indicators', async (q) => {
    const codes = await indicatorCodes(q);
    expect(codes).toEqual(expect.arrayContaining(['ICCS0501', 'ICCS05012', 'VICTIM_BURGLARY_HH']));
    expect(codes).not.toContain('ICCS0101');
  });

  it('answers in the reader language whatever language the words are in', async () => {
    const body = (await ctx.request().get('/api/indicators').query({ q: 'inbraak', lang: 'de' }).expect(200)).body;
    const burglary = body.data.find((i: { code: string }) => i.code === 'ICCS0501');
    expect(burglary.name).toBe('Einbruchdiebstahl');
    expect(burglary.labels.name.fr).toMatchObject({ text: 'Cambriolage', status: 'official' });
    expect(burglary.labels.unit.de.text).toBe('Anzahl');
    expect(burglary.labels.theme.nl.text).toBe('Vermogenscriminaliteit');
    expect(body.themes.find((t: { code: string }) => t.code === 'drugs').name).toBe('Drogen');
  });

  it('ignores accents and case, and finds nothing for a word in no label', async () => {
    expect((await indicatorCodes('HOMICIDE volontaire')).sort()).toEqual([
      'ICCS0101',
      'ICCS0102',
      'VICT_HOMICIDE_FAMILY_F',
    ]);
    expect((await indicatorCodes('Körperverletzung')).sort()).toEqual(['ICCS020111', 'VICT_ASSAULT_FAMILY_F']);
    expect(await indicatorCodes('zzzqqq')).toEqual([]);
  });
});
