import type { LocalisedText, MessageParams } from '../shared/i18n';
import { translate } from '../i18n/translate';
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
  /** In English; `localised` renders it in the reader's language. */
  message: string;
  localised: LocalisedText;
}

/**
 * SMART is checked, not just written: a KPI needs a specific definition, a unit, a baseline (value
 * and date), a target that differs from the baseline, and a deadline after the baseline date and
 * within the cycle. Each missing or inconsistent part is named. "Achievable" and "relevant" are
 * judgements the secretariat makes; the relevance to an action or plan is enforced by the schema.
 */
export function smartProblems(kpi: KpiDraft, cycle: { startYear: number; endYear: number }): SmartProblem[] {
  const problems: SmartProblem[] = [];
  const add = (path: string, quality: SmartProblem['quality'], problem: string, params?: MessageParams) => {
    const localised = {
      key: 'empact.kpi-smart-problem',
      params: { path, quality, problem: { key: `empact.kpi-${problem}`, params } },
    };
    problems.push({ path, quality, message: translate('en', localised.params.problem), localised });
  };
  if (!kpi.definition || kpi.definition.trim().split(/\s+/).length < 4) {
    add('definition', 'specific', 'definition-vague');
  }
  if (!kpi.unit?.trim()) add('unit', 'measurable', 'unit-missing');
  if (!isFiniteNumber(kpi.baselineValue)) add('baselineValue', 'measurable', 'baseline-value-missing');
  if (!kpi.baselineDate) add('baselineDate', 'time-bound', 'baseline-date-missing');
  else if (!isCalendarDate(kpi.baselineDate))
    add('baselineDate', 'time-bound', 'baseline-date-invalid', { date: kpi.baselineDate });
  if (!isFiniteNumber(kpi.targetValue)) add('targetValue', 'measurable', 'target-value-missing');
  else if (isFiniteNumber(kpi.baselineValue) && kpi.targetValue === kpi.baselineValue) {
    add('targetValue', 'measurable', 'target-equals-baseline', { baseline: kpi.baselineValue });
  }
  if (!kpi.targetDate) add('targetDate', 'time-bound', 'target-date-missing');
  else if (!isCalendarDate(kpi.targetDate))
    add('targetDate', 'time-bound', 'target-date-invalid', { date: kpi.targetDate });
  else if (kpi.baselineDate && isCalendarDate(kpi.baselineDate) && kpi.targetDate <= kpi.baselineDate) {
    add('targetDate', 'time-bound', 'target-before-baseline', { target: kpi.targetDate, baseline: kpi.baselineDate });
  } else if (Number(kpi.targetDate.slice(0, 4)) > cycle.endYear) {
    add('targetDate', 'time-bound', 'target-after-cycle', {
      target: kpi.targetDate,
      cycle: `${cycle.startYear}-${cycle.endYear}`,
    });
  }
  return problems;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
