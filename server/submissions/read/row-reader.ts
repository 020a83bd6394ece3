import type { IndicatorMapping, ProfileDefinition } from '../../shared/api/import-profiles';
import type { SkippedCounts } from '../../shared/api/submissions';
import type { RawCell } from './cell';
import { GeoResolver } from './geo-codes';

import { columnAt, expandRecord, periodText, type TableLayout } from './layout';
import type { NumberFormat } from './number-format';
import type { CsvBatch } from './records';
import type { CellSink, TableRead } from './table-read';

export function field(fields: string[], at: number | undefined): string {
  return at === undefined ? '' : (fields[at] ?? '').trim();
}

const WIDE_CELL = /^\s*(\S*?)\s*([A-Za-z]*)\s*$/;

export class RowReader {
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
