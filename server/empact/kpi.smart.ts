import { isCalendarDate } from './kpi.periods';

/** The parts of a KPI that SMART is checked on; missing ones arrive as null or undefined. */
export interface KpiDraft {
  definition?: string | null;
  unit?: string | null;
  baselineValue?: number | null;
  baselineDate?: string | null;
  targetValue?: number | null;
  targetDate?: string | null;
}

export interface SmartProblem {
  /** The field at fault, as the API names it. */
  path: string;
  /** Which SMART quality it fails. */
  quality: 'specific' | 'measurable' | 'time-bound';
  message: string;
}

/**
 * SMART is checked, not just written: a KPI needs a specific definition, a unit, a baseline (value
 * and date), a target that differs from the baseline, and a deadline after the baseline date and
 * within the cycle. Each missing or inconsistent part is named. "Achievable" and "relevant" are
 * judgements the secretariat makes; the relevance to an action or plan is enforced by the schema.
 */
export function smartProblems(kpi: KpiDraft, cycle: { startYear: number; endYear: number }): SmartProblem[] {
  const problems: SmartProblem[] = [];
  const add = (path: string, quality: SmartProblem['quality'], message: string) =>
    problems.push({ path, quality, message });
  if (!kpi.definition || kpi.definition.trim().split(/\s+/).length < 4) {
    add(
      'definition',
      'specific',
      'the definition must say what is counted, in at least four words (e.g. "Municipalities applying the administrative approach")',
    );
  }
  if (!kpi.unit?.trim()) add('unit', 'measurable', 'the unit is missing (e.g. "municipalities", "%", "EUR")');
  if (!isFiniteNumber(kpi.baselineValue))
    add('baselineValue', 'measurable', 'the baseline value is missing: state the value measured at the baseline date');
  if (!kpi.baselineDate)
    add('baselineDate', 'time-bound', 'the baseline date is missing: say when the baseline was measured (YYYY-MM-DD)');
  else if (!isCalendarDate(kpi.baselineDate))
    add('baselineDate', 'time-bound', `the baseline date "${kpi.baselineDate}" is not a date YYYY-MM-DD`);
  if (!isFiniteNumber(kpi.targetValue))
    add('targetValue', 'measurable', 'the target value is missing: a KPI needs a measurable target');
  else if (isFiniteNumber(kpi.baselineValue) && kpi.targetValue === kpi.baselineValue) {
    add(
      'targetValue',
      'measurable',
      `the target equals the baseline (${kpi.baselineValue}), so progress cannot be measured; name the change sought`,
    );
  }
  if (!kpi.targetDate) add('targetDate', 'time-bound', 'the target date (the deadline) is missing');
  else if (!isCalendarDate(kpi.targetDate))
    add('targetDate', 'time-bound', `the target date "${kpi.targetDate}" is not a date YYYY-MM-DD`);
  else if (kpi.baselineDate && isCalendarDate(kpi.baselineDate) && kpi.targetDate <= kpi.baselineDate) {
    add(
      'targetDate',
      'time-bound',
      `the target date ${kpi.targetDate} is not after the baseline date ${kpi.baselineDate}`,
    );
  } else if (Number(kpi.targetDate.slice(0, 4)) > cycle.endYear) {
    add(
      'targetDate',
      'time-bound',
      `the target date ${kpi.targetDate} is after the end of the ${cycle.startYear}-${cycle.endYear} cycle`,
    );
  }
  return problems;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
