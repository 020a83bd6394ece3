import type { AssessmentChange, EmpactAction, EmpactKpi, EmpactOap } from '../shared/api/empact';
import { currentReports } from './kpi.progress';

type Change = AssessmentChange;

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

function compare(
  changes: Change[],
  record: Change['record'],
  id: number,
  label: string,
  fields: [string, unknown, unknown][],
): void {
  for (const [field, then, now] of fields) {
    // biome-ignore lint/suspicious/noThenProperty: "then" is the value at the assessment (beside "now"), an API field name; no object here is awaited
    if (text(then) !== text(now)) changes.push({ record, id, label, field, then: text(then), now: text(now) });
  }
}

function kpiChanges(changes: Change[], then: EmpactKpi | undefined, now: EmpactKpi | undefined): void {
  const kpi = (then ?? now)!;
  const label = kpi.definition;
  if (!then || !now) {
    changes.push({
      record: 'kpi',
      id: kpi.id,
      label,
      field: 'record',
      // biome-ignore lint/suspicious/noThenProperty: "then" is the value at the assessment (beside "now"), an API field name; no object here is awaited
      then: then ? 'present' : null,
      now: now ? 'present' : null,
    });
    return;
  }
  const reportsThen = new Map(currentReports(then.reports).map((r) => [r.period, r.value]));
  const reportsNow = new Map(currentReports(now.reports).map((r) => [r.period, r.value]));
  const periods = [...new Set([...reportsThen.keys(), ...reportsNow.keys()])].sort();
  compare(changes, 'kpi', kpi.id, label, [
    ...periods.map((p): [string, unknown, unknown] => [`report ${p}`, reportsThen.get(p), reportsNow.get(p)]),
    ['target', `${then.targetValue} by ${then.targetDate}`, `${now.targetValue} by ${now.targetDate}`],
    ['progress', then.progress.progress, now.progress.progress],
    ['status', then.progress.rag, now.progress.rag],
  ]);
}

function actionChanges(changes: Change[], then: EmpactAction | undefined, now: EmpactAction | undefined): void {
  const action = (then ?? now)!;
  const label = `${action.number} ${action.title}`;
  if (!then || !now) {
    changes.push({
      record: 'action',
      id: action.id,
      label,
      field: 'record',
      // biome-ignore lint/suspicious/noThenProperty: "then" is the value at the assessment (beside "now"), an API field name; no object here is awaited
      then: then ? 'present' : null,
      now: now ? 'present' : null,
    });
    return;
  }
  compare(changes, 'action', action.id, label, [
    ['status', then.status, now.status],
    ['end date', then.endDate, now.endDate],
  ]);
}

function pairs<T extends { id: number }>(then: T[], now: T[]): [T | undefined, T | undefined][] {
  const ids = [...new Set([...then.map((x) => x.id), ...now.map((x) => x.id)])].sort((a, b) => a - b);
  return ids.map((id) => [then.find((x) => x.id === id), now.find((x) => x.id === id)]);
}

const kpisOf = (oaps: EmpactOap[]) => oaps.flatMap((o) => [...o.kpis, ...o.actions.flatMap((a) => a.kpis)]);

/** Every difference, record by record: added or removed records, report values, targets, progress, RAG and statuses. */
export function diffPlans(then: EmpactOap[], now: EmpactOap[]): Change[] {
  const changes: Change[] = [];
  for (const [a, b] of pairs(then, now)) {
    const oap = (a ?? b)!;
    compare(changes, 'oap', oap.id, oap.title, [
      ['record', a ? 'present' : null, b ? 'present' : null],
      ['status', a?.status, b?.status],
    ]);
  }
  for (const [a, b] of pairs(
    then.flatMap((o) => o.actions),
    now.flatMap((o) => o.actions),
  ))
    actionChanges(changes, a, b);
  for (const [a, b] of pairs(kpisOf(then), kpisOf(now))) kpiChanges(changes, a, b);
  return changes;
}
