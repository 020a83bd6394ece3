import { isPreferredVersion } from '../cells/preferred';
import type { DbOrTx } from '../db/database';
import type { EmpactAction, EmpactKpi, EmpactOap, Frequency, KpiReport } from '../shared/api/empact';
import { type EmpactScope, maySee } from './empact.access';
import { empactDb, type EmpactKpiRow } from './empact.table';
import { periodBounds } from './kpi.periods';
import { kpiProgress } from './kpi.progress';

const list = (json: string) => JSON.parse(json) as string[];

/**
 * The plans of some priorities as the API shows them: each OAP with its actions, each action with
 * its practices and KPIs, each KPI with every report revision and its progress at `asOf`. Nothing is
 * filtered here; `visibleTree` removes what a caller may not see.
 */
export async function loadPlans(db: DbOrTx, priorityIds: number[], asOf: string): Promise<EmpactOap[]> {
  if (!priorityIds.length) return [];
  const edb = empactDb(db);
  const oaps = await edb
    .selectFrom('empact_oaps')
    .selectAll()
    .where('priority_id', 'in', priorityIds)
    .orderBy('first_year')
    .orderBy('id')
    .execute();
  const oapIds = oaps.map((o) => o.id);
  if (!oapIds.length) return [];
  const [actions, kpis, chsgs] = await Promise.all([
    edb.selectFrom('empact_actions').selectAll().where('oap_id', 'in', oapIds).orderBy('number').execute(),
    edb.selectFrom('empact_kpis').selectAll().where('oap_id', 'in', oapIds).orderBy('id').execute(),
    edb.selectFrom('empact_chsgs').select(['id', 'number']).execute(),
  ]);
  const practices = actions.length
    ? await edb
        .selectFrom('empact_action_practices')
        .leftJoin('practice_listings', (join) =>
          join
            .onRef('practice_listings.slug', '=', 'empact_action_practices.practice_slug')
            .on('practice_listings.audience', '=', 'public'),
        )
        .select(['action_id', 'practice_slug', 'relation', 'practice_listings.title'])
        .where(
          'action_id',
          'in',
          actions.map((a) => a.id),
        )
        .orderBy('practice_slug')
        .execute()
    : [];
  const shownKpis = await Promise.all(kpis.map((k) => kpiAnswer(db, k, asOf)));
  const chsgNumber = new Map(chsgs.map((c) => [c.id, c.number]));
  return oaps.map((o) => ({
    id: o.id,
    priorityId: o.priority_id,
    firstYear: o.first_year,
    lastYear: o.last_year,
    title: o.title,
    driver: o.driver,
    coDrivers: list(o.co_drivers),
    status: o.status as EmpactOap['status'],
    classification: o.classification as EmpactOap['classification'],
    kpis: shownKpis.filter((k) => k.oapId === o.id && k.actionId === null),
    actions: actions
      .filter((a) => a.oap_id === o.id)
      .map(
        (a): EmpactAction => ({
          id: a.id,
          oapId: a.oap_id,
          number: a.number,
          title: a.title,
          chsgId: a.chsg_id,
          chsgNumber: chsgNumber.get(a.chsg_id) ?? 0,
          leader: a.leader,
          participants: list(a.participants),
          startDate: a.start_date,
          endDate: a.end_date,
          expectedOutput: a.expected_output,
          status: a.status as EmpactAction['status'],
          classification: a.classification as EmpactAction['classification'],
          practices: practices
            .filter((p) => p.action_id === a.id)
            .map((p) => ({
              slug: p.practice_slug,
              title: p.title ?? null,
              relation: p.relation as 'uses' | 'produced',
            })),
          kpis: shownKpis.filter((k) => k.actionId === a.id),
        }),
      ),
  }));
}

async function kpiAnswer(db: DbOrTx, k: EmpactKpiRow, asOf: string): Promise<EmpactKpi> {
  const frequency = k.frequency as Frequency;
  const reports =
    k.indicator && k.indicator_geo ? await indicatorReports(db, k) : await typedReports(db, k.id, frequency);
  const target = {
    baselineValue: Number(k.baseline_value),
    baselineDate: k.baseline_date,
    targetValue: Number(k.target_value),
    targetDate: k.target_date,
  };
  return {
    id: k.id,
    oapId: k.oap_id,
    actionId: k.action_id,
    definition: k.definition,
    unit: k.unit,
    ...target,
    frequency,
    dataSource: k.data_source,
    indicator: k.indicator,
    indicatorGeo: k.indicator_geo,
    classification: k.classification as EmpactKpi['classification'],
    reports,
    progress: kpiProgress(target, reports, asOf),
  };
}

async function typedReports(db: DbOrTx, kpiId: number, frequency: Frequency): Promise<KpiReport[]> {
  const rows = await empactDb(db)
    .selectFrom('empact_kpi_reports')
    .selectAll()
    .where('kpi_id', '=', kpiId)
    .orderBy('period')
    .orderBy('revision')
    .execute();
  return rows.map((r) => ({
    period: r.period,
    periodEnd: periodBounds(r.period, frequency)?.end ?? r.period,
    value: Number(r.value),
    flags: r.flags,
    narrative: r.narrative,
    revision: r.revision,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
  }));
}

/** A KPI linked to an observatory indicator reads its yearly values from the current observations. */
async function indicatorReports(db: DbOrTx, k: EmpactKpiRow): Promise<KpiReport[]> {
  const rows = await db
    .selectFrom('observations')
    .select(['period', 'value', 'flags', 'recorded_at'])
    .where('indicator', '=', k.indicator!)
    .where('geo', '=', k.indicator_geo!)
    .where(isPreferredVersion('observations'))
    .orderBy('period')
    .execute();
  const first = k.baseline_date.slice(0, 4);
  const last = k.target_date.slice(0, 4);
  return rows
    .filter((r) => /^\d{4}$/.test(r.period) && r.period > first && r.period <= last && r.value !== null)
    .map((r) => ({
      period: r.period,
      periodEnd: `${r.period}-12-31`,
      value: Number(r.value),
      flags: r.flags,
      narrative: `Read from the observatory: ${k.indicator} for ${k.indicator_geo}.`,
      revision: 1,
      recordedBy: 'observatory',
      recordedAt: r.recorded_at,
    }));
}

/** Only what the caller may see: a record is hidden when it, or the plan or action above it, is restricted to others. */
export function visibleTree(oaps: EmpactOap[], scope: EmpactScope): EmpactOap[] {
  const sees = (record: { classification: string }, priorityId: number) =>
    maySee(scope, record.classification, priorityId);
  return oaps
    .filter((o) => sees(o, o.priorityId))
    .map((o) => ({
      ...o,
      kpis: o.kpis.filter((k) => sees(k, o.priorityId)),
      actions: o.actions
        .filter((a) => sees(a, o.priorityId))
        .map((a) => ({ ...a, kpis: a.kpis.filter((k) => sees(k, o.priorityId)) })),
    }));
}

/** The live view counts every report, including one for a period still running (reported early, e.g. provisional). */
export const LIVE = '9999-12-31';

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
