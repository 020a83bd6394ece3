import type { ChangedCell, ReportEntry, SubmissionPreview } from '../../api/types';
import { formatValue } from '../../charts/format';
import { selectField } from '../../components/controls';
import { h } from '../../components/dom';
import { sortableTable } from '../../components/sortable-table';

const DELIMITERS: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', tab: 'tab', '|': 'pipe' };

/** The server names the delimiter as `","` or `tab`; say it in words. */
export function delimiterName(delimiter: string): string {
  const bare = delimiter.replace(/^"(.*)"$/, '$1');
  return `${DELIMITERS[bare] ?? `"${bare}"`}-delimited`;
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
            caption: `Validation report${code ? `: ${code}` : ''} (${rows.length} entries)`,
            rows,
            sortBy: 'row',
            columns: [
              { key: 'row', label: 'Row', value: (e) => e.row, numeric: true },
              { key: 'column', label: 'Column', value: (e) => e.column },
              { key: 'cell', label: 'Cell', value: (e) => e.cell },
              { key: 'code', label: 'Code', value: (e) => e.code },
              { key: 'severity', label: 'Severity', value: (e) => e.severity },
              { key: 'message', label: 'How to fix', value: (e) => e.message },
            ],
          })
        : h('p', { text: 'No problems found.' }),
    );
  };
  draw('');
  const omitted = Object.entries(report.omitted).filter(([, n]) => n);
  const verdict = report.valid ? '✓ The file is valid' : '✗ The file has errors and cannot be committed';
  return h(
    'section',
    { 'aria-labelledby': 'report-heading' },
    h('h3', { id: 'report-heading', text: 'Validation report' }),
    h('p', {
      class: report.valid ? 'notice' : 'error',
      role: 'status',
      text: `${verdict}: ${report.errorCount} error${report.errorCount === 1 ? '' : 's'}, ${report.warningCount} warning${report.warningCount === 1 ? '' : 's'}; ${preview.rowsRead} rows read, ${preview.cellsValid} valid cells. Read as ${preview.reading.format}, ${preview.reading.encoding}, ${delimiterName(preview.reading.delimiter)}${preview.reading.profile ? `, import profile ${preview.reading.profile}` : ''}.`,
    }),
    counts.size
      ? selectField({
          label: 'Show problems of type',
          selected: '',
          onChange: draw,
          choices: [
            { value: '', label: `All (${report.entries.length})` },
            ...[...counts].map(([code, n]) => ({ value: code, label: `${code} (${n})` })),
          ],
        })
      : '',
    omitted.length
      ? h('p', {
          class: 'hint',
          text: `Not listed, only counted: ${omitted.map(([c, n]) => `${n} more ${c}`).join(', ')}.`,
        })
      : '',
    slot,
  );
}

export function diffSection(preview: SubmissionPreview): HTMLElement {
  const diff = preview.diff;
  if (!diff) return h('p', { class: 'hint', text: 'No diff: the file did not validate.' });
  const value = (v: { value: number | null; flags: string }) =>
    `${formatValue(v.value, 'count')}${v.flags ? ` ${v.flags}` : ''}`;
  return h(
    'section',
    { 'aria-labelledby': 'diff-heading' },
    h('h3', { id: 'diff-heading', text: 'What a commit would change' }),
    h(
      'ul',
      { class: 'inline plain-list' },
      h('li', { class: 'card', text: `New cells: ${diff.newCells}` }),
      h('li', { class: 'card', text: `Changed cells: ${diff.changedCells}` }),
      h('li', { class: 'card', text: `Unchanged cells: ${diff.unchangedCells}` }),
      h('li', { class: 'card', text: `Published cells the file leaves out (kept): ${diff.leftOutCells}` }),
    ),
    diff.changed.length
      ? sortableTable<ChangedCell>({
          caption: 'Changed cells',
          rows: diff.changed,
          columns: [
            { key: 'indicator', label: 'Indicator', value: (c) => c.indicator },
            { key: 'geo', label: 'Geo', value: (c) => c.geo },
            { key: 'period', label: 'Period', value: (c) => c.period },
            { key: 'old', label: 'Published', value: (c) => value(c.old) },
            { key: 'new', label: 'In the file', value: (c) => value(c.new) },
          ],
        })
      : h('p', { text: 'No published cell changes value or flags.' }),
  );
}
