import type { ProblemCode, ReportEntry, Severity, ValidationReport } from '../../shared/api/submissions';
import type { Locale, LocalisedText } from '../../shared/i18n';
import { translate } from '../../i18n/translate';
import type { ProblemSink, ReportProblem } from '../problems/problem-sink';

export {
  PROBLEM_CODES,
  type ProblemCode,
  type ReportEntry,
  type Severity,
  type ValidationReport,
} from '../../shared/api/submissions';

export const DEFAULT_ENTRIES_PER_CODE = 100;
const MAX_CELL_TEXT = 200;

/** A problem as the readers and checks report it: its message is a catalogue key and values (docs/i18n.md). */
export interface ReportedProblem {
  row: number | null;
  column: string | null;
  cell: string | null;
  code: ProblemCode;
  severity: Severity;
  message: LocalisedText;
}

type EntryParams = NonNullable<ReportEntry['messageParams']>;

/** Collects entries, listing at most `perCode` of each code and counting the rest. */
export class ReportBuilder implements ProblemSink {
  private readonly entries: ReportEntry[] = [];
  private readonly listed = new Map<ProblemCode, number>();
  private readonly omitted: Partial<Record<ProblemCode, number>> = {};
  private errors = 0;
  private warnings = 0;

  constructor(readonly perCode = DEFAULT_ENTRIES_PER_CODE) {}

  add({ message, ...entry }: ReportedProblem): void {
    if (entry.severity === 'error') this.errors++;
    else this.warnings++;
    const n = this.listed.get(entry.code) ?? 0;
    if (n >= this.perCode) {
      this.omitted[entry.code] = (this.omitted[entry.code] ?? 0) + 1;
      return;
    }
    this.listed.set(entry.code, n + 1);
    const cell =
      entry.cell !== null && entry.cell.length > MAX_CELL_TEXT ? `${entry.cell.slice(0, MAX_CELL_TEXT)}…` : entry.cell;
    // The key and values are stored with the report; the English text is rendered once, for listed entries only.
    this.entries.push({
      ...entry,
      cell,
      message: translate('en', message),
      messageKey: message.key,
      messageParams: (message.params ?? {}) as EntryParams,
    });
  }

  readonly error: ReportProblem = (row, column, cell, code, message) =>
    this.add({ row, column, cell, code, severity: 'error', message });

  readonly warning: ReportProblem = (row, column, cell, code, message) =>
    this.add({ row, column, cell, code, severity: 'warning', message });

  /** Counts `n` further entries of a code found in bulk (SQL checks) without listing them. */
  countOmitted(code: ProblemCode, severity: Severity, n: number): void {
    if (n <= 0) return;
    if (severity === 'error') this.errors += n;
    else this.warnings += n;
    this.omitted[code] = (this.omitted[code] ?? 0) + n;
  }

  get errorCount(): number {
    return this.errors;
  }

  build(): ValidationReport {
    return {
      valid: this.errors === 0,
      errorCount: this.errors,
      warningCount: this.warnings,
      entries: this.entries,
      omitted: this.omitted,
    };
  }
}

/**
 * A report in the reader's language: each entry's message rendered from its stored key and values,
 * and a summary line ("3 errors, 1 warning"). Entries stored before messages had keys keep their text.
 */
export function localiseReport(report: ValidationReport, locale: Locale): ValidationReport {
  return {
    ...report,
    summary: translate(locale, {
      key: 'validation.summary',
      params: { errors: report.errorCount, warnings: report.warningCount },
    }),
    entries: report.entries.map((entry) =>
      entry.messageKey
        ? { ...entry, message: translate(locale, { key: entry.messageKey, params: entry.messageParams }) }
        : entry,
    ),
  };
}
