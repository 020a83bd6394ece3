import type { CellSourcesAnswer, CellSourceVersion } from '../../server/shared/api/sources';
import { formatNumber } from '../../server/shared/i18n/format';
import { getJson } from '../api/client';
import type { CellKey } from '../api/cells';
import { currentLocale, t } from '../i18n/i18n';
import { h } from './dom';

/**
 * A cell's value from every source that has it, side by side (issue 17): the preferred one, which
 * comparisons, trends and aggregates use, and each other source's value with its difference from it.
 */
export function loadCellSources(cell: CellKey): Promise<CellSourcesAnswer> {
  const query = new URLSearchParams({ indicator: cell.indicator, geo: cell.geo, period: cell.period });
  return getJson<CellSourcesAnswer>(`/api/observations/sources?${query}`);
}

function sourceName(version: CellSourceVersion): string {
  const name = `${version.publisher} ${version.dataset}`;
  return version.edition ? `${name} (${version.edition})` : name;
}

function differenceText(version: CellSourceVersion): string {
  if (version.preferred) return t('sources-side.preferred');
  if (version.difference === null) return '';
  const locale = currentLocale();
  const signed = (n: number, digits: number) =>
    `${n > 0 ? '+' : ''}${formatNumber(n, locale, { maximumFractionDigits: digits })}`;
  const percent = version.differencePercent === null ? '' : ` (${signed(version.differencePercent, 1)} %)`;
  return `${signed(version.difference, 6)}${percent}`;
}

/** The sources table, or null when only one source has the cell (nothing to set side by side). */
export function cellSourcesTable(answer: CellSourcesAnswer, caption: string): HTMLTableElement | null {
  if (answer.sources.length < 2) return null;
  const locale = currentLocale();
  const header = ['sources-side.source', 'sources-side.value', 'sources-side.flags', 'sources-side.difference'].map(
    (key) => h('th', { scope: 'col', text: t(key) }),
  );
  const rows = answer.sources.map((version) =>
    h(
      'tr',
      { class: version.preferred ? 'current' : '' },
      h('th', { scope: 'row', text: sourceName(version) }),
      h('td', {
        class: 'numeric',
        text:
          version.value === null
            ? t('chart.no-data')
            : formatNumber(version.value, locale, { maximumFractionDigits: 6 }),
      }),
      h('td', { text: version.flags }),
      h('td', { class: 'numeric', text: differenceText(version) }),
    ),
  );
  return h(
    'table',
    { class: 'cell-history-table cell-sources-table' },
    h('caption', { text: caption }),
    h('thead', {}, h('tr', {}, ...header)),
    h('tbody', {}, ...rows),
  );
}
