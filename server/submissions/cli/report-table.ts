import type { ReportEntry } from '../read/report';
import type { SubmissionPreview } from '../pipeline';

function cut(text: string | null | number, width: number): string {
  const s = text === null ? '' : String(text).replace(/\s+/g, ' ');
  return (s.length > width ? `${s.slice(0, width - 1)}…` : s).padEnd(width);
}

/** The validation report as a plain-text table, one line per entry, then the per-code counts left out. */
export function reportTable(
  entries: ReportEntry[],
  omitted: Partial<Record<string, number>>,
  messageWidth = 90,
): string {
  if (!entries.length) return 'No problems found.';
  const head = `${cut('row', 7)} ${cut('column', 16)} ${cut('code', 20)} ${cut('severity', 8)} ${cut('cell', 18)} message`;
  const lines = entries.map(
    (e) =>
      `${cut(e.row ?? '', 7)} ${cut(e.column, 16)} ${cut(e.code, 20)} ${cut(e.severity, 8)} ${cut(e.cell, 18)} ${cut(e.message, messageWidth).trimEnd()}`,
  );
  const more = Object.entries(omitted)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([code, n]) => `… and ${n} more ${code} entries not listed`);
  return [head, '-'.repeat(head.length + 20), ...lines, ...more].join('\n');
}

/** A summary of a preview: how the file was read, the counts, the diff. */
export function previewSummary(p: SubmissionPreview): string {
  const r = p.reading;
  const skipped =
    Object.entries(r.skipped)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ') || 'none';
  const lines = [
    `submission ${p.submissionId}: ${p.status}${p.duplicateOf ? ' (identical to an earlier upload; returning it)' : ''}`,
    `read as ${r.format}${r.profile ? ` with profile ${r.profile}` : ''}, ${r.encoding}, delimiter ${r.delimiter}`,
    `rows read ${p.rowsRead}, valid cells ${p.cellsValid}, left out on purpose: ${skipped}`,
    `errors ${p.report.errorCount}, warnings ${p.report.warningCount}`,
  ];
  if (p.diff) {
    lines.push(
      `diff against published data: ${p.diff.newCells} new, ${p.diff.changedCells} changed, ${p.diff.unchangedCells} unchanged, ${p.diff.leftOutCells} published cells not in the file`,
    );
  }
  return lines.join('\n');
}
