import type { Readable } from 'node:stream';
import type { IndicatorMapping, ProfileDefinition } from '../../shared/api/import-profiles';
import type { SkippedCounts } from '../../shared/api/submissions';
import type { RawCell } from './cell';
import { GeoResolver, type ReadScope } from './geo-codes';

export type { ReadScope } from './geo-codes';
import type { Delimiter } from './delimiter';
import {
  buildLayout,
  columnAt,
  expandRecord,
  type FileFormat,
  isWorldBankHeader,
  periodText,
  type TableLayout,
} from './layout';
import { inferColumnFormats, type NumberFormat } from './number-format';
import { type CsvBatch, type CsvRecord, csvBatches, MAX_RECORD_CHARS, RecordTooLongError } from './records';
import type { ReportBuilder } from './report';

/** Rows and cells the file holds that the submission leaves out on purpose, by reason (an API answer's part). */
export type { SkippedCounts } from '../../shared/api/submissions';

export interface ReadPlan {
  format: FileFormat;
  profile: ProfileDefinition;
  /** Why this profile reads the file, for the reading summary. */
  reason: string;
}

export interface TableRead {
  /** The profile named by the uploader, if any. */
  profile: ProfileDefinition | null;
  /** Called with the header once it is found: the format and profile to read with, or null after reporting. */
  plan: (header: string[]) => ReadPlan | null;
  scope: ReadScope;
  report: ReportBuilder;
  skipped: SkippedCounts;
  rowsRead: { n: number };
  /** The records of the file's head (sniffing sample), to settle each column's number format. */
  sample: string[][];
  /**
   * Hears each row (or wide cell) left out, why, and what decided it: the filtered column, the other geo,
   * the unmapped code or the missing period. The profile preview lists them.
   */
  leftOut?: (row: number, reason: keyof SkippedCounts, detail: string) => void;
}

const PREAMBLE_LIMIT = 30;

/**
 * Where a reader puts the cells it finds. `take` is handed one cell object that the reader refills
 * for every cell, so a sink copies whatever it keeps. A new raw cell (and record) per row was garbage
 * that validation dropped at once: without them the 1M-row bench read in 1.48 s instead of 2.24 s.
 */
export interface CellSink<Batch> {
  take(cell: RawCell): void;
  /** The cells taken since the last batch. */
  batch(): Batch;
}

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

function field(fields: string[], at: number | undefined): string {
  return at === undefined ? '' : (fields[at] ?? '').trim();
}

const WIDE_CELL = /^\s*(\S*?)\s*([A-Za-z]*)\s*$/;

class RowReader {
  private readonly at: Record<'geo' | 'indicator' | 'period' | 'value' | 'flags' | 'note', number | undefined>;
  private readonly mappings: Map<string, IndicatorMapping> | null;
  /** Columns whose values, joined, make the indicator code (profile.indicatorFrom); null: one column. */
  private readonly indicatorParts: number[] | null;
  private readonly geos: GeoResolver;
  private readonly filters: { at: number | undefined; test: (v: string) => boolean; column: string }[];
  /** Column names as the uploader sees them, for the report (shared by every cell of a long table). */
  private readonly columns: RawCell['columns'];
  private readonly valueFormat: NumberFormat | undefined;
  /** Wide tables: each period column with its cells' column names and number format, settled once. */
  private readonly periodColumns: {
    at: number;
    period: string;
    columns: RawCell['columns'];
    numberFormat: NumberFormat | undefined;
  }[];
  /** The one cell handed to the sink, refilled for each cell (see CellSink). */
  private readonly cell: RawCell;

  constructor(
    private readonly layout: TableLayout,
    private readonly profile: ProfileDefinition,
    private readonly read: TableRead,
    formats: Map<number, NumberFormat>,
    private readonly sink: CellSink<unknown>,
  ) {
    const c = profile.columns;
    this.at = {
      geo: columnAt(layout, c.geo),
      indicator: columnAt(layout, c.indicator),
      period: columnAt(layout, c.period),
      value: columnAt(layout, c.value),
      flags: columnAt(layout, c.flags),
      note: columnAt(layout, c.note),
    };
    const names = layout.names;
    this.indicatorParts = profile.indicatorFrom?.map((name) => columnAt(layout, name)!) ?? null;
    this.geos = new GeoResolver(profile, read.scope);
    this.columns = {
      geo: this.at.geo === undefined ? '(submission geo)' : names[this.at.geo]!,
      indicator: this.indicatorParts
        ? profile.indicatorFrom!.join(' | ')
        : this.at.indicator === undefined
          ? '(fixed indicator)'
          : names[this.at.indicator]!,
      period: this.at.period === undefined ? (profile.fixed.period ? '(fixed period)' : '') : names[this.at.period]!,
      value: this.at.value === undefined ? '' : names[this.at.value]!,
      flags: this.at.flags === undefined ? '(none)' : names[this.at.flags]!,
    };
    this.valueFormat = this.at.value === undefined ? undefined : formats.get(this.at.value);
    this.periodColumns = layout.periodColumns.map(({ at, period, header }) => ({
      at,
      period,
      columns: { ...this.columns, period: header, value: header },
      numberFormat: formats.get(at),
    }));
    const m = profile.indicators;
    this.mappings = m.length ? new Map(m.map((x) => [x.code.trim(), x])) : null;
    this.filters = profile.filters.map((f) => ({
      column: f.column,
      at: columnAt(layout, f.column),
      test: (v: string) =>
        (f.equals === undefined || v === f.equals) &&
        (f.in === undefined || f.in.includes(v)) &&
        (f.notIn === undefined || !f.notIn.includes(v)),
    }));
    // Same fields in the same order as before cells were reused, so copies of it look as they always did.
    this.cell = {
      row: 0,
      geo: '',
      indicator: '',
      note: '',
      period: '',
      value: '',
      flags: '',
      columns: this.columns,
      numberFormat: undefined,
      unit: '',
      whole: undefined,
    };
  }

  /**
   * Takes a chunk's records from `from` on. Rows that cannot be read are reported first, as when a
   * chunk's raw cells were all read before any was validated: the report lists entries in that order.
   */
  takeAll({ records, rows, unterminated }: CsvBatch, from: number): void {
    for (let i = from; i < records.length; i++) {
      const unterminatedQuote = unterminated?.has(rows[i]!) === true;
      if (!this.fits(records[i]!, unterminatedQuote)) this.wrongWidth(records[i]!, rows[i]!, unterminatedQuote);
    }
    for (let i = from; i < records.length; i++) {
      this.read.rowsRead.n++;
      if (this.fits(records[i]!, unterminated?.has(rows[i]!) === true)) this.take(records[i]!, rows[i]!);
    }
  }

  private fits(record: string[], unterminatedQuote: boolean): boolean {
    return record.length === this.layout.width && !unterminatedQuote;
  }

  private take(record: string[], row: number): void {
    const fields = expandRecord(this.layout, record);
    const failed = this.failedFilter(fields);
    if (failed !== null) {
      this.leaveOut(row, 'filtered', failed);
      return;
    }
    const geo =
      this.at.geo === undefined ? this.read.scope.submissionGeo : this.geos.resolve(field(fields, this.at.geo), row);
    if (geo === null) {
      this.leaveOut(row, 'otherGeo', field(fields, this.at.geo));
      return;
    }
    // A name that could not be placed: reported once per name when the file is read (geo-match/).
    if (geo === undefined) return;
    const code = this.indicatorParts
      ? this.indicatorParts.map((at) => field(fields, at)).join(' | ')
      : this.at.indicator === undefined
        ? (this.profile.fixed.indicator ?? '')
        : field(fields, this.at.indicator);
    const mapping = this.mappings?.get(code);
    if (this.mappings && !mapping) {
      this.leaveOut(row, 'unmapped', code);
      return;
    }
    const cell = this.cell;
    cell.row = row;
    cell.geo = geo;
    cell.indicator = mapping?.indicator ?? code;
    cell.note = field(fields, this.at.note) || mapping?.comparability || '';
    cell.unit = mapping?.unit ?? '';
    const extraFlags = mapping?.flags ?? '';
    // undefined rather than false: raw cells compare as before for profiles without wholes.
    cell.whole = mapping?.whole === true ? true : undefined;
    if (this.periodColumns.length === 0) {
      cell.period = periodText(
        this.at.period === undefined ? (this.profile.fixed.period ?? '') : field(fields, this.at.period),
        this.profile.yearFormat,
      );
      cell.value = field(fields, this.at.value);
      cell.flags = extraFlags ? field(fields, this.at.flags) + extraFlags : field(fields, this.at.flags);
      cell.columns = this.columns;
      cell.numberFormat = this.valueFormat;
      this.sink.take(cell);
      return;
    }
    for (const { at, period, columns, numberFormat } of this.periodColumns) {
      const [, value = '', flags = ''] = WIDE_CELL.exec(fields[at] ?? '') ?? [undefined, fields[at] ?? ''];
      if (value === '' || value === ':') {
        this.leaveOut(row, 'missing', period);
        continue;
      }
      cell.period = period;
      cell.value = value;
      cell.flags = flags + extraFlags;
      cell.columns = columns;
      cell.numberFormat = numberFormat;
      this.sink.take(cell);
    }
  }

  private leaveOut(row: number, reason: keyof SkippedCounts, detail: string): void {
    this.read.skipped[reason]++;
    this.read.leftOut?.(row, reason, detail);
  }

  /** The column of the first filter the row fails, or null when it passes them all. */
  private failedFilter(fields: string[]): string | null {
    for (const f of this.filters) if (!f.test(field(fields, f.at))) return f.column;
    return null;
  }

  /** Called once the file is read: names the unknown geo codes that were left out. */
  finish(): void {
    this.geos.reportUnknown(this.read.report, this.columns.geo, 'rows');
  }

  private wrongWidth(fields: string[], row: number, unterminatedQuote: boolean): void {
    const text = fields.join(this.layout.format === 'eurostat' ? '\t' : ',');
    const unterminated = unterminatedQuote || fields.some((f) => /[\r\n]/.test(f));
    this.read.report.error(
      row,
      null,
      text,
      unterminated ? 'unterminated-quote' : 'wrong-column-count',
      unterminated
        ? { key: 'validation.unterminated-quote', params: { row: String(row) } }
        : {
            key: 'validation.wrong-column-count',
            params: { row: String(row), fields: String(fields.length), width: String(this.layout.width) },
          },
    );
  }
}
