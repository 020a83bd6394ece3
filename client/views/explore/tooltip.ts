import { formatValue, type Measure } from '../../charts/format';
import { h } from '../../components/dom';
import { denominatorText, flagText, type RankedCell } from './state';

/** Tooltip content for a geo on the map. */
export function tooltipContent(cell: RankedCell, measure: Measure, unit: string): HTMLElement {
  const reason = cell.observation?.reason;
  return h(
    'div',
    {},
    h('strong', { text: cell.name }),
    h('div', {
      text:
        cell.value === null ? `No data${reason ? `: ${reason}` : ''}` : `${formatValue(cell.value, measure)} ${unit}`,
    }),
    cell.flags ? h('div', { text: `Flags: ${flagText(cell.flags)}` }) : null,
    cell.rank ? h('div', { text: `Rank ${cell.rank} of ${cell.of} (1 = highest)` }) : null,
    measure === 'rate' && denominatorText(cell) ? h('div', { text: `Denominator: ${denominatorText(cell)}` }) : null,
    h('div', { class: 'hint', text: 'Click or press Enter for the country profile' }),
  );
}
