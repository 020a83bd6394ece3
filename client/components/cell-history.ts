import { type CellContext, type CellKey, cellApi, type CellRevision } from '../api/cells';
import { formatDate, formatNumber } from '../../server/shared/i18n/format';
import { currentLocale, t } from '../i18n/i18n';
import { h } from './dom';
import { cellSourcesTable, loadCellSources } from './cell-sources';
import './cell-history.css';

/**
 * A published cell's context (issue 20, item 9): its note and revision count beside the figure, and
 * one click to its history, every version with value, flags, note, source, submission and time.
 */

/** "Revised: 3 versions. Note: corrected after audit." or '' for a cell never revised and without a note. */
export function cellContextText(context: CellContext | undefined): string {
  if (!context) return '';
  return [
    context.versions > 1 ? t('history.versions', { count: context.versions }) : '',
    context.note ? t('history.note', { note: context.note }) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Where a version came from: the dataset (once the store records it) and who sent it. */
export function revisionSource(revision: CellRevision): string {
  const sender = revision.source.startsWith('seed')
    ? t('history.sent-by-seed', { file: revision.source.replace(/^seed \((.*)\)$/, '$1') })
    : t('history.sent-by-contact-point');
  if (!revision.dataSource) return sender;
  const dataset = revision.edition ? `${revision.dataSource} (${revision.edition})` : revision.dataSource;
  return t('history.source-and-sender', { dataset, sender });
}

function historyTable(revisions: CellRevision[], caption: string): HTMLTableElement {
  const locale = currentLocale();
  const header = ['history.version', 'history.value', 'history.flags', 'history.note-column']
    .concat(['history.source', 'history.submission', 'history.recorded'])
    .map((key) => h('th', { scope: 'col', text: t(key) }));
  const rows = revisions.map((r, i) =>
    h(
      'tr',
      { class: r.current ? 'current' : '' },
      h('th', { scope: 'row', text: r.current ? t('history.version-current', { n: i + 1 }) : String(i + 1) }),
      h('td', {
        class: 'numeric',
        // The value as stored, every decimal: a history is for checking figures, not for reading at a glance.
        text: r.value === null ? t('chart.no-data') : formatNumber(r.value, locale, { maximumFractionDigits: 6 }),
      }),
      h('td', { text: r.flags }),
      h('td', { text: r.note ?? '' }),
      h('td', { text: revisionSource(r) }),
      h('td', { class: 'numeric', text: String(r.submissionId) }),
      h('td', { text: formatDate(r.recordedAt, locale, { dateStyle: 'medium', timeStyle: 'short' }) }),
    ),
  );
  return h(
    'table',
    { class: 'cell-history-table' },
    h('caption', { text: caption }),
    h('thead', {}, h('tr', {}, ...header)),
    h('tbody', {}, ...rows),
  );
}

/** Opens a modal dialog with the cell's history; focus returns to `trigger` when it closes. */
export async function openCellHistory(
  cell: CellKey & { label: string },
  trigger: HTMLElement | null,
): Promise<HTMLDialogElement> {
  const title = t('history.title', { cell: cell.label, period: cell.period });
  const heading = h('h2', { id: 'cell-history-title', text: title });
  const close = h('button', { type: 'button', class: 'close', text: t('history.close') });
  const body = h('div', { class: 'cell-history-body' }, h('p', { text: t('history.loading') }));
  const dialog = h('dialog', { class: 'cell-history', 'aria-labelledby': 'cell-history-title' }, heading, body, close);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    trigger?.focus();
  });
  document.querySelector('dialog.cell-history')?.remove();
  document.body.append(dialog);
  dialog.showModal();
  try {
    const [answer, sources] = await Promise.all([cellApi.history(cell), loadCellSources(cell)]);
    body.replaceChildren(
      cellSourcesTable(sources, t('sources-side.caption', { cell: cell.label, period: cell.period })) ?? '',
      h('p', { text: t('history.intro', { count: answer.revisions.length }) }),
      historyTable(answer.revisions, title),
    );
  } catch (error) {
    body.replaceChildren(
      h('p', {
        class: 'error',
        role: 'alert',
        text: t('history.failed', { message: String((error as Error).message ?? error) }),
      }),
    );
  }
  return dialog;
}

/** A button beside a figure: its context in words, and one click to its history. */
export function cellHistoryButton(cell: CellKey & { label: string }, context: CellContext | undefined): HTMLElement {
  const text = cellContextText(context);
  const button = h('button', {
    type: 'button',
    class: 'cell-history-open',
    'data-cell': `${cell.geo}|${cell.period}`,
    'aria-label': t('history.open-label', { cell: cell.label, period: cell.period }),
    text: context && context.versions > 1 ? t('history.open-revised', { count: context.versions }) : t('history.open'),
  });
  button.addEventListener('click', () => void openCellHistory(cell, button));
  return h('span', { class: 'cell-context' }, text ? h('span', { class: 'cell-note', text }) : '', button);
}
