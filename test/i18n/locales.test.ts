import { describe, expect, it } from 'vitest';
import {
  countryName,
  createTranslator,
  FALLBACK_MARK,
  formatList,
  formatNumber,
  negotiateLocale,
  rankAcceptLanguage,
} from '../../server/shared/i18n';

describe('choosing the language', () => {
  it('takes an explicit choice first, then Accept-Language by weight, then English', () => {
    expect(negotiateLocale('nl', 'fr-BE,fr;q=0.9')).toBe('nl');
    expect(negotiateLocale(null, 'es;q=1, de-AT;q=0.8, fr;q=0.9')).toBe('fr');
    expect(negotiateLocale('xx', 'de-CH')).toBe('de');
    expect(negotiateLocale(undefined, 'es, it')).toBe('en');
    expect(negotiateLocale(undefined, 'fr;q=0, nl;q=0.1')).toBe('nl');
  });

  it('ranks an Accept-Language header, dropping q=0 and wildcards', () => {
    expect(rankAcceptLanguage('da, en-GB;q=0.8, *;q=0.5, de;q=0')).toEqual(['da', 'en-GB']);
  });
});

describe('plural rules are CLDR rules, not n === 1', () => {
  const message = { n: '{n, plural, one {# one} other {# other}}' };
  it.each([
    ['fr', 0, '0 one'],
    ['fr', 1, '1 one'],
    ['fr', 2, '2 other'],
    ['nl', 0, '0 other'],
    ['nl', 1, '1 one'],
    ['de', 0, '0 other'],
    ['de', 2, '2 other'],
  ] as const)('%s counts %i as "%s"', (locale, n, expected) => {
    expect(createTranslator(locale, message).t('n', { n })).toBe(expected);
  });
});

describe('a translator', () => {
  const english = { hello: 'Hello {name}', only: 'Only in English' };
  const dutch = createTranslator('nl', { hello: 'Hallo {name}' }, english);

  it('renders its own language', () => {
    expect(dutch.t('hello', { name: 'Ans' })).toBe('Hallo Ans');
  });

  it('falls back to English visibly, never blank', () => {
    expect(dutch.t('only')).toBe(`${FALLBACK_MARK}Only in English`);
  });

  it('shows an unknown key in brackets', () => {
    expect(dutch.t('nowhere')).toBe('[nowhere]');
  });
});

describe('formats follow the language', () => {
  it.each([
    ['en', '1,234.5'],
    ['fr', '1\u202f234,5'],
    ['de', '1.234,5'],
    ['nl', '1.234,5'],
  ] as const)('%s writes 1234.5 as %s', (locale, expected) => {
    expect(formatNumber(1234.5, locale)).toBe(expected);
  });

  it('joins lists in the language', () => {
    expect(formatList(['DE', 'FR', 'NL'], 'fr')).toBe('DE, FR et NL');
    expect(formatList(['DE', 'FR', 'NL'], 'nl')).toBe('DE, FR en NL');
  });

  it('names countries by Eurostat code, in the language', () => {
    expect(countryName('EL', 'en')).toBe('Greece');
    expect(countryName('EL', 'de')).toBe('Griechenland');
    expect(countryName('UK', 'fr')).toBe('Royaume-Uni');
    expect(countryName('XK', 'nl')).toBe('Kosovo');
    expect(countryName('MK', 'en')).toBe('North Macedonia');
    expect(countryName('EU27_2020', 'en')).toBeNull();
  });
});
