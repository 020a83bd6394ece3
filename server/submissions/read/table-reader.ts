import type { Readable } from 'node:stream';
import type { ProfileDefinition } from '../../shared/api/import-profiles';
import type { RawCell } from './cell';

export type { ReadScope } from './geo-codes';
import type { Delimiter } from './delimiter';
import { buildLayout, columnAt, expandRecord, isWorldBankHeader, type TableLayout } from './layout';
import { inferColumnFormats, type NumberFormat } from './number-format';
import { type CsvRecord, csvBatches, MAX_RECORD_CHARS, RecordTooLongError } from './records';
import type { ReportBuilder } from './report';
import { RowReader } from './row-reader';

/** Rows and cells the file holds that the submission leaves out on purpose, by reason (an API answer's part). */
export type { SkippedCounts } from '../../shared/api/submissions';

import type { CellSink, TableRead } from './table-read';
export type { CellSink, ReadPlan, TableRead } from './table-read';

const PREAMBLE_LIMIT = 30;

/** Reads any of the table shapes into raw cells, in batches, following the profile's column roles. */
export function readRawCells(text: Readable, delimiter: Delimiter, read: TableRead): AsyncGenerator<RawCell[]> {
  return readTable(text, delimiter, read, new RawCellCopies());
}

class RawCellCopies implements CellSink<RawCell[]> {
  private cells: RawCell[] = [];

  take(cell: RawCell): void {
    this.cells.push({ ...cell });
  }

  batch(): RawCell[] {
    const cells = this.cells;
    this.cells = [];
    return cells;
  }
}

/** The widest header read: far more than one column per month since 1950. */
export const MAX_COLUMNS = 2000;

/** Line separators other than CR and LF: text editors may show them as breaks, but CSV readers do not. */
const UNUSUAL_SEPARATOR = /[\u2028\u2029\u0085]/;

/**
 * Reads any of the table shapes into `sink`, one batch per chunk of the file, following the profile's
 * column roles. A record over MAX_RECORD_CHARS ends the reading with an error naming the limit.
 */
export async function* readTable<Batch>(
  text: Readable,
  delimiter: Delimiter,
  read: TableRead,
  sink: CellSink<Batch>,
): AsyncGenerator<Batch> {
  try {
    yield* readRecords(text, delimiter, read, sink);
  } catch (error) {
    if (!(error instanceof RecordTooLongError)) throw error;
    text.destroy();
    read.report.error(error.row, null, null, 'line-too-long', {
      key: 'validation.line-too-long',
      params: { row: String(error.row), limit: String(MAX_RECORD_CHARS) },
    });
  }
}

async function* readRecords<Batch>(
  text: Readable,
  delimiter: Delimiter,
  read: TableRead,
  sink: CellSink<Batch>,
): AsyncGenerator<Batch> {
  let reader: RowReader | null = null;
  let preamble = 0;
  for await (const batch of csvBatches(text, delimiter)) {
    const { records, rows } = batch;
    let from = 0;
    if (!reader) {
      const worldBank = read.profile?.shape === 'worldbank' || (preamble === 0 && isWorldBankPreamble(records[0]));
      const at = records.findIndex((fields) => !worldBank || isWorldBankHeader(fields));
      if (at < 0) {
        preamble += records.length;
        if (preamble > PREAMBLE_LIMIT) return reportNoHeader(read, false);
        continue;
      }
      const header: CsvRecord = { row: rows[at]!, fields: records[at]! };
      if (!checkHeaderShape(header, read.report)) return;
      const plan = read.plan(header.fields);
      if (!plan) return;
      const layout = buildLayout(plan.format, header.fields, plan.profile);
      if (!checkLayout(layout, plan.profile, read.report, header)) return;
      from = at + 1;
      reader = new RowReader(layout, plan.profile, read, numberFormats(layout, plan.profile, read.sample), sink);
    }
    reader.takeAll(batch, from);
    yield sink.batch();
  }
  reader?.finish();
  if (!reader) reportNoHeader(read, preamble > 0);
}

function checkHeaderShape(header: CsvRecord, report: ReportBuilder): boolean {
  if (header.fields.length > MAX_COLUMNS) {
    report.error(header.row, null, header.fields.slice(0, 20).join(','), 'too-many-columns', {
      key: 'validation.too-many-columns',
      params: { count: String(header.fields.length), limit: String(MAX_COLUMNS) },
    });
    return false;
  }
  const unusual = header.fields.find((f) => UNUSUAL_SEPARATOR.test(f));
  if (unusual === undefined) return true;
  const code = unusual.match(UNUSUAL_SEPARATOR)![0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  report.error(header.row, null, unusual.slice(0, 200), 'unusual-line-separator', {
    key: 'validation.unusual-line-separator',
    params: { code },
  });
  return false;
}

function reportNoHeader(read: TableRead, noWorldBankHeader: boolean): void {
  if (noWorldBankHeader) {
    read.report.error(null, null, null, 'missing-header', { key: 'validation.no-worldbank-header' });
    return;
  }
  read.report.error(null, null, null, 'empty-file', { key: 'validation.empty-file' });
}

function isWorldBankPreamble(fields: string[] | undefined): boolean {
  return fields?.[0]?.replace(/^\uFEFF/, '').trim() === 'Data Source';
}

function checkLayout(
  layout: TableLayout,
  profile: ProfileDefinition,
  report: ReportBuilder,
  header: CsvRecord,
): boolean {
  const { columns } = profile;
  const wide = layout.format !== 'canonical' && layout.format !== 'long';
  const needed = wide ? (['indicator'] as const) : (['indicator', 'period', 'value'] as const);
  const missing: string[] = needed
    .filter((role) => role !== 'indicator' || !profile.indicatorFrom)
    .filter((role) => role === 'value' || columns[role] !== undefined || profile.fixed[role] === undefined)
    .filter((role) => columnAt(layout, columns[role]) === undefined)
    .map((role) => `${role} ("${columns[role] ?? '?'}")`);
  for (const name of profile.indicatorFrom ?? [])
    if (columnAt(layout, name) === undefined) missing.push(`indicator part ("${name}")`);
  if (columns.geo && columnAt(layout, columns.geo) === undefined) missing.push(`geo ("${columns.geo}")`);
  if (wide && layout.periodColumns.length === 0) missing.push('period columns (headers such as 2021)');
  if (!missing.length) return !reportRepeatedPeriods(layout, report, header);
  report.error(header.row, null, header.fields.join(',').slice(0, 200), 'missing-header', {
    key: 'validation.header-lacks',
    params: { missing: missing.join(', ') },
  });
  return false;
}

/**
 * Two columns naming the same period (say "2019" and "19" with two-digit years) would give every row
 * two values for one cell. Reported on the header, once per repeated column; the file is not read further.
 */
function reportRepeatedPeriods(layout: TableLayout, report: ReportBuilder, header: CsvRecord): boolean {
  const first = new Map<string, string>();
  let repeated = false;
  for (const { period, header: name } of layout.periodColumns) {
    const earlier = first.get(period);
    if (earlier === undefined) {
      first.set(period, name);
      continue;
    }
    repeated = true;
    report.error(header.row, name, name, 'duplicate-column', {
      key: 'validation.duplicate-column',
      params: { earlier, name, period },
    });
  }
  return repeated;
}

function numberFormats(layout: TableLayout, profile: ProfileDefinition, sample: string[][]): Map<number, NumberFormat> {
  const valueColumns = layout.periodColumns.length
    ? layout.periodColumns.map((p) => p.at)
    : [columnAt(layout, profile.columns.value)!];
  if (profile.numberFormat) return new Map(valueColumns.map((c) => [c, profile.numberFormat!]));
  const rows = sample
    .filter((r) => r.length === layout.width)
    .map((r) => expandRecord(layout, r).map((f) => f.replace(/\s+[A-Za-z]+\s*$/, '')));
  return inferColumnFormats(rows, valueColumns);
}
