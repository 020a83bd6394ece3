import type { DbOrTx } from '../db/database';
import type { ActionInput, KpiInput, OapInput, ReportInput } from './empact.schema';
import { empactDb, type EmpactActionRow, type EmpactKpiRow, type EmpactOapRow } from './empact.table';

const now = () => new Date().toISOString();

export async function getOap(db: DbOrTx, id: number): Promise<EmpactOapRow | undefined> {
  return empactDb(db).selectFrom('empact_oaps').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getAction(
  db: DbOrTx,
  id: number,
): Promise<(EmpactActionRow & { priority_id: number }) | undefined> {
  return empactDb(db)
    .selectFrom('empact_actions')
    .innerJoin('empact_oaps', 'empact_oaps.id', 'empact_actions.oap_id')
    .selectAll('empact_actions')
    .select('empact_oaps.priority_id')
    .where('empact_actions.id', '=', id)
    .executeTakeFirst();
}

export async function getKpi(db: DbOrTx, id: number): Promise<(EmpactKpiRow & { priority_id: number }) | undefined> {
  return empactDb(db)
    .selectFrom('empact_kpis')
    .innerJoin('empact_oaps', 'empact_oaps.id', 'empact_kpis.oap_id')
    .selectAll('empact_kpis')
    .select('empact_oaps.priority_id')
    .where('empact_kpis.id', '=', id)
    .executeTakeFirst();
}

function oapColumns(input: Omit<OapInput, 'priorityId'>, author: string) {
  return {
    first_year: input.firstYear,
    last_year: input.lastYear,
    title: input.title,
    driver: input.driver,
    co_drivers: JSON.stringify(input.coDrivers),
    status: input.status,
    classification: input.classification,
    updated_by: author,
    updated_at: now(),
  };
}

export async function insertOap(db: DbOrTx, input: OapInput, author: string): Promise<number> {
  const row = await empactDb(db)
    .insertInto('empact_oaps')
    .values({ priority_id: input.priorityId, ...oapColumns(input, author) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOap(db: DbOrTx, id: number, input: OapInput, author: string): Promise<void> {
  await empactDb(db).updateTable('empact_oaps').set(oapColumns(input, author)).where('id', '=', id).execute();
}

function actionColumns(input: ActionInput, chsgId: number, author: string) {
  return {
    number: input.number,
    title: input.title,
    chsg_id: chsgId,
    leader: input.leader,
    participants: JSON.stringify(input.participants),
    start_date: input.startDate,
    end_date: input.endDate,
    expected_output: input.expectedOutput,
    status: input.status,
    classification: input.classification,
    updated_by: author,
    updated_at: now(),
  };
}

export async function insertAction(
  db: DbOrTx,
  oapId: number,
  input: ActionInput,
  chsgId: number,
  author: string,
): Promise<number> {
  const row = await empactDb(db)
    .insertInto('empact_actions')
    .values({ oap_id: oapId, ...actionColumns(input, chsgId, author) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAction(
  db: DbOrTx,
  id: number,
  input: ActionInput,
  chsgId: number,
  author: string,
): Promise<void> {
  await empactDb(db)
    .updateTable('empact_actions')
    .set(actionColumns(input, chsgId, author))
    .where('id', '=', id)
    .execute();
}

export async function replaceActionPractices(
  db: DbOrTx,
  actionId: number,
  links: { slug: string; relation: string }[],
): Promise<void> {
  const edb = empactDb(db);
  await edb.deleteFrom('empact_action_practices').where('action_id', '=', actionId).execute();
  if (!links.length) return;
  await edb
    .insertInto('empact_action_practices')
    .values(links.map((l) => ({ action_id: actionId, practice_slug: l.slug, relation: l.relation })))
    .execute();
}

/** A KPI whose SMART parts have been checked, so none of them is missing any more. */
export type CheckedKpi = KpiInput & {
  definition: string;
  unit: string;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
};

export async function insertKpi(db: DbOrTx, oapId: number, kpi: CheckedKpi, author: string): Promise<number> {
  const row = await empactDb(db)
    .insertInto('empact_kpis')
    .values({
      oap_id: oapId,
      action_id: kpi.actionId ?? null,
      definition: kpi.definition,
      unit: kpi.unit,
      baseline_value: kpi.baselineValue,
      baseline_date: kpi.baselineDate,
      target_value: kpi.targetValue,
      target_date: kpi.targetDate,
      frequency: kpi.frequency,
      data_source: kpi.dataSource,
      indicator: kpi.indicator,
      indicator_geo: kpi.indicatorGeo,
      classification: kpi.classification,
      updated_by: author,
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Adds a report; a second report for the same period is a correction with the next revision. */
export async function insertReport(db: DbOrTx, kpiId: number, report: ReportInput, author: string): Promise<number> {
  const edb = empactDb(db);
  const last = await edb
    .selectFrom('empact_kpi_reports')
    .select((eb) => eb.fn.max('revision').as('revision'))
    .where('kpi_id', '=', kpiId)
    .where('period', '=', report.period)
    .executeTakeFirst();
  const revision = Number(last?.revision ?? 0) + 1;
  await edb
    .insertInto('empact_kpi_reports')
    .values({
      kpi_id: kpiId,
      period: report.period,
      revision,
      value: report.value,
      flags: report.flags,
      narrative: report.narrative,
      recorded_by: author,
      recorded_at: now(),
    })
    .execute();
  return revision;
}

/** Appends a record's current row, as stored, to its history: every create and edit calls this. */
export async function recordRevision(
  db: DbOrTx,
  record: 'oap' | 'action' | 'kpi',
  id: number,
  author: string,
): Promise<void> {
  const edb = empactDb(db);
  const row =
    record === 'oap'
      ? await edb.selectFrom('empact_oaps').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
      : record === 'action'
        ? {
            ...(await edb.selectFrom('empact_actions').selectAll().where('id', '=', id).executeTakeFirstOrThrow()),
            practices: await edb
              .selectFrom('empact_action_practices')
              .select(['practice_slug', 'relation'])
              .where('action_id', '=', id)
              .orderBy('practice_slug')
              .execute(),
          }
        : await edb.selectFrom('empact_kpis').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const last = await edb
    .selectFrom('empact_revisions')
    .select((eb) => eb.fn.max('revision').as('revision'))
    .where('record', '=', record)
    .where('record_id', '=', id)
    .executeTakeFirst();
  await edb
    .insertInto('empact_revisions')
    .values({
      record,
      record_id: id,
      revision: Number(last?.revision ?? 0) + 1,
      document: JSON.stringify(row),
      recorded_by: author,
      recorded_at: now(),
    })
    .execute();
}

export async function listRevisions(db: DbOrTx, record: 'oap' | 'action' | 'kpi', id: number) {
  const rows = await empactDb(db)
    .selectFrom('empact_revisions')
    .selectAll()
    .where('record', '=', record)
    .where('record_id', '=', id)
    .orderBy('revision')
    .execute();
  return rows.map((r) => ({
    revision: r.revision,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    document: JSON.parse(r.document) as Record<string, unknown>,
  }));
}

export async function updateKpi(db: DbOrTx, id: number, kpi: CheckedKpi, author: string): Promise<void> {
  await empactDb(db)
    .updateTable('empact_kpis')
    .set({
      definition: kpi.definition,
      unit: kpi.unit,
      baseline_value: kpi.baselineValue,
      baseline_date: kpi.baselineDate,
      target_value: kpi.targetValue,
      target_date: kpi.targetDate,
      frequency: kpi.frequency,
      data_source: kpi.dataSource,
      indicator: kpi.indicator,
      indicator_geo: kpi.indicatorGeo,
      classification: kpi.classification,
      updated_by: author,
      updated_at: now(),
    })
    .where('id', '=', id)
    .execute();
}
