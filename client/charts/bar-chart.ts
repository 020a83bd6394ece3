import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import type { Locale } from '../../server/shared/i18n/locales';
import { t } from '../i18n/i18n';
import { formatTick, formatValue, type Measure } from './format';
import { AGGREGATE_STYLE, CATEGORICAL } from './palette';
import { svgDocument, tag, text } from './svg';

export interface BarRow {
  geo: string;
  label: string;
  value: number | null;
  flags: string;
  /** A comparability warning for this geo (break in series, differing definition ...). */
  warning?: string;
  highlighted?: boolean;
}
export interface BarChartOptions {
  title: string;
  measure: Measure;
  aggregate?: { label: string; value: number | null };
  width?: number;
  rowHeight?: number;
  /** Compact mode for small multiples: no axis ticks, narrow label column. */
  compact?: boolean;
  /** The language of numbers (English by default, so snapshots are reproducible). */
  locale?: Locale;
}

/** Ranked: highest first, geos without a value last. */
export function rankBars(rows: BarRow[]): BarRow[] {
  return [...rows].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.geo.localeCompare(b.geo));
}

export function renderBarChart(rows: BarRow[], options: BarChartOptions): string {
  const ranked = rankBars(rows);
  const locale = options.locale ?? 'en';
  const width = options.width ?? 640;
  const rowHeight = options.rowHeight ?? (options.compact ? 12 : 20);
  // Narrow charts (phones) label bars with the geo code only.
  const shortLabels = options.compact || width < 480;
  const margin = {
    top: options.compact ? 14 : 40,
    right: options.compact ? 40 : 96,
    bottom: 8,
    left: shortLabels ? 40 : 150,
  };
  const height = margin.top + margin.bottom + ranked.length * rowHeight;
  const top = max([...ranked.map((r) => r.value ?? 0), options.aggregate?.value ?? 0]) || 1;
  const x = scaleLinear()
    .domain([0, top])
    .range([margin.left, width - margin.right])
    .nice();
  const bars = ranked.map((row, i) => {
    const y = margin.top + i * rowHeight;
    const label = shortLabels ? row.geo : `${row.label} (${row.geo})`;
    const valueText =
      row.value === null
        ? t('chart.no-data')
        : `${formatValue(row.value, options.measure, locale)}${row.flags ? ` ${row.flags}` : ''}${row.warning ? ' ⚠' : ''}`;
    const bar =
      row.value === null
        ? ''
        : tag('rect', {
            x: margin.left,
            y: y + 2,
            width: Math.max(0, x(row.value) - margin.left),
            height: rowHeight - 4,
            fill: row.highlighted ? CATEGORICAL[1] : CATEGORICAL[0],
          });
    return tag(
      'g',
      { class: row.warning ? 'bar warning' : 'bar', 'data-geo': row.geo },
      (row.warning ? `<title>${row.warning.replace(/[&<>"']/g, '')}</title>` : '') +
        text(label, {
          x: margin.left - 6,
          y: y + rowHeight / 2 + 4,
          'text-anchor': 'end',
          'font-size': options.compact ? 9 : 12,
        }) +
        bar +
        text(valueText, {
          x: (row.value === null ? margin.left : x(row.value)) + 4,
          y: y + rowHeight / 2 + 4,
          'font-size': options.compact ? 9 : 12,
        }),
    );
  });
  const aggregate =
    options.aggregate && options.aggregate.value !== null
      ? tag(
          'g',
          { class: 'aggregate' },
          tag('line', {
            x1: x(options.aggregate.value),
            x2: x(options.aggregate.value),
            y1: margin.top - 4,
            y2: height - margin.bottom,
            stroke: AGGREGATE_STYLE.colour,
            'stroke-width': 2,
            'stroke-dasharray': AGGREGATE_STYLE.dash,
          }) +
            text(`${options.aggregate.label} ${formatValue(options.aggregate.value, options.measure, locale)}`, {
              x: x(options.aggregate.value) + 4,
              y: margin.top - 6,
              'font-weight': 700,
              'font-size': options.compact ? 9 : 12,
            }),
        )
      : '';
  const ticks = options.compact
    ? ''
    : x
        .ticks(4)
        .map((v) => text(formatTick(v, locale), { x: x(v), y: 12, 'text-anchor': 'middle', fill: '#555' }))
        .join('');
  const description = options.aggregate
    ? t('chart.bar-description-aggregate', { count: ranked.length, aggregate: options.aggregate.label })
    : t('chart.bar-description', { count: ranked.length });
  return svgDocument(
    { width, height },
    { title: options.title, description, className: 'chart bar-chart' },
    tag('g', { 'aria-hidden': 'true' }, ticks) + bars.join('') + aggregate,
  );
}
