import type { ProblemCode } from '../../shared/api/submissions';
import type { LocalisedText } from '../../shared/i18n';

/** Reports one problem: where it is (row, column, the cell's text), its code, and its message. */
export type ReportProblem = (
  row: number | null,
  column: string | null,
  cell: string | null,
  code: ProblemCode,
  message: LocalisedText,
) => void;

/**
 * Where a reader or a check sends the problems it finds: read/report.ts's ReportBuilder is the one
 * implementation. Declared here, apart from read/, so that rollup/ and read/'s own parts can report
 * without importing the builder (and without a cycle back to read/).
 */
export interface ProblemSink {
  error: ReportProblem;
  warning: ReportProblem;
}
