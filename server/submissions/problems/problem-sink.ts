import type { ProblemCode } from '../../shared/api/submissions';
import type { LocalisedText } from '../../shared/i18n';

/**
 * Where a reader or a check sends the problems it finds: read/report.ts's ReportBuilder is the one
 * implementation. Declared here, apart from read/, so that rollup/ and read/'s own parts can report
 * without importing the builder (and without a cycle back to read/).
 */
export interface ProblemSink {
  error(
    row: number | null,
    column: string | null,
    cell: string | null,
    code: ProblemCode,
    message: LocalisedText,
  ): void;
  warning(
    row: number | null,
    column: string | null,
    cell: string | null,
    code: ProblemCode,
    message: LocalisedText,
  ): void;
}
