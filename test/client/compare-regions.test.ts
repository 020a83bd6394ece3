import { describe, expect, it } from 'vitest';
import type { BarRow } from '../../client/charts/bar-chart';
import { nutsLevelOf } from '../../client/components/region-catalogue';
import { DEFAULT_STATE, formatState, parseState } from '../../client/state/url-state';
import {
  chartSubset,
  compareScope,
  EDGE,
  isExtraRegio,
  LONGEST_NAME,
  scopeFacets,
  scopeGroup,
  shortName,
} from '../../client/views/compare/scope';
import { REFERENCE_GROUP } from '../../server/shared/reference-group';
import { crimGenReg, fileValue } from '../geos/crim-gen-reg-file';

const parse = (href: string) => parseState(new URL(href, 'http://observatory.test'));

describe('Compare at NUTS level: the URL state', () => {
  it('reads the level and the country from the URL, as Explore writes them', () => {
    const scope = compareScope(parse('/compare?indicator=ICCS0401&year=2019&f.level=3&f.within=DE'));
    expect(scope).toEqual({ level: 3, within: 'DE' });
    expect(scopeGroup(scope)).toBe('DE');
  });

  it('ranks the regions of every member of the reference group when no country is given', () => {
    const scope = compareScope(parse('/compare?f.level=2'));
    expect(scope).toEqual({ level: 2, within: null });
    expect(scopeGroup(scope)).toBe(REFERENCE_GROUP);
  });

  it('falls back to countries for a level it does not know, and ignores a country without a level', () => {
    expect(compareScope(parse('/compare?f.level=7&f.within=DE'))).toEqual({ level: 0, within: null });
    expect(compareScope(parse('/compare?f.within=DE'))).toEqual({ level: 0, within: null });
    expect(compareScope(parse('/compare?f.level=1&f.within=Germany'))).toEqual({ level: 1, within: null });
  });

  it('round-trips a chosen scope through a shared link', () => {
    for (const scope of [
      { level: 3, within: 'DE' },
      { level: 1, within: null },
      { level: 0, within: null },
    ] as const) {
      const state = { ...DEFAULT_STATE, view: 'compare' as const, year: 2019, facets: scopeFacets(scope) };
      const href = formatState(state);
      expect(parse(href)).toEqual(state);
      expect(compareScope(parse(href))).toEqual(scope);
    }
    expect(formatState({ ...DEFAULT_STATE, view: 'compare', facets: scopeFacets({ level: 3, within: 'DE' }) })).toBe(
      '/compare?f.level=3&f.within=DE',
    );
    expect(formatState({ ...DEFAULT_STATE, view: 'compare', facets: scopeFacets({ level: 0, within: null }) })).toBe(
      '/compare',
    );
  });
});

describe('Trends with regions: the URL state', () => {
  it('keeps NUTS codes among the geos of a shared link, in order', () => {
    const state = parse('/trends?indicator=ICCS0401&geo=DE300,DE,EL304');
    expect(state.geos).toEqual(['DE300', 'DE', 'EL304']);
    expect(formatState(state)).toBe('/trends?indicator=ICCS0401&geo=DE300,DE,EL304');
  });

  it('tells a region code’s NUTS level', () => {
    expect(['DE3', 'DE30', 'DE300', 'DE', 'EU27_2020'].map(nutsLevelOf)).toEqual([1, 2, 3, null, null]);
  });
});

/** Germany's NUTS 3 robbery counts of 2019, straight from Eurostat's file, as Compare's bar rows. */
function germanRobbery2019(highlighted: string[] = []): { rows: BarRow[]; ranks: Map<string, number | null> } {
  const geos = [...crimGenReg().keys()]
    .map((key) => key.split('|'))
    .filter(
      ([unit, iccs, geo, year]) => unit === 'NR' && iccs === 'ICCS0401' && year === '2019' && /^DE...$/.test(geo!),
    )
    .map(([, , geo]) => geo!);
  const rows = geos.map((geo) => ({
    geo,
    label: geo,
    value: fileValue('NR', 'ICCS0401', geo, '2019') ?? null,
    flags: '',
    highlighted: highlighted.includes(geo),
  }));
  const ordered = [...rows].sort((a, b) => b.value! - a.value! || a.geo.localeCompare(b.geo));
  return { rows, ranks: new Map(ordered.map((r, i) => [r.geo, i + 1])) };
}

describe('the ranked chart of many regions', () => {
  it('draws the 15 highest and 15 lowest of Germany’s NUTS 3 regions, each with its rank, and no extra-regio bar', () => {
    const { rows, ranks } = germanRobbery2019();
    expect(rows.length).toBeGreaterThan(400);
    expect(rows.some((r) => r.geo === 'DEZZZ')).toBe(true);
    const subset = chartSubset(rows, ranks);
    expect(subset.partial).toBe(true);
    expect(subset.bars).toHaveLength(2 * EDGE);
    expect(subset.extraRegio).toBe(1);
    expect(subset.bars.map((b) => b.geo)).not.toContain('DEZZZ');
    const berlin = subset.bars.find((b) => b.geo === 'DE300')!;
    expect(berlin.value).toBe(4473);
    expect(berlin.label).toBe('1. DE300');
    const territorial = rows.filter((r) => r.geo !== 'DEZZZ' && r.value !== null);
    expect(subset.ranked).toBe(territorial.length);
    const drawnRanks = subset.bars.map((b) => ranks.get(b.geo)!);
    expect(Math.max(...drawnRanks)).toBe(Math.max(...territorial.map((r) => ranks.get(r.geo)!)));
  });

  it('adds a highlighted region from the middle of the ranking, with its rank', () => {
    const middle = [...germanRobbery2019().ranks].find(([, rank]) => rank === 200)![0];
    const { rows, ranks } = germanRobbery2019([middle]);
    const subset = chartSubset(rows, ranks);
    expect(subset.bars).toHaveLength(2 * EDGE + 1);
    expect(subset.bars.find((b) => b.geo === middle)!.label).toBe(`200. ${middle}`);
  });

  it('draws every region of a short list, no data included, extra-regio left to the table', () => {
    const rows: BarRow[] = ['DE1', 'DE2', 'DE3', 'DEZ'].map((geo, i) => ({
      geo,
      label: i === 0 ? 'Baden-Württemberg, a long name' : geo,
      value: i === 1 ? null : 10 * i,
      flags: '',
    }));
    const subset = chartSubset(
      rows,
      new Map([
        ['DE3', 1],
        ['DEZ', 2],
        ['DE1', 3],
      ]),
    );
    expect(subset.partial).toBe(false);
    expect(subset.bars.map((b) => b.geo)).toEqual(['DE1', 'DE2', 'DE3']);
    expect(subset).toMatchObject({ ranked: 2, withoutData: 1, extraRegio: 1 });
    expect(subset.bars[0]!.label.length).toBe(LONGEST_NAME);
  });

  it('shortens a long name with an ellipsis and knows extra-regio codes', () => {
    expect(shortName('Bremerhaven, Kreisfreie Stadt')).toBe('Bremerhaven,…');
    expect(shortName('Berlin')).toBe('Berlin');
    expect(['DEZ', 'DEZZ', 'DEZZZ', 'DE300', 'ITZ1'].map(isExtraRegio)).toEqual([true, true, true, false, false]);
  });
});
