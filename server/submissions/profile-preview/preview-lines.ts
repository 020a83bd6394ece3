import type { Locale } from '../../shared/i18n';
import type { PreviewLine, ProfilePreviewAnswer } from '../../shared/api/import-profile-preview';
import { PREVIEW_LINES } from '../../shared/api/import-profile-preview';
import type { SkippedCounts } from '../../shared/api/submissions';
import { translate } from '../../i18n/translate';
import type { RawCell } from '../read/cell';
import { localiseReport, ReportBuilder } from '../read/report';
import type { CellSink } from '../read/table-reader';
import { validateCell, type ValidationContext } from '../read/validate';

/**
 * Collects what the preview shows: each cell as validation reads it (its own report, so a line carries
 * its own problems), and each row left out with why. The first PREVIEW_LINES cells and the first
 * PREVIEW_LINES rows left out are listed, in file order: a file whose first hundred rows are offences
 * the profile does not map still shows the cells it reads. All are counted.
 */
export class PreviewLines implements CellSink<void> {
  private readonly cells: PreviewLine[] = [];
  private readonly left: PreviewLine[] = [];
  readonly counts: ProfilePreviewAnswer['counts'] = {
    read: 0,
    invalid: 0,
    filtered: 0,
    unmapped: 0,
    otherGeo: 0,
    missing: 0,
    summed: 0,
  };

  constructor(
    private readonly context: ValidationContext,
    private readonly locale: Locale,
  ) {}

  take(raw: RawCell): void {
    const report = new ReportBuilder(5);
    const cell = validateCell(raw, this.context, report);
    this.counts[cell ? 'read' : 'invalid']++;
    if (this.cells.length >= PREVIEW_LINES) return;
    const problems = localiseReport(report.build(), this.locale).entries.map((e) => e.message);
    this.cells.push({
      row: raw.row,
      outcome: cell ? 'read' : 'invalid',
      geo: raw.geo,
      indicator: raw.indicator,
      period: cell?.period ?? raw.period,
      value: cell?.value ?? null,
      text: raw.value,
      flags: cell?.flags ?? raw.flags,
      reason: problems.length ? problems.join(' ') : null,
    });
  }

  /** A row (or wide cell) the reader left out: counted here, as the reader counts it in `skipped`. */
  leftOut(row: number, reason: keyof SkippedCounts, detail: string): void {
    this.counts[reason]++;
    if (this.left.length >= PREVIEW_LINES) return;
    this.left.push({
      row,
      outcome: reason,
      geo: null,
      indicator: null,
      period: reason === 'missing' ? detail : null,
      value: null,
      text: detail,
      flags: '',
      reason: translate(this.locale, { key: `profile-preview.left-out.${reason}`, params: { detail } }),
    });
  }

  /** The listed lines in file order (a wide row's cells in period order). */
  get lines(): PreviewLine[] {
    return [...this.cells, ...this.left].sort((a, b) => a.row - b.row);
  }

  batch(): void {}
}
