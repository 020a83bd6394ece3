import type { DbOrTx } from '../db/database';
import type { EmpactChsg, EmpactCycle, EmpactPriority, EmpactResult } from '../shared/api/empact';
import { empactDb } from './empact.table';

/** Every tag a practice may carry, "<cycle>/<priority code>" and "<cycle>/chsg-<n>", by cycle. */
export async function listEmpactTags(db: DbOrTx): Promise<Map<string, Set<string>>> {
  const edb = empactDb(db);
  const [cycles, priorities, chsgs] = await Promise.all([
    edb.selectFrom('empact_cycles').select('code').execute(),
    edb.selectFrom('empact_priorities').select(['cycle', 'code']).execute(),
    edb.selectFrom('empact_chsgs').select(['cycle', 'number']).execute(),
  ]);
  const tags = new Map(cycles.map((c) => [c.code, new Set<string>()]));
  for (const p of priorities) tags.get(p.cycle)?.add(`${p.cycle}/${p.code}`);
  for (const c of chsgs) tags.get(c.cycle)?.add(`${c.cycle}/chsg-${c.number}`);
  return tags;
}

export async function listPriorities(
  db: DbOrTx,
  where: { cycle?: string; id?: number } = {},
): Promise<EmpactPriority[]> {
  const edb = empactDb(db);
  let query = edb.selectFrom('empact_priorities').selectAll().orderBy('cycle').orderBy('number');
  if (where.cycle) query = query.where('cycle', '=', where.cycle);
  if (where.id !== undefined) query = query.where('id', '=', where.id);
  const rows = await query.execute();
  if (!rows.length) return [];
  const links = await edb
    .selectFrom('empact_priority_indicators')
    .selectAll()
    .where(
      'priority_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('indicator')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    cycle: r.cycle,
    code: r.code,
    number: r.number,
    name: r.name,
    description: r.description,
    indicators: links.filter((l) => l.priority_id === r.id).map((l) => l.indicator),
  }));
}

export async function listChsgs(db: DbOrTx, cycle?: string): Promise<EmpactChsg[]> {
  let query = empactDb(db).selectFrom('empact_chsgs').selectAll().orderBy('cycle').orderBy('number');
  if (cycle) query = query.where('cycle', '=', cycle);
  return query.execute();
}

export async function listResults(db: DbOrTx, cycle: string): Promise<EmpactResult[]> {
  const rows = await empactDb(db)
    .selectFrom('empact_results')
    .selectAll()
    .where('cycle', '=', cycle)
    .orderBy('year')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    year: r.year,
    measure: r.measure,
    label: r.label,
    value: Number(r.value),
    unit: r.unit,
    qualifier: r.qualifier,
    source: r.source,
    sourceUrl: r.source_url,
  }));
}

type CycleFields = Omit<EmpactCycle, 'priorities' | 'chsgs' | 'results' | 'assessments'>;

export async function listCycles(db: DbOrTx): Promise<CycleFields[]> {
  const rows = await empactDb(db).selectFrom('empact_cycles').selectAll().orderBy('start_year').execute();
  return rows.map((r) => ({
    code: r.code,
    title: r.title,
    startYear: r.start_year,
    endYear: r.end_year,
    planYears: r.plan_years,
    source: r.source,
  }));
}

export async function insertChsg(
  db: DbOrTx,
  chsg: { cycle: string; number: number; title: string; source: string },
): Promise<number> {
  const row = await empactDb(db).insertInto('empact_chsgs').values(chsg).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertResult(db: DbOrTx, result: EmpactResult & { cycle: string }): Promise<void> {
  const { sourceUrl, ...rest } = result;
  await empactDb(db)
    .insertInto('empact_results')
    .values({ ...rest, source_url: sourceUrl })
    .execute();
}
