import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import type { Locale } from '../../server/shared/i18n/locales';
import { t } from '../i18n/i18n';
import { formatTick, formatValue, type Measure } from './format';
import { AGGREGATE_STYLE, CATEGORICAL } from './palette';
import { svgDocument, tag, text } from './svg';
import { textWidth } from './text-width';
import { tickCount } from './ticks';

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
  const fontSize = options.compact ? 9 : 12;
  const valueText = (row: BarRow) =>
    row.value === null
      ? t('chart.no-data')
      : `${formatValue(row.value, options.measure, locale)}${row.flags ? ` ${row.flags}` : ''}${row.warning ? ' ⚠' : ''}`;
  const fullLabel = (row: BarRow) => `${row.label} (${row.geo})`;
  const widest = (texts: string[]) => Math.ceil(Math.max(0, ...texts.map((s) => textWidth(s, fontSize))));
  // Long names take at most 40 % of the width; beyond that (phones, small multiples) bars carry the geo code.
  const shortLabels = options.compact || width < 480 || widest(ranked.map(fullLabel)) + 10 > width * 0.4;
  const labelOf = (row: BarRow) => (shortLabels ? row.geo : fullLabel(row));
  // The value after the longest bar must fit inside the chart: the right margin is the widest value.
  const margin = {
    top: options.compact ? 14 : 40,
    right: widest(ranked.map(valueText)) + 8,
    bottom: 8,
    left: Math.max(shortLabels ? 30 : 60, widest(ranked.map(labelOf)) + 10),
  };
  const height = margin.top + margin.bottom + ranked.length * rowHeight;
  const top = max([...ranked.map((r) => r.value ?? 0), options.aggregate?.value ?? 0]) || 1;
  const x = scaleLinear()
    .domain([0, top])
    .range([margin.left, width - margin.right])
    .nice();
  // The aggregate's label reads from its line rightwards, or leftwards when it would leave the chart.
  const aggregateMark = (label: string, value: number) => {
    const caption = `${label} ${formatValue(value, options.measure, locale)}`;
    const fits = x(value) + 4 + textWidth(caption, fontSize) <= width;
    return tag(
      'g',
      { class: 'aggregate' },
      tag('line', {
        x1: x(value),
        x2: x(value),
        y1: margin.top - 4,
        y2: height - margin.bottom,
        stroke: AGGREGATE_STYLE.colour,
        'stroke-width': 2,
        'stroke-dasharray': AGGREGATE_STYLE.dash,
      }) +
        text(caption, {
          x: fits ? x(value) + 4 : x(value) - 4,
          y: margin.top - 6,
          'text-anchor': fits ? undefined : 'end',
          'font-weight': 700,
          'font-size': fontSize,
        }),
    );
  };
  const bars = ranked.map((row, i) => {
    const y = margin.top + i * rowHeight;
    const label = labelOf(row);
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
          'font-size': fontSize,
        }) +
        bar +
        text(valueText(row), {
          x: (row.value === null ? margin.left : x(row.value)) + 4,
          y: y + rowHeight / 2 + 4,
          'font-size': fontSize,
        }),
    );
  });
  const aggregate =
    options.aggregate?.value != null ? aggregateMark(options.aggregate.label, options.aggregate.value) : '';
  const ticks = options.compact
    ? ''
    : x
        .ticks(tickCount(width - margin.left - margin.right, 80))
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
