import type {
  AssessmentDiff,
  EmpactCycle,
  EmpactKpi,
  EmpactOap,
  EmpactResult,
  PriorityDetail,
  RagStatus,
} from '../../../server/shared/api/empact';
import { empactApi } from './api';
import { formatNumber as formatInLocale } from '../../../server/shared/i18n';
import { currentLocale, t } from '../../i18n/i18n';

/** What the EMPACT view shows: a cycle's overview, or one priority's plans. No DOM here. */
export type EmpactViewState =
  | { kind: 'cycle'; cycles: EmpactCycle[]; cycle: EmpactCycle; secretariat: boolean; diff: AssessmentDiff | null }
  | { kind: 'priority'; cycle: EmpactCycle; detail: PriorityDetail };

/** The cycle running now, else the latest. */
export function currentCycle(cycles: EmpactCycle[], year = new Date().getUTCFullYear()): EmpactCycle {
  return cycles.find((c) => c.startYear <= year && year <= c.endYear) ?? cycles[cycles.length - 1]!;
}

export async function loadEmpactState(
  route: { id: string | null; cycle?: string; diff?: string },
  secretariat: boolean,
): Promise<EmpactViewState> {
  const { cycles } = await empactApi.cycles();
  if (!cycles.length) throw new Error(t('empact.no-cycle'));
  if (route.id) {
    const detail = await empactApi.priority(Number(route.id));
    return { kind: 'priority', detail, cycle: cycles.find((c) => c.code === detail.cycle)! };
  }
  const cycle = cycles.find((c) => c.code === route.cycle) ?? currentCycle(cycles);
  const diff = route.diff && /^\d+$/.test(route.diff) ? await empactApi.diff(Number(route.diff)) : null;
  return { kind: 'cycle', cycles, cycle, secretariat, diff };
}

const RAG_SYMBOLS: Record<RagStatus, string> = { green: '●', amber: '▲', red: '■', not_reported: '○' };

/** A RAG status as a shape (so colour is not the only cue) and words. */
export function ragLabel(status: RagStatus): { symbol: string; label: string } {
  return { symbol: RAG_SYMBOLS[status], label: t(`empact.rag.${status}`) };
}

export function formatNumber(value: number): string {
  return formatInLocale(value, currentLocale(), { maximumFractionDigits: 2 });
}

export function resultText(result: EmpactResult): string {
  const over = result.qualifier === 'over';
  if (result.unit === 'EUR' && result.value >= 1_000_000) {
    const amount = formatNumber(result.value / 1_000_000);
    return t(over ? 'empact.million-euro-over' : 'empact.million-euro', { amount });
  }
  const figure = `${formatNumber(result.value)} ${result.unit}`;
  return over ? t('empact.over', { figure }) : figure;
}

export interface KpiRow {
  kpi: EmpactKpi;
  /** "OA 7.3", or null for a KPI of the whole plan. */
  action: string | null;
  oap: string;
}

export function kpiRows(oaps: EmpactOap[]): KpiRow[] {
  return oaps.flatMap((o) => [
    ...o.kpis.map((kpi) => ({ kpi, action: null, oap: o.title })),
    ...o.actions.flatMap((a) => a.kpis.map((kpi) => ({ kpi, action: a.number, oap: o.title }))),
  ]);
}

export function progressText(kpi: EmpactKpi): string {
  return kpi.progress.progress === null
    ? '—'
    : formatInLocale(kpi.progress.progress, currentLocale(), { style: 'percent', maximumFractionDigits: 0 });
}

/** A period a KPI's next report could be for, spelled as its frequency wants (the first after the latest). */
export function periodHint(kpi: EmpactKpi): string {
  const examples = { annual: '2027', semiannual: '2027-H1', quarterly: '2027-Q1', monthly: '2027-01' } as const;
  return t('empact.for-example', { example: examples[kpi.frequency] });
}

/** Plan years a new OAP of this cycle may cover: one year, or two in a biannual cycle. */
export function planPeriods(cycle: EmpactCycle): { first: number; last: number }[] {
  const periods: { first: number; last: number }[] = [];
  for (let first = cycle.startYear; first + cycle.planYears - 1 <= cycle.endYear; first += cycle.planYears) {
    periods.push({ first, last: first + cycle.planYears - 1 });
  }
  return periods;
}
