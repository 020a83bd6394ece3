import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mannKendall, theilSen } from '../../server/analytics/statistics/trend-tests';
import { readCrimeCounts } from './eurostat-files';

interface Reference {
  iccs: string;
  geo: string;
  n: number;
  s: number;
  variance: number;
  z: number;
  p: number;
  theilSen: number;
}

// Made by scripts/mann-kendall-reference.py (SciPy 1.17.1, p = 2·norm.sf(|Z|)) from the real counts.
const here = path.dirname(fileURLToPath(import.meta.url));
const reference = JSON.parse(readFileSync(path.join(here, 'fixtures/mann-kendall-scipy.json'), 'utf8')) as {
  series: Reference[];
};

function realSeries(
  counts: ReturnType<typeof readCrimeCounts>,
  iccs: string,
  geo: string,
): { years: number[]; values: number[] } {
  const years: number[] = [];
  const values: number[] = [];
  for (let year = 2008; year <= 2022; year++) {
    const cell = counts.get(`${iccs}|${geo}|${year}`);
    if (cell) {
      years.push(year);
      values.push(cell.value);
    }
  }
  return { years, values };
}

describe('Mann–Kendall against SciPy on every real count series', () => {
  const counts = readCrimeCounts();

  it('covers every crim_off_cat series with at least 3 values (753 of them have 5 or more)', () => {
    expect(reference.series.length).toBe(767);
    expect(reference.series.filter((r) => r.n >= 5).length).toBe(753);
  });

  it('agrees on S, Var(S), Z and the p-value to 1e-9, and on the Theil–Sen slope', () => {
    let worstP = 0;
    for (const r of reference.series) {
      const { years, values } = realSeries(counts, r.iccs, r.geo);
      expect(values.length, `${r.iccs} ${r.geo}`).toBe(r.n);
      const mk = mannKendall(values)!;
      expect(mk.s).toBe(r.s);
      expect(Math.abs(mk.variance - r.variance)).toBeLessThanOrEqual(1e-9 * Math.max(1, r.variance));
      expect(Math.abs(mk.z - r.z)).toBeLessThanOrEqual(1e-9);
      worstP = Math.max(worstP, Math.abs(mk.p - r.p));
      expect(Math.abs(mk.p - r.p), `${r.iccs} ${r.geo}: p ${mk.p} vs SciPy ${r.p}`).toBeLessThanOrEqual(1e-9);
      expect(theilSen(years, values)!.slope).toBeCloseTo(r.theilSen, 9);
    }
    expect(worstP).toBeLessThan(1e-12);
  });
});
