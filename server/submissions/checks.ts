import { sql } from 'kysely';
import type { DbOrTx } from '../db/database';
import { DEFAULT_ENTRIES_PER_CODE, type ReportBuilder } from './report';

/**
 * The same cell twice: an identical repeat is dropped, a repeat with another value or flags is a
 * `duplicate-cell` error pointing at the cell's first row. Runs in SQL over the staged cells, so
 * memory stays flat, in time that grows with the number of cells, not with the square of how often
 * one cell repeats (window functions and grouping, never a join of a cell's rows with each other: a file
 * repeating one cell 5,000 times would make such a join compare 12 million pairs for that cell alone).
 */
export async function checkDuplicates(tx: DbOrTx, submissionId: number, report: ReportBuilder): Promise<number> {
  const repeated = await tx
    .selectFrom('submission_cells')
    .select(sql<number>`count(*)`.as('n'))
    .where('submission_id', '=', submissionId)
    .groupBy(['indicator', 'geo', 'period'])
    .having(sql`count(*)`, '>', 1)
    .limit(1)
    .execute();
  if (!repeated.length) return 0;

  await sql`delete from submission_cells where submission_id = ${submissionId} and (indicator, geo, period, source_row) in (
      select indicator, geo, period, source_row from (
        select indicator, geo, period, source_row,
          row_number() over (partition by indicator, geo, period, value, flags order by source_row) as nth
        from submission_cells where submission_id = ${submissionId}) repeats
      where nth > 1)`.execute(tx);

  const firsts = sql`(select indicator, geo, period, min(source_row) as first_row, count(*) as n from submission_cells
      where submission_id = ${submissionId} group by indicator, geo, period having count(*) > 1)`;
  const listed = await sql<{ source_row: number; geo: string; indicator: string; period: string; value: number | null; first_row: number }>`
      select s.source_row, s.geo, s.indicator, s.period, s.value, f.first_row
      from submission_cells s join ${firsts} f on f.indicator = s.indicator and f.geo = s.geo and f.period = s.period
      where s.submission_id = ${submissionId} and s.source_row > f.first_row
      order by s.source_row limit ${DEFAULT_ENTRIES_PER_CODE}`.execute(tx);
  const total = await sql<{ n: number }>`select coalesce(sum(f.n - 1), 0) as n from ${firsts} f`.execute(tx);
  for (const r of listed.rows) {
    report.error(r.source_row, 'value', r.value === null ? '' : String(r.value), 'duplicate-cell',
      `${r.geo} ${r.indicator} ${r.period} already appears in row ${r.first_row} with a different value or flags. Keep one of the two rows.`);
  }
  const conflicts = Number(total.rows[0]?.n ?? 0);
  report.countOmitted('duplicate-cell', 'error', conflicts - listed.rows.length);
  return conflicts;
}

/**
 * `implausible-change` warnings: a yearly count that moves more than its indicator's threshold from
 * the previous year (in the file, or else in published data). DHIS2 calls this an outlier check.
 * When some cells repeat (`repeats`: checkDuplicates found conflicts), only each cell's first row
 * is compared, with the first row of the year before: joining every repeat with every repeat of the
 * year before would grow with the square of the repeats. Files without repeats skip that filter.
 */
export async function checkImplausibleChanges(tx: DbOrTx, submissionId: number, report: ReportBuilder, repeats = false): Promise<void> {
  const firstRows = repeats ? sql`and ${firstRowOf('s', submissionId)}` : sql``;
  const firstPrevious = repeats ? sql`and ${firstRowOf('p', submissionId)}` : sql``;
  const previousPeriod = sql`case when length(s.period) = 4 then cast(cast(s.period as integer) - 1 as varchar(16)) end`;
  const body = sql`from submission_cells s
      join indicators i on i.code = s.indicator and i.unit = 'count'
      left join submission_cells p on p.submission_id = s.submission_id and p.indicator = s.indicator and p.geo = s.geo and p.period = ${previousPeriod} ${firstPrevious}
      left join observations o on o.indicator = s.indicator and o.geo = s.geo and o.period = ${previousPeriod}
      where s.submission_id = ${submissionId} and length(s.period) = 4 and s.value > 0 ${firstRows}
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

/** The row is its cell's first in the submission (a set of first rows, so the check is one semi-join). */
function firstRowOf(alias: 's' | 'p', submissionId: number) {
  const a = sql.raw(alias);
  return sql`(${a}.indicator, ${a}.geo, ${a}.period, ${a}.source_row) in (select indicator, geo, period, min(source_row)
      from submission_cells where submission_id = ${submissionId} group by indicator, geo, period)`;
}
