import { describe, expect, it } from 'vitest';
import type { EmpactCycle } from '../../server/shared/api/empact';
import { currentCycle, planPeriods, resultText } from '../../client/views/empact/state';

const cycle = (code: string, planYears: number): EmpactCycle => ({
  code,
  title: code,
  startYear: Number(code.slice(0, 4)),
  endYear: Number(code.slice(5)),
  planYears,
  source: '',
  priorities: [],
  chsgs: [],
  results: [],
  assessments: [],
});

describe('the EMPACT view state', () => {
  it('offers yearly plans in 2022-2025 and biannual ones from 2026', () => {
    expect(planPeriods(cycle('2022-2025', 1))).toEqual([2022, 2023, 2024, 2025].map((y) => ({ first: y, last: y })));
    expect(planPeriods(cycle('2026-2029', 2))).toEqual([
      { first: 2026, last: 2027 },
      { first: 2028, last: 2029 },
    ]);
  });

  it('opens on the cycle running in the given year, else the latest', () => {
    const cycles = [cycle('2022-2025', 1), cycle('2026-2029', 2)];
    expect(currentCycle(cycles, 2024).code).toBe('2022-2025');
    expect(currentCycle(cycles, 2027).code).toBe('2026-2029');
    expect(currentCycle(cycles, 2031).code).toBe('2026-2029');
  });

  it('words results as they were published', () => {
    const base = { year: 2023, measure: 'x', label: 'x', source: '', sourceUrl: '' };
    expect(resultText({ ...base, value: 797_000_000, unit: 'EUR', qualifier: 'over' })).toBe('over €797 million');
    expect(resultText({ ...base, value: 13871, unit: 'persons', qualifier: 'exact' })).toBe('13,871 persons');
  });
});
