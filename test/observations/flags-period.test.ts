import { describe, expect, it } from 'vitest';
import { FlagCache, normaliseFlags, unionFlags, unknownFlags } from '../../server/cells/flags';
import { isPeriodInRange, parsePeriod, PeriodCache } from '../../server/cells/period';

describe('observation flags', () => {
  it('normalise to each letter once in a fixed order', () => {
    expect(normaliseFlags('pe')).toBe('ep');
    expect(normaliseFlags('e p, p')).toBe('ep');
    expect(normaliseFlags('')).toBe('');
  });
  it('keep c and C apart', () => {
    expect(normaliseFlags('Cc')).toBe('cC');
  });
  it('report unknown letters', () => {
    expect(unknownFlags('epx')).toEqual(['x']);
    expect(unknownFlags('b d')).toEqual([]);
  });
  it('propagate as a union', () => {
    expect(unionFlags('p', 'e', 'p')).toBe('ep');
  });
});

describe('periods', () => {
  it('parse years, quarters and months with sortable starts', () => {
    expect(parsePeriod('2019')).toEqual({ code: '2019', kind: 'year', year: 2019, start: '2019-01-01' });
    expect(parsePeriod('2019-Q3')?.start).toBe('2019-07-01');
    expect(parsePeriod('2019-11')?.start).toBe('2019-11-01');
  });
  it('refuse malformed codes', () => {
    for (const bad of ['19', '2019-Q5', '2019-13', '2019/01', 'abcd', '']) expect(parsePeriod(bad), bad).toBeNull();
  });
  it('accept only years from 1950 to now', () => {
    const now = new Date('2026-06-01');
    expect(isPeriodInRange(parsePeriod('1949')!, now)).toBe(false);
    expect(isPeriodInRange(parsePeriod('2026')!, now)).toBe(true);
    expect(isPeriodInRange(parsePeriod('2027')!, now)).toBe(false);
  });
});

describe('the period cache', () => {
  it('reads as parsePeriod does, valid or not', () => {
    const cache = new PeriodCache();
    for (const text of ['2019', '2019-Q3', '2019-11', ' 2019 ', '19', '2019-13', 'abcd', '']) {
      expect(cache.parse(text), text).toEqual(parsePeriod(text));
      expect(cache.parse(text), `${text} again`).toEqual(parsePeriod(text));
    }
  });
  it("shares one frozen period per text, so no caller can change another cell's period", () => {
    const cache = new PeriodCache();
    const first = cache.parse('2019-Q3')!;
    expect(cache.parse('2019-Q3')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => {
      (first as { start: string }).start = '1900-01-01';
    }).toThrow(TypeError);
    expect(cache.parse('2019-Q3')).toEqual({ code: '2019-Q3', kind: 'quarter', year: 2019, start: '2019-07-01' });
  });
  it('stays within its limit and keeps no long texts', () => {
    const cache = new PeriodCache(3);
    for (let year = 2000; year < 2010; year++) {
      expect(cache.parse(String(year))?.year).toBe(year);
      expect(cache.size).toBeLessThanOrEqual(3);
    }
    const empty = new PeriodCache();
    expect(empty.parse('x'.repeat(1000))).toBeNull();
    expect(empty.size).toBe(0);
  });
});

describe('the flag cache', () => {
  it('reads as normaliseFlags and unknownFlags do', () => {
    const cache = new FlagCache();
    for (const text of ['p', 'pe', 'e p, p', 'Cc', 'epx', 'b d', 'x,y', ':']) {
      for (const round of ['first', 'again']) {
        expect(cache.read(text), `${text} ${round}`).toEqual({
          normalised: normaliseFlags(text),
          unknown: unknownFlags(text),
        });
      }
    }
  });
  it("shares one frozen reading per text, so no caller can change another cell's flags", () => {
    const cache = new FlagCache();
    const first = cache.read('epx');
    expect(cache.read('epx')).toBe(first);
    expect(() => (first.unknown as string[]).push('y')).toThrow(TypeError);
    expect(() => {
      (first as { normalised: string }).normalised = 'b';
    }).toThrow(TypeError);
    expect(cache.read('epx')).toEqual({ normalised: 'ep', unknown: ['x'] });
  });
  it('stays within its limit and keeps no long texts', () => {
    const cache = new FlagCache(2);
    for (const text of ['b', 'd', 'e', 'f', 'p', 'u']) {
      expect(cache.read(text).normalised).toBe(text);
      expect(cache.size).toBeLessThanOrEqual(2);
    }
    const empty = new FlagCache();
    expect(empty.read('p'.repeat(1000)).normalised).toBe('p');
    expect(empty.size).toBe(0);
  });
});
