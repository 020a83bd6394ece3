import { t } from '../i18n/i18n';
import { h, uniqueId } from './dom';

/**
 * The page of a chart view (Explore, Trends, Compare): its heading, its controls, the chart panel and
 * what follows the chart. The chart comes first: on a wide screen the controls sit in a side column
 * (styles/layout.css), so the chart and its legend start near the top (above the fold at 1366×900);
 * on a phone they fold behind an "Options" disclosure button, closed at first, so the chart is on the
 * first screen. The layout outlives repaints: a view refills its slots, and the button keeps its state.
 */
export interface ChartViewLayout {
  element: HTMLElement;
  /** The view's heading and introduction (viewHeader). */
  header: HTMLElement;
  /** Holds the view's controls (a `.controls` element). */
  controls: HTMLElement;
  /** Holds the chart panel. */
  chart: HTMLElement;
  /** What follows the chart: statements, small multiples. */
  after: HTMLElement;
  /** Shows the layout in `container` unless it is there already (a failure message may have replaced it). */
  attach: (container: HTMLElement) => void;
}

export function chartViewLayout(): ChartViewLayout {
  const controlsId = uniqueId('chart-options');
  const controls = h('div', { id: controlsId, class: 'chart-view-options' });
  const toggle = h('button', {
    type: 'button',
    class: 'controls-toggle',
    'aria-expanded': 'false',
    'aria-controls': controlsId,
    text: t('layout.options'),
  });
  // A named region: a screen-reader user can jump to the options as to the chart.
  const box = h(
    'section',
    { class: 'chart-view-controls collapsed', 'aria-label': t('layout.options-label') },
    toggle,
    controls,
  );
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    box.classList.toggle('collapsed', !open);
  });
  const header = h('div', { class: 'chart-view-header' });
  const chart = h('div', { class: 'chart-view-chart' });
  const after = h('div', { class: 'chart-view-after' });
  const element = h('div', { class: 'chart-view' }, header, box, chart, after);
  return {
    element,
    header,
    controls,
    chart,
    after,
    attach: (container) => {
      if (element.parentElement !== container) container.replaceChildren(element);
    },
  };
}
