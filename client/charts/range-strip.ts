import { scaleLinear } from 'd3-scale';
import type { Locale } from '../../server/shared/i18n/locales';
import { t } from '../i18n/i18n';
import { formatTick } from './format';
import { CATEGORICAL } from './palette';
import { svgDocument, tag, text } from './svg';

export interface RangeStripInput {
  /** The expected range (95 % prediction interval) and its centre. */
  lower: number;
  upper: number;
  fitted: number;
  /** The year before and the alert year. */
  previous: number | null;
  value: number;
  previousLabel: string;
  valueLabel: string;
}

/**
 * A one-line picture of an alert: the expected range as a grey band, the expected value as a tick,
 * the year before as a hollow dot and the alert year as a filled dot, on one scale that holds all.
 */
export function renderRangeStrip(
  input: RangeStripInput,
  options: { title: string; width?: number; height?: number; locale?: Locale },
): string {
  const locale = options.locale ?? 'en';
  const width = options.width ?? 260;
  const height = options.height ?? 44;
  const values = [
    input.lower,
    input.upper,
    input.fitted,
    input.value,
    ...(input.previous === null ? [] : [input.previous]),
  ];
  const low = Math.min(0, ...values);
  const high = Math.max(...values) || 1;
  const x = scaleLinear()
    .domain([low, high])
    .range([8, width - 8])
    .nice();
  const mid = 16;
  const band = tag('rect', {
    x: x(input.lower),
    y: mid - 6,
    width: Math.max(1, x(input.upper) - x(input.lower)),
    height: 12,
    fill: '#d9d9d9',
  });
  const centre = tag('line', {
    x1: x(input.fitted),
    x2: x(input.fitted),
    y1: mid - 8,
    y2: mid + 8,
    stroke: '#595959',
    'stroke-width': 1.5,
  });
  const before =
    input.previous === null
      ? ''
      : tag('circle', {
          cx: x(input.previous),
          cy: mid,
          r: 4.5,
          fill: '#fff',
          stroke: CATEGORICAL[0],
          'stroke-width': 2,
        });
  const now = tag('circle', { cx: x(input.value), cy: mid, r: 5, fill: CATEGORICAL[1] });
  const [d0, d1] = x.domain() as [number, number];
  const axis =
    text(formatTick(d0, locale), { x: 8, y: height - 4, 'text-anchor': 'start' }) +
    text(formatTick(d1, locale), { x: width - 8, y: height - 4, 'text-anchor': 'end' });
  const description = t('chart.range-description', {
    lower: formatTick(input.lower, locale),
    upper: formatTick(input.upper, locale),
    previousLabel: input.previousLabel,
    previous: input.previous === null ? t('chart.unknown') : formatTick(input.previous, locale),
    valueLabel: input.valueLabel,
    value: formatTick(input.value, locale),
  });
  return svgDocument(
    { width, height },
    { title: options.title, description, className: 'chart range-strip' },
    band + centre + before + now + tag('g', { 'aria-hidden': 'true' }, axis),
  );
}
