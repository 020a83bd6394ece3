import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, formatState, linkState, parseState } from '../../client/state/url-state';

const parse = (href: string) => parseState(new URL(href, 'http://observatory.test'));

describe('URL state', () => {
  it('round-trips every part of a state', () => {
    const state = { ...DEFAULT_STATE, view: 'trends' as const, indicator: 'ICCS0401', geos: ['NL', 'DE'], year: 2019, from: 2010, to: 2020, measure: 'count' as const, tab: 'table' as const, scale: 'log' as const, base: 2015, asOf: '2026-01-01T00:00:00.000Z', q: 'burglary', facets: { rating: 'effective,promising' } };
    expect(parse(formatState(state))).toEqual(state);
  });

  it('leaves defaults out of the URL', () => {
    expect(formatState(DEFAULT_STATE)).toBe('/');
    expect(formatState({ ...DEFAULT_STATE, view: 'compare', year: 2019 })).toBe('/compare?year=2019');
  });

  it('reads the profile geo and the practice slug from the path', () => {
    expect(parse('/profile/nl')).toMatchObject({ view: 'profile', id: 'NL' });
    expect(parse('/practices/kiva-anti-bullying')).toMatchObject({ view: 'practice', id: 'kiva-anti-bullying' });
    expect(parse('/practices')).toMatchObject({ view: 'practices', id: null });
  });

  it('ignores malformed values instead of failing', () => {
    const state = parse('/nowhere?year=20x9&geo=NL,<b>,DE&measure=weird&tab=map&indicator=%3Cscript%3E');
    expect(state).toMatchObject({ view: 'explore', year: null, geos: ['NL', 'DE'], measure: 'rate', tab: 'chart', indicator: DEFAULT_STATE.indicator });
  });

  it('carries indicator, geos, measure and vintage to another view, not the view details', () => {
    const from = { ...DEFAULT_STATE, indicator: 'ICCS0401', geos: ['NL'], measure: 'count' as const, tab: 'table' as const, q: 'x', asOf: '2026-01-01' };
    expect(linkState(from, { view: 'compare' })).toMatchObject({ view: 'compare', indicator: 'ICCS0401', geos: ['NL'], measure: 'count', tab: 'chart', q: '', asOf: '2026-01-01' });
  });
});
