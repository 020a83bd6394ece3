import { formatValue, type Measure } from '../../charts/format';
import { h } from '../../components/dom';
import { cellContextText } from '../../components/cell-history';
import type { CellContext } from '../../api/cells';
import { currentLocale, t } from '../../i18n/i18n';
import { denominatorText, flagText, type RankedCell } from './state';

/** Tooltip content for a geo on the map. */
export function tooltipContent(cell: RankedCell, measure: Measure, unit: string, context?: CellContext): HTMLElement {
  const reason = cell.observation?.reason;
  const contextText = cellContextText(context);
  return h(
    'div',
    {},
    h('strong', { text: cell.name }),
    h('div', {
      text:
        cell.value === null
          ? reason
            ? t('explore.tooltip-no-data-reason', { reason })
            : t('chart.legend-no-data')
          : `${formatValue(cell.value, measure, currentLocale())} ${unit}`,
    }),
    cell.flags ? h('div', { text: t('explore.tooltip-flags', { flags: flagText(cell.flags) }) }) : null,
    cell.rank ? h('div', { text: t('explore.tooltip-rank', { rank: cell.rank, of: cell.of }) }) : null,
    measure === 'rate' && denominatorText(cell)
      ? h('div', { text: t('explore.tooltip-denominator', { denominator: denominatorText(cell) }) })
      : null,
    contextText ? h('div', { class: 'cell-note', text: contextText }) : null,
    h('div', { class: 'hint', text: t('explore.tooltip-hint') }),
  );
}
