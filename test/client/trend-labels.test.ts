import { describe, expect, it } from 'vitest';
import type { TrendResponse } from '../../server/shared/api/analytics';
import { seriesFromTrends } from '../../client/views/trends/series';

const trend = (geo: string) => ({ geo, breakReasons: [], points: [] }) as unknown as TrendResponse;

describe('trend line end labels (issue 20: no internal code on screen)', () => {
  it('label a country by its two-letter code and any other geo (UKC-L, a region) by its name', () => {
    const names = new Map([
      ['DE', 'Germany'],
      ['UKC-L', 'England and Wales'],
      ['ITC4C', 'Milano'],
    ]);
    const series = seriesFromTrends([trend('DE'), trend('UKC-L'), trend('ITC4C')], names, 'EU27_2020');
    expect(series.map((s) => s.shortLabel)).toEqual([undefined, 'England and Wales', 'Milano']);
  });
});
