import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLAG_MEANINGS } from '../../server/shared/flags';
import { formatPercent, formatTick, formatValue } from '../../client/charts/format';
import { renderBarChart } from '../../client/charts/bar-chart';
import { currentLocale, t, useLocale } from '../../client/i18n/i18n';
import { pseudoLocalise } from '../../client/i18n/pseudo';
import { DEFAULT_STATE, formatState, linkState, parseState } from '../../client/state/url-state';
import { flagMeaning } from '../../client/views/flag-text';
import { trendStatement } from '../../client/views/trends/statement';

/** The dashboard's side of the languages (docs/i18n.md): catalogue keys in code, formats, the URL's lang. */
const CATALOGUES = 'client/i18n/catalogues';

function englishKeys(): Set<string> {
  return new Set(
    readdirSync(CATALOGUES)
      .filter((file) => file.endsWith('.en.json'))
      .flatMap((file) => Object.keys(JSON.parse(readFileSync(join(CATALOGUES, file), 'utf8')))),
  );
}

function clientSources(): string[] {
  return readdirSync('client', { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

// useLocale sets <html lang>; under Node there is only this stand-in.
(globalThis as { document?: unknown }).document ??= { documentElement: { lang: 'en' } };

describe('catalogue keys outside t("…")', () => {
  const known = englishKeys();
  const areas = new Set([...known].map((key) => key.split('.')[0]!));

  it('every key named in client/index.html (data-i18n, data-i18n-label, data-i18n-content) exists', () => {
    const html = readFileSync('client/index.html', 'utf8');
    const named = [...html.matchAll(/data-i18n(?:-label|-content)?="([^"]+)"/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(15);
    expect(named.filter((key) => !known.has(key))).toEqual([]);
  });

  it('every key-shaped string literal of a client area (tables of keys, failure keys) exists', () => {
    const unknown = clientSources().flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/'([a-z]+)\.([a-z0-9-]+)'/g)]
        .filter((m) => areas.has(m[1]!) && !known.has(`${m[1]}.${m[2]}`))
        .map((m) => `${file}: ${m[1]}.${m[2]}`),
    );
    expect(unknown).toEqual([]);
  });

  it('every flag of the server has its meaning in every language', async () => {
    for (const locale of ['en', 'nl', 'fr', 'de'] as const) {
      await useLocale(locale);
      for (const flag of Object.keys(FLAG_MEANINGS)) {
        const meaning = flagMeaning(flag);
        expect(meaning, `${flag} in ${locale}`).not.toMatch(/^\[|\[en\]/);
        if (locale === 'en') expect(meaning).toBe(FLAG_MEANINGS[flag]);
      }
    }
    await useLocale('en');
  });
});

describe('formats in the reader’s language', () => {
  it('writes values, ticks and changes as each language does', () => {
    expect(formatValue(1234.5, 'rate', 'en')).toBe('1,234.50');
    expect(formatValue(1234.5, 'rate', 'fr')).toBe('1\u202f234,50');
    expect(formatValue(1234.5, 'rate', 'de')).toBe('1.234,50');
    expect(formatValue(1234567, 'count', 'nl')).toBe('1.234.567');
    expect(formatTick(2.5, 'fr')).toBe('2,5');
    expect(formatTick(2500, 'de')).toBe('2500');
    expect(formatPercent(-4.2, 'de')).toBe('−4,2\u00a0%');
    expect(formatPercent(4.2, 'en')).toBe('+4.2%');
  });

  it('draws a chart with the locale of its options: French decimals, English by default', () => {
    const rows = [{ geo: 'FR', label: 'France', value: 1.5, flags: '' }];
    expect(renderBarChart(rows, { title: 'T', measure: 'rate' })).toContain('>1.50<');
    expect(renderBarChart(rows, { title: 'T', measure: 'rate', locale: 'fr' })).toContain('>1,50<');
  });

  it('counts with CLDR plurals, French 0 as singular', async () => {
    await useLocale('fr');
    expect(currentLocale()).toBe('fr');
    expect(t('practices.total', { count: 0 })).toBe('0 pratique');
    expect(t('practices.total', { count: 1 })).toBe('1 pratique');
    expect(t('practices.total', { count: 2 })).toBe('2 pratiques');
    await useLocale('nl');
    expect(t('practices.total', { count: 0 })).toBe('0 praktijken');
    expect(t('practices.total', { count: 1 })).toBe('1 praktijk');
    await useLocale('de');
    expect(t('component.indicators-match', { count: 1 })).toBe('1 Indikator passt');
    expect(t('component.indicators-match', { count: 2 })).toBe('2 Indikatoren passen');
    await useLocale('en');
  });

  it('states a trend in German with German numbers', async () => {
    await useLocale('de');
    const text = trendStatement('Wohnungseinbruch', 'NL', {
      from: '2012',
      to: '2022',
      n: 11,
      gaps: [],
      medianLevel: 30,
      percentChange: -35,
      cagr: -0.04,
      theilSen: { slope: -1.2, lower: -1.9, upper: -0.6 },
      mannKendall: { n: 11, s: -41, tau: -0.75, variance: 165, z: -3.1, p: 0.002 },
      ols: null,
      note: null,
    } as unknown as Parameters<typeof trendStatement>[2]);
    expect(text).toBe(
      'Wohnungseinbruch sank um 4,0 % des Medianniveaus pro Jahr in NL, 2012–2022 (Theil–Sen −1,20 pro Jahr, 95-%-KI −1,90 bis −0,600; Mann–Kendall S = −41, p < 0,01). Vom ersten zum letzten Wert: −35,0 %.',
    );
    await useLocale('en');
  });

  it('pseudo-localises by wrapping and lengthening', () => {
    expect(pseudoLocalise('Trends')).toBe('[!! Trends ~~ !!]');
  });
});

describe('the language in the URL', () => {
  const parse = (href: string) => parseState(new URL(href, 'http://observatory.test'));

  it('reads and writes lang, ignoring a language the observatory does not have', () => {
    expect(parse('/trends?lang=fr').lang).toBe('fr');
    expect(parse('/trends?lang=es').lang).toBeNull();
    expect(formatState({ ...DEFAULT_STATE, view: 'trends', lang: 'de' })).toBe('/trends?lang=de');
    expect(formatState({ ...DEFAULT_STATE, view: 'trends' })).toBe('/trends');
  });

  it('keeps the language on links to other views', () => {
    const from = { ...parse('/compare?year=2019&lang=nl') };
    expect(formatState(linkState(from, { view: 'alerts' }))).toBe('/alerts?year=2019&lang=nl');
  });
});
