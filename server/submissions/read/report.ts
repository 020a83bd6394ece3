import type { ProblemCode, ReportEntry, Severity, ValidationReport } from '../../shared/api/submissions';

export {
  PROBLEM_CODES,
  type ProblemCode,
  type ReportEntry,
  type Severity,
  type ValidationReport,
} from '../../shared/api/submissions';

export const DEFAULT_ENTRIES_PER_CODE = 100;
const MAX_CELL_TEXT = 200;

/** Collects entries, listing at most `perCode` of each code and counting the rest. */
export class ReportBuilder {
  private readonly entries: ReportEntry[] = [];
  private readonly listed = new Map<ProblemCode, number>();
  private readonly omitted: Partial<Record<ProblemCode, number>> = {};
  private errors = 0;
  private warnings = 0;

  constructor(readonly perCode = DEFAULT_ENTRIES_PER_CODE) {}

  add(entry: ReportEntry): void {
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
    this.entries.push({ ...entry, cell });
  }

  error(row: number | null, column: string | null, cell: string | null, code: ProblemCode, message: string): void {
    this.add({ row, column, cell, code, severity: 'error', message });
  }

  warning(row: number | null, column: string | null, cell: string | null, code: ProblemCode, message: string): void {
    this.add({ row, column, cell, code, severity: 'warning', message });
  }

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
