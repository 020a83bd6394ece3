import { describe, expect, it } from 'vitest';
import type { NamedGeo } from '../../server/correspondences/geo-names';
import { nameKey, nameVariants } from '../../server/correspondences/name-key';
import { findShippedCorrespondence } from '../../server/correspondences/shipped';
import { GeoNameMatcher } from '../../server/submissions/read/geo-match/geo-name-matcher';
import { readSharedData } from '../helpers/shared-data';
import { ITALY_FILES } from './italy-profile';

const geo = (code: string, name: string, level: number, country = 'IT'): NamedGeo => ({
  code,
  name,
  level,
  country,
  territorial: true,
});

const GEOS = new Map(
  [
    geo('IT', 'Italia', 0),
    geo('ITC2', 'Valle d’Aosta/Vallée d’Aoste', 2),
    geo('ITC20', 'Valle d’Aosta/Vallée d’Aoste', 3),
    geo('ITH58', 'Forlì-Cesena', 3),
    geo('ITF11', 'L’Aquila', 3),
    geo('FRL03', 'Alpes-Maritimes', 3, 'FR'),
  ].map((g) => [g.code, g]),
);

describe('name keys', () => {
  it('ignore case, accents, hyphens, apostrophes and spacing, and nothing else', () => {
    expect(nameKey('Forlì - Cesena')).toBe(nameKey('Forlì-Cesena'));
    expect(nameKey('FORLI CESENA')).toBe(nameKey('forlì-cesena'));
    expect(nameKey("L'Aquila")).toBe(nameKey('L’Aquila'));
    expect(nameKey('Reggio Emilia')).not.toBe(nameKey('Reggio nell’Emilia'));
    expect(nameVariants('Valle d’Aosta/Vallée d’Aoste')).toEqual([
      'valledaostavalleedaoste',
      'valledaosta',
      'valleedaoste',
    ]);
  });
});

describe('the name matcher', () => {
  const scope = new Set(['IT']);

  it('places a name one geo has, at any level', () => {
    const matcher = new GeoNameMatcher(undefined, GEOS, scope, true);
    expect(matcher.match('Forli - Cesena')).toEqual({ kind: 'geo', geo: 'ITH58' });
    expect(matcher.match("l'aquila")).toEqual({ kind: 'geo', geo: 'ITF11' });
    expect(matcher.match('Atlantide')).toEqual({ kind: 'none' });
  });

  it('never guesses between two geos of one name, unless the level settles it', () => {
    const any = new GeoNameMatcher(undefined, GEOS, scope, true).match('Valle d’Aosta');
    expect(any.kind).toBe('ambiguous');
    expect(any.kind === 'ambiguous' && any.geos.map((g) => g.code)).toEqual(['ITC2', 'ITC20']);
    const level3 = { shipped: null, entries: [], level: 3 };
    expect(new GeoNameMatcher(level3, GEOS, scope, true).match('Vallée d’Aoste')).toEqual({
      kind: 'geo',
      geo: 'ITC20',
    });
  });

  it('does not match names of another country, and flags a correspondence line pointing there', () => {
    const own = { shipped: null, entries: [{ name: 'Nizza', geo: 'FRL03' }], level: null };
    const matcher = new GeoNameMatcher(own, GEOS, scope, true);
    expect(matcher.match('Alpes-Maritimes')).toEqual({ kind: 'none' });
    expect(matcher.match('nizza')).toMatchObject({ kind: 'other-country', geo: { code: 'FRL03' } });
  });

  it('puts the profile’s own lines before the shipped correspondence', () => {
    const own = { shipped: 'it-provinces-nuts3', entries: [{ name: 'Bolzano', geo: 'ITH1' }], level: 3 };
    expect(new GeoNameMatcher(own, GEOS, scope, true).match('BOLZANO')).toEqual({ kind: 'geo', geo: 'ITH1' });
  });
});

describe('the shipped Italian correspondence', () => {
  const table = findShippedCorrespondence('it-provinces-nuts3')!;

  it('places every province name of both ministry files, each at its own NUTS 3 region', () => {
    for (const year of [2018, 2019] as const) {
      const names = new Set(
        readSharedData(ITALY_FILES[year], 'latin1')
          .split(/\r?\n/)
          .slice(1)
          .map((l) => l.split(';')[2])
          .filter((n): n is string => Boolean(n)),
      );
      expect(names.size).toBe(106);
      const geos = [...names].map((n) => table.entries.find((e) => nameKey(e.name) === nameKey(n))?.geo);
      expect(geos.every((g) => g && /^IT[C-I][0-9A-Z]{2}$/.test(g))).toBe(true);
      expect(new Set(geos).size).toBe(106);
    }
    expect(table.unmatched.map((u) => u.geo)).toEqual(['ITG2H']);
  });

  it('maps the variants the ministry writes otherwise', () => {
    const at = (name: string) => table.entries.find((e) => e.name === name)?.geo;
    expect([at('Pesaro - Urbino'), at('Bolzano'), at('Reggio Calabria'), at('Reggio Emilia'), at('Aosta')]).toEqual([
      'ITI31',
      'ITH10',
      'ITF65',
      'ITH53',
      'ITC20',
    ]);
    expect(at('Forlì - Cesena')).toBe('ITH58');
    expect(at('Massa Carrara')).toBe('ITI11');
  });
});
