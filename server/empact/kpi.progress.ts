import { translate } from '../i18n/translate';
import type { KpiProgress, KpiReport } from '../shared/api/empact';
import type { LocalisedText } from '../shared/i18n';
import { daysBetween } from './kpi.periods';

export interface KpiTarget {
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
}

/** The documented thresholds of the RAG rule (docs/empact.md): progress ÷ expected progress. */
export const RAG_THRESHOLDS = { green: 0.9, amber: 0.6 } as const;

const round = (value: number) => Math.round(value * 1000) / 1000;

/** Each period's latest revision, ordered by period end. */
export function currentReports(reports: KpiReport[]): KpiReport[] {
  const byPeriod = new Map<string, KpiReport>();
  for (const report of reports) {
    const known = byPeriod.get(report.period);
    if (!known || report.revision > known.revision) byPeriod.set(report.period, report);
  }
  return [...byPeriod.values()].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
}

/**
 * Progress toward the target and its red/amber/green status, computed from the latest report whose
 * period ended by `asOf`, never typed:
 *   progress = (latest − baseline) ÷ (target − baseline)           (1 = target met, either direction)
 *   expected = days from baseline date to the report's period end ÷ days from baseline to target date
 *   green: progress ≥ 1, or progress ≥ 0.9 × expected; amber: progress ≥ 0.6 × expected;
 *   red: below that, or moving away from the target (progress < 0).
 */
export function kpiProgress(kpi: KpiTarget, reports: KpiReport[], asOf: string): KpiProgress {
  const due = currentReports(reports).filter((r) => r.periodEnd <= asOf);
  const latest = due.at(-1) ?? null;
  if (!latest) {
    const why: LocalisedText =
      asOf >= '9999' ? { key: 'empact.kpi.no-report-yet' } : { key: 'empact.kpi.no-report-by', params: { asOf } };
    return { latest: null, progress: null, expected: null, rag: 'not_reported', ...reasonOf(why) };
  }
  const progress = (latest.value - kpi.baselineValue) / (kpi.targetValue - kpi.baselineValue);
  const span = daysBetween(kpi.baselineDate, kpi.targetDate);
  const expected = Math.min(1, Math.max(0, daysBetween(kpi.baselineDate, latest.periodEnd) / span));
  const shown = { latest, progress: round(progress), expected: round(expected) };
  const why = (key: string): ReturnType<typeof reasonOf> =>
    reasonOf({ key: `empact.kpi.${key}`, params: { progress: percent(progress), expected: percent(expected) } });
  if (progress >= 1) return { ...shown, rag: 'green', ...why('target-met') };
  if (progress < 0) return { ...shown, rag: 'red', ...why('moved-away') };
  if (expected === 0 || progress >= RAG_THRESHOLDS.green * expected)
    return { ...shown, rag: 'green', ...why('on-track') };
  const rag = progress >= RAG_THRESHOLDS.amber * expected ? 'amber' : 'red';
  return { ...shown, rag, ...why('behind') };
}

/** A share as a whole percentage, rounded as the reason has always written it. */
const percent = (x: number) => Math.round(x * 100) / 100;

/**
 * The reason in English, the reference (a frozen assessment stores it), with its message beside: the
 * routes render it in the reader's language (inReaderLanguage).
 */
function reasonOf(message: LocalisedText): Pick<KpiProgress, 'reason' | 'reasonMessage'> {
  return { reason: translate('en', message), reasonMessage: message };
}
