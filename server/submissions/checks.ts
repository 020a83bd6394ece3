import { sql } from 'kysely';
import type { DbOrTx } from '../db/database';
import { DEFAULT_ENTRIES_PER_CODE, type ReportBuilder } from './report';

const sameCell = (a: string, b: string) =>
  sql.raw(`${a}.submission_id = ${b}.submission_id and ${a}.indicator = ${b}.indicator and ${a}.geo = ${b}.geo and ${a}.period = ${b}.period`);

/**
 * The same cell twice: an identical repeat is dropped, a repeat with another value or flags is a
 * `duplicate-cell` error pointing at the first row. Runs in SQL over the staged cells, so memory stays flat.
 */
export async function checkDuplicates(tx: DbOrTx, submissionId: number, report: ReportBuilder): Promise<void> {
  const repeated = await tx
    .selectFrom('submission_cells')
    .select(sql<number>`count(*)`.as('n'))
    .where('submission_id', '=', submissionId)
    .groupBy(['indicator', 'geo', 'period'])
    .having(sql`count(*)`, '>', 1)
    .limit(1)
    .execute();
  if (!repeated.length) return;

  await sql`delete from submission_cells where submission_id = ${submissionId} and exists (
      select 1 from submission_cells e where ${sameCell('e', 'submission_cells')}
        and e.source_row < submission_cells.source_row
        and (e.value = submission_cells.value or (e.value is null and submission_cells.value is null))
        and e.flags = submission_cells.flags)`.execute(tx);

  const conflicts = sql`from submission_cells s join submission_cells f on ${sameCell('f', 's')} and f.source_row < s.source_row
      where s.submission_id = ${submissionId}
        and not exists (select 1 from submission_cells e where ${sameCell('e', 'f')} and e.source_row < f.source_row)`;
  const listed = await sql<{ source_row: number; geo: string; indicator: string; period: string; value: number | null; first_row: number }>`
      select s.source_row, s.geo, s.indicator, s.period, s.value, f.source_row as first_row ${conflicts}
      order by s.source_row limit ${DEFAULT_ENTRIES_PER_CODE}`.execute(tx);
  const total = await sql<{ n: number }>`select count(*) as n ${conflicts}`.execute(tx);
  for (const r of listed.rows) {
    report.error(r.source_row, 'value', r.value === null ? '' : String(r.value), 'duplicate-cell',
      `${r.geo} ${r.indicator} ${r.period} already appears in row ${r.first_row} with a different value or flags. Keep one of the two rows.`);
  }
  report.countOmitted('duplicate-cell', 'error', Number(total.rows[0]?.n ?? 0) - listed.rows.length);
}

/**
 * `implausible-change` warnings: a yearly count that moves more than its indicator's threshold from
 * the previous year (in the file, or else in published data). DHIS2 calls this an outlier check.
 */
export async function checkImplausibleChanges(tx: DbOrTx, submissionId: number, report: ReportBuilder): Promise<void> {
  const previousPeriod = sql`case when length(s.period) = 4 then cast(cast(s.period as integer) - 1 as varchar(16)) end`;
  const body = sql`from submission_cells s
      join indicators i on i.code = s.indicator and i.unit = 'count'
      left join submission_cells p on p.submission_id = s.submission_id and p.indicator = s.indicator and p.geo = s.geo and p.period = ${previousPeriod}
      left join observations o on o.indicator = s.indicator and o.geo = s.geo and o.period = ${previousPeriod}
      where s.submission_id = ${submissionId} and length(s.period) = 4 and s.value > 0
        and coalesce(p.value, o.value) > 0
        and (s.value > (1 + i.implausible_change) * coalesce(p.value, o.value)
          or coalesce(p.value, o.value) > (1 + i.implausible_change) * s.value)`;
  const listed = await sql<{ source_row: number; geo: string; indicator: string; period: string; value: number; previous: number; threshold: number }>`
      select s.source_row, s.geo, s.indicator, s.period, s.value, coalesce(p.value, o.value) as previous, i.implausible_change as threshold
      ${body} order by s.source_row limit ${DEFAULT_ENTRIES_PER_CODE}`.execute(tx);
  if (!listed.rows.length) return;
  const total = await sql<{ n: number }>`select count(*) as n ${body}`.execute(tx);
  for (const r of listed.rows) {
    const change = Math.round(((r.value - r.previous) / r.previous) * 100);
    report.warning(r.source_row, 'value', String(r.value), 'implausible-change',
      `${r.geo} ${r.indicator} ${r.period} is ${r.value}, ${change > 0 ? '+' : ''}${change} % against ${r.previous} the year before; ` +
        `the indicator flags changes beyond ${Math.round(r.threshold * 100)} %. Check the figure; if it is right, add a note or a "b" (break in series) flag.`);
  }
  report.countOmitted('implausible-change', 'warning', Number(total.rows[0]?.n ?? 0) - listed.rows.length);
}
