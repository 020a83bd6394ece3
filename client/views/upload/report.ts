import type { ChangedCell, ReportEntry, SubmissionPreview } from '../../api/types';
import { formatValue } from '../../charts/format';
import { selectField } from '../../components/controls';
import { h, uniqueId } from '../../components/dom';
import { sortableTable } from '../../components/sortable-table';
import { currentLocale, t } from '../../i18n/i18n';
import { formatNumber } from '../../../server/shared/i18n';
import { leftOutSection } from './left-out';

const DELIMITERS: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', tab: 'tab', '|': 'pipe' };

/** The server names the delimiter as `","` or `tab`; say it in words. */
export function delimiterName(delimiter: string): string {
  const bare = delimiter.replace(/^"(.*)"$/, '$1');
  const name = DELIMITERS[bare];
  return name ? t(`upload.delimited.${name}`) : t('upload.delimited-by', { delimiter: bare });
}

/** The validation report: a summary, a filter by problem code (with counts), and the table with row numbers. */
export function reportSection(preview: SubmissionPreview): HTMLElement {
  const report = preview.report;
  const counts = new Map<string, number>();
  for (const e of report.entries) counts.set(e.code, (counts.get(e.code) ?? 0) + 1);
  const slot = h('div', {});
  const draw = (code: string) => {
    const rows = code ? report.entries.filter((e) => e.code === code) : report.entries;
    slot.replaceChildren(
      rows.length
        ? sortableTable<ReportEntry>({
            caption: code
              ? t('upload.report-caption-code', { code, count: rows.length })
              : t('upload.report-caption', { count: rows.length }),
            rows,
            sortBy: 'row',
            columns: [
              { key: 'row', label: t('upload.row'), value: (e) => e.row, numeric: true },
              { key: 'column', label: t('upload.column'), value: (e) => e.column },
              { key: 'cell', label: t('upload.cell'), value: (e) => e.cell },
              { key: 'code', label: t('upload.code'), value: (e) => e.code },
              { key: 'severity', label: t('upload.severity'), value: (e) => t(`upload.severity.${e.severity}`) },
              { key: 'message', label: t('upload.how-to-fix'), value: (e) => e.message },
            ],
          })
        : h('p', { text: t('upload.no-problems') }),
    );
  };
  draw('');
  const omitted = Object.entries(report.omitted).filter(([, n]) => n);
  // A file that loads no cell is never shown as valid, whatever its report says (nothing hidden).
  const valid = report.valid && preview.cellsValid > 0;
  const verdict = valid
    ? t('upload.verdict-valid')
    : report.valid
      ? t('upload-checks.verdict-no-cells')
      : t('upload.verdict-invalid');
  // Unique ids: My country can show several submissions' reports at once.
  const headingId = uniqueId('report-heading');
  return h(
    'section',
    { 'aria-labelledby': headingId },
    h('h3', { id: headingId, text: t('upload.validation-report') }),
    h('p', {
      class: valid ? 'notice' : 'error',
      role: 'status',
      text: t('upload.report-summary', {
        verdict,
        errors: report.errorCount,
        warnings: report.warningCount,
        rows: preview.rowsRead,
        cells: preview.cellsValid,
        reading: [
          preview.reading.format,
          preview.reading.encoding,
          delimiterName(preview.reading.delimiter),
          preview.reading.profile ? t('upload.with-profile', { profile: preview.reading.profile }) : null,
        ]
          .filter(Boolean)
          .join(', '),
      }),
    }),
    leftOutSection(preview),
    counts.size
      ? selectField({
          label: t('upload.show-problems'),
          selected: '',
          onChange: draw,
          choices: [
            { value: '', label: t('upload.all-n', { count: report.entries.length }) },
            ...[...counts].map(([code, n]) => ({ value: code, label: `${code} (${n})` })),
          ],
        })
      : '',
    omitted.length
      ? h('p', {
          class: 'hint',
          text: t('upload.not-listed', {
            list: omitted.map(([c, n]) => t('upload.n-more', { count: n, code: c })).join(', '),
          }),
        })
      : '',
    slot,
  );
}

export function diffSection(preview: SubmissionPreview): HTMLElement {
  const diff = preview.diff;
  if (!diff) return h('p', { class: 'hint', text: t('upload.no-diff') });
  // Every decimal the cell has: a rate read as a count must show as 1.64, never rounded to "2".
  const value = (v: { value: number | null; flags: string }) =>
    `${v.value === null ? formatValue(null, 'count') : formatNumber(v.value, currentLocale(), { maximumFractionDigits: 6 })}${v.flags ? ` ${v.flags}` : ''}`;
  const headingId = uniqueId('diff-heading');
  return h(
    'section',
    { 'aria-labelledby': headingId },
    h('h3', { id: headingId, text: t('upload.what-would-change') }),
    h(
      'ul',
      { class: 'inline plain-list' },
      h('li', { class: 'card', text: t('upload.new-cells', { count: diff.newCells }) }),
      h('li', { class: 'card', text: t('upload.changed-cells-n', { count: diff.changedCells }) }),
      h('li', { class: 'card', text: t('upload.unchanged-cells', { count: diff.unchangedCells }) }),
      h('li', { class: 'card', text: t('upload.left-out-cells', { count: diff.leftOutCells }) }),
    ),
    diff.changed.length
      ? sortableTable<ChangedCell>({
          caption: t('upload.changed-cells'),
          rows: diff.changed,
          columns: [
            { key: 'indicator', label: t('upload.indicator'), value: (c) => c.indicator },
            { key: 'geo', label: t('upload.geo'), value: (c) => c.geo },
            { key: 'period', label: t('upload.period'), value: (c) => c.period },
            { key: 'old', label: t('upload.published'), value: (c) => value(c.old) },
            { key: 'new', label: t('upload.in-the-file'), value: (c) => value(c.new) },
          ],
        })
      : h('p', { text: t('upload.no-changes') }),
  );
}
