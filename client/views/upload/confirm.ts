import type { Confirmation, ConfirmCell } from '../../api/types';
import { formatValue } from '../../charts/format';
import { h, uniqueId } from '../../components/dom';
import { sortableTable } from '../../components/sortable-table';
import { t } from '../../i18n/i18n';

/** "ICCS0101 FR 2008": how a cell is named on the page. */
export function cellName(cell: Pick<ConfirmCell, 'indicator' | 'geo' | 'period'>): string {
  return `${cell.indicator} ${cell.geo} ${cell.period}`;
}

/** What the commit sends: every listed cell by key, or `true` when some were only counted. */
export function confirmValue(confirmation: Confirmation): true | string[] {
  if (confirmation.count > confirmation.cells.length) return true;
  return confirmation.cells.map((c) => `${c.indicator}/${c.geo}/${c.period}`);
}

/**
 * The changes beyond threshold against published data, and the checkbox that confirms them: its
 * label names the cells, so what is confirmed is what is read. `onChange` hears the box.
 */
export function confirmationField(confirmation: Confirmation, onChange: (confirmed: boolean) => void): HTMLElement {
  const id = uniqueId('confirm');
  const box = h('input', { type: 'checkbox', id });
  box.addEventListener('change', () => onChange(box.checked));
  const named = confirmation.cells.slice(0, 10).map(cellName).join(', ');
  const more = confirmation.count - Math.min(10, confirmation.cells.length);
  const percent = (n: number) => `${n > 0 ? '+' : ''}${n} %`;
  return h(
    'fieldset',
    { class: 'confirmation card' },
    h('legend', { text: t('upload-checks.confirm-legend', { count: confirmation.count }) }),
    sortableTable<ConfirmCell>({
      caption: t('upload-checks.confirm-caption'),
      rows: confirmation.cells,
      columns: [
        { key: 'indicator', label: t('upload.indicator'), value: (c) => c.indicator },
        { key: 'geo', label: t('upload.geo'), value: (c) => c.geo },
        { key: 'period', label: t('upload.period'), value: (c) => c.period },
        { key: 'published', label: t('upload.published'), value: (c) => formatValue(c.published, 'count') },
        { key: 'value', label: t('upload.in-the-file'), value: (c) => formatValue(c.value, 'count') },
        { key: 'change', label: t('upload-checks.change'), value: (c) => percent(c.change) },
        { key: 'threshold', label: t('upload-checks.threshold'), value: (c) => `${c.threshold} %` },
      ],
    }),
    h(
      'div',
      { class: 'check' },
      box,
      h('label', {
        for: id,
        text: t('upload-checks.confirm-label', { count: confirmation.count, cells: named, more: Math.max(0, more) }),
      }),
    ),
  );
}
