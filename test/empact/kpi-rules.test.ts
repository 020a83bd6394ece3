import { describe, expect, it } from 'vitest';
import type { KpiReport } from '../../server/shared/api/empact';
import { periodBounds } from '../../server/empact/kpi.periods';
import { kpiProgress } from '../../server/empact/kpi.progress';
import { smartProblems } from '../../server/empact/kpi.smart';

const CYCLE = { startYear: 2026, endYear: 2029 };
const SMART = {
  definition: 'Municipalities applying the administrative approach to drug-related crime',
  unit: 'municipalities',
  baselineValue: 40,
  baselineDate: '2025-12-31',
  targetValue: 120,
  targetDate: '2029-12-31',
};

describe('SMART validation', () => {
  it('accepts a KPI with a definition, unit, baseline, target and deadline', () => {
    expect(smartProblems(SMART, CYCLE)).toEqual([]);
  });

  it.each([
    ['targetValue', { targetValue: null }, 'the target value is missing'],
    ['targetDate', { targetDate: undefined }, 'the target date (the deadline) is missing'],
    ['baselineValue', { baselineValue: null }, 'the baseline value is missing'],
    ['baselineDate', { baselineDate: null }, 'the baseline date is missing'],
    ['unit', { unit: ' ' }, 'the unit is missing'],
    ['definition', { definition: 'More prevention' }, 'at least four words'],
  ])('names the missing %s', (path, change, message) => {
    const problems = smartProblems({ ...SMART, ...change }, CYCLE);
    expect(problems.map((p) => p.path)).toEqual([path]);
    expect(problems[0]!.message).toContain(message);
  });

  it('refuses a target date before the baseline date', () => {
    const problems = smartProblems({ ...SMART, targetDate: '2025-06-30' }, CYCLE);
    expect(problems).toEqual([expect.objectContaining({ path: 'targetDate', quality: 'time-bound' })]);
    expect(problems[0]!.message).toBe('the target date 2025-06-30 is not after the baseline date 2025-12-31');
  });

  it('refuses a target equal to the baseline, a deadline after the cycle and a date that does not exist', () => {
    expect(smartProblems({ ...SMART, targetValue: 40 }, CYCLE)[0]!.message).toContain(
      'the target equals the baseline (40)',
    );
    expect(smartProblems({ ...SMART, targetDate: '2030-06-30' }, CYCLE)[0]!.message).toContain(
      'after the end of the 2026-2029 cycle',
    );
    expect(smartProblems({ ...SMART, baselineDate: '2025-02-30' }, CYCLE)[0]!.message).toContain('is not a date');
  });
});

describe('reporting periods', () => {
  it('gives each frequency its first and last day', () => {
    expect(periodBounds('2027', 'annual')).toEqual({ start: '2027-01-01', end: '2027-12-31' });
    expect(periodBounds('2028-H1', 'semiannual')).toEqual({ start: '2028-01-01', end: '2028-06-30' });
    expect(periodBounds('2028-Q1', 'quarterly')).toEqual({ start: '2028-01-01', end: '2028-03-31' });
    expect(periodBounds('2028-02', 'monthly')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodBounds('2027-Q1', 'annual')).toBeNull();
  });
});

const report = (period: string, value: number, revision = 1): KpiReport => ({
  period,
  periodEnd: periodBounds(period, 'annual')!.end,
  value,
  flags: '',
  narrative: '',
  revision,
  recordedBy: 'test',
  recordedAt: '2028-01-15T00:00:00Z',
});

describe('progress and RAG status, on worked examples', () => {
  // A falling KPI: 100 at the end of 2025, target 60 by the end of 2029. By the end of 2027, 730 of 1461 days (0.5) have passed.
  const falling = { baselineValue: 100, baselineDate: '2025-12-31', targetValue: 60, targetDate: '2029-12-31' };

  it('is green when progress keeps pace with time: 80 by 2027 is half way at half time', () => {
    const p = kpiProgress(falling, [report('2026', 95), report('2027', 80)], '2028-06-30');
    expect(p).toMatchObject({ progress: 0.5, expected: 0.5, rag: 'green' });
    expect(p.latest?.period).toBe('2027');
  });

  it('is amber at 35% of the way with half the time used (ratio 0.7), red at 25% (ratio 0.5)', () => {
    expect(kpiProgress(falling, [report('2027', 86)], '2028-06-30')).toMatchObject({ progress: 0.35, rag: 'amber' });
    expect(kpiProgress(falling, [report('2027', 90)], '2028-06-30')).toMatchObject({ progress: 0.25, rag: 'red' });
  });

  it('is red when moving away from the target, and green once the target is met', () => {
    expect(kpiProgress(falling, [report('2026', 110)], '2027-01-01')).toMatchObject({ progress: -0.25, rag: 'red' });
    const rising = { baselineValue: 0, baselineDate: '2025-12-31', targetValue: 200, targetDate: '2029-12-31' };
    expect(kpiProgress(rising, [report('2026', 220)], '2027-01-01')).toMatchObject({ progress: 1.1, rag: 'green' });
  });

  it('reads the latest revision of each period, and only periods ended by the date asked', () => {
    const reports = [report('2027', 90), report('2027', 80, 2), report('2028', 70)];
    expect(kpiProgress(falling, reports, '2028-06-30')).toMatchObject({ progress: 0.5, rag: 'green' });
    expect(kpiProgress(falling, reports, '2029-01-01').latest?.period).toBe('2028');
    expect(kpiProgress(falling, [], '2029-01-01')).toMatchObject({ rag: 'not_reported', progress: null });
  });
});
