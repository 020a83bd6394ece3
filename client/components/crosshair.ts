import type { LineLayout, TrendSeries } from '../charts/line-chart';
import { formatList } from '../../server/shared/i18n/format';
import { formatPlain, formatValue, type Measure } from '../charts/format';
import { currentLocale, t } from '../i18n/i18n';
import { h } from './dom';

/**
 * Hover crosshair for a line chart: follows the pointer, or the arrow keys when the chart has focus,
 * and reads out every series' value in that year (the readout is a live region).
 */
export function attachCrosshair(
  area: HTMLElement,
  getState: () => { layout: LineLayout; series: TrendSeries[]; measure: Measure | 'index' } | null,
): HTMLElement {
  const readout = h('p', { class: 'readout hint', 'aria-live': 'polite' });
  let year: number | null = null;
  area.tabIndex = 0;
  area.setAttribute('aria-label', t('component.crosshair-label'));
  const show = (next: number) => {
    const current = getState();
    const line = area.querySelector('line.crosshair');
    if (!current || !line) return;
    const { layout, series, measure } = current;
    year = Math.min(Math.max(next, layout.years[0] ?? next), layout.years.at(-1) ?? next);
    const x = String(layout.x(year));
    line.setAttribute('x1', x);
    line.setAttribute('x2', x);
    line.setAttribute('visibility', 'visible');
    const values = series.map((s) => {
      const point = s.points.find((p) => p.year === year);
      const text =
        measure === 'index'
          ? (point?.value ?? null) === null
            ? t('chart.no-data')
            : formatPlain(point!.value!, currentLocale(), 1)
          : formatValue(point?.value, measure, currentLocale());
      return `${s.geo} ${text}${point?.flags ? ` (${point.flags})` : ''}`;
    });
    readout.textContent = `${year}: ${formatList(values, currentLocale(), 'unit')}`;
  };
  area.addEventListener('pointermove', (event) => {
    const current = getState();
    const svg = area.querySelector('svg');
    if (!current || !svg) return;
    const box = svg.getBoundingClientRect();
    const px = ((event.clientX - box.left) / box.width) * current.layout.width;
    show(Math.round(current.layout.x.invert(px)));
  });
  area.addEventListener('keydown', (event) => {
    const current = getState();
    if (!current || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    event.preventDefault();
    show((year ?? current.layout.years.at(-1) ?? 0) + (event.key === 'ArrowRight' ? 1 : -1));
  });
  return readout;
}
