import { describe, expect, it } from 'vitest';
import type { Geo } from '../../client/api/types';
import { countryEntries, matchCountries, searchKey } from '../../client/views/countries/state';

const geo = (code: string, name: string, groups: string[] = ['EU27_2020']) =>
  ({ code, name, kind: 'country', groups }) as unknown as Geo;
const GEOS = [
  geo('DE', 'Germany'),
  geo('AT', 'Austria'),
  geo('EL', 'Greece'),
  geo('NO', 'Norway', []),
  { code: 'EU27_2020', name: 'EU27', kind: 'aggregate', groups: [] } as unknown as Geo,
];

describe('the countries page', () => {
  it('lists countries only, named and sorted in the reader language, members marked', () => {
    const german = countryEntries(GEOS, 'de');
    expect(german.map((e) => e.name)).toEqual(['Deutschland', 'Griechenland', 'Norwegen', 'Österreich']);
    expect(german.find((e) => e.code === 'NO')!.member).toBe(false);
    expect(countryEntries(GEOS, 'fr').map((e) => e.code)).toEqual(['DE', 'AT', 'EL', 'NO']);
  });

  it('finds a country by its name in the language, without accents, by its English name or by code', () => {
    const dutch = countryEntries(GEOS, 'nl');
    expect(matchCountries(countryEntries(GEOS, 'de'), 'osterr').map((e) => e.code)).toEqual(['AT']);
    expect(matchCountries(dutch, 'griek').map((e) => e.code)).toEqual(['EL']);
    expect(matchCountries(dutch, 'greece').map((e) => e.code)).toEqual(['EL']);
    expect(matchCountries(dutch, 'el').map((e) => e.code)).toEqual(['EL']);
    expect(matchCountries(dutch, '')).toHaveLength(4);
    expect(searchKey('  Côte ')).toBe('cote');
  });
});
