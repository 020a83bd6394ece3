import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, formatState, linkState, parseState } from '../../client/state/url-state';

const parse = (href: string) => parseState(new URL(href, 'http://observatory.test'));

describe('URL state', () => {
  it('round-trips every part of a state', () => {
    const state = {
      ...DEFAULT_STATE,
      view: 'trends' as const,
      indicator: 'ICCS0401',
      geos: ['NL', 'DE'],
      year: 2019,
      from: 2010,
      to: 2020,
      measure: 'count' as const,
      tab: 'table' as const,
      scale: 'log' as const,
      base: 2015,
      asOf: '2026-01-01T00:00:00.000Z',
      q: 'burglary',
      facets: { rating: 'effective,promising' },
      page: 3,
    };
    expect(parse(formatState(state))).toEqual(state);
  });

  it('leaves defaults out of the URL', () => {
    expect(formatState(DEFAULT_STATE)).toBe('/');
    expect(formatState({ ...DEFAULT_STATE, view: 'compare', year: 2019 })).toBe('/compare?year=2019');
  });

  it("keeps the audit log's filters as facets and its page, so a filtered page can be shared and reloaded", () => {
    const state = {
      ...DEFAULT_STATE,
      view: 'audit' as const,
      facets: {
        actor: 'secretariat@example.eu',
        action: 'submission.*',
        target: 'user/*',
        outcome: 'denied',
        from: '2026-11-01',
        to: '2026-11-30',
      },
      page: 2,
    };
    const url = formatState(state);
    expect(url).toBe(
      '/audit?f.action=submission.*&f.actor=secretariat%40example.eu&f.from=2026-11-01&f.outcome=denied&f.target=user%2F*&f.to=2026-11-30&page=2',
    );
    expect(parse(url)).toEqual(state);
    expect(formatState({ ...DEFAULT_STATE, view: 'audit' })).toBe('/audit');
    expect(parse('/audit?f.action=&page=1')).toMatchObject({ view: 'audit', facets: {}, page: 1 });
  });

  it('reads only a positive whole page number', () => {
    for (const page of ['0', '-2', '1.5', 'two', '', '9999999'])
      expect(parse(`/audit?page=${page}`).page, page).toBe(1);
    expect(parse('/audit?page=17').page).toBe(17);
  });

  it('reads the profile geo and the practice slug from the path', () => {
    expect(parse('/profile/nl')).toMatchObject({ view: 'profile', id: 'NL' });
    expect(parse('/practices/kiva-anti-bullying')).toMatchObject({ view: 'practice', id: 'kiva-anti-bullying' });
    expect(parse('/practices')).toMatchObject({ view: 'practices', id: null });
  });

  it('ignores malformed values instead of failing', () => {
    const state = parse('/nowhere?year=20x9&geo=NL,<b>,DE&measure=weird&tab=map&indicator=%3Cscript%3E');
    expect(state).toMatchObject({
      view: 'explore',
      year: null,
      geos: ['NL', 'DE'],
      measure: 'rate',
      tab: 'chart',
      indicator: DEFAULT_STATE.indicator,
    });
  });

  it('carries indicator, geos, measure and vintage to another view, not the view details', () => {
    const from = {
      ...DEFAULT_STATE,
      indicator: 'ICCS0401',
      geos: ['NL'],
      measure: 'count' as const,
      tab: 'table' as const,
      q: 'x',
      asOf: '2026-01-01',
      facets: { outcome: 'denied' },
      page: 4,
    };
    expect(linkState(from, { view: 'compare' })).toMatchObject({
      view: 'compare',
      indicator: 'ICCS0401',
      geos: ['NL'],
      measure: 'count',
      tab: 'chart',
      q: '',
      asOf: '2026-01-01',
      facets: {},
      page: 1,
    });
  });
});
