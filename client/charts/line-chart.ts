import { extent } from 'd3-array';
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { line } from 'd3-shape';
import { formatList, type Locale } from '../../server/shared/i18n';
import { t } from '../i18n/i18n';
import { formatTick } from './format';
import { isTentative, pointMarker } from './marker';
import { placeLabels } from './label-placement';
import { AGGREGATE_STYLE, SERIES_WIDTH, seriesStyle, type SeriesStyle } from './palette';
import { escapeXml, roundPath, svgDocument, tag, text } from './svg';
import { textWidth } from './text-width';
import { logTicks, tickCount, yearTicks } from './ticks';

export interface TrendPoint {
  year: number;
  value: number | null;
  flags: string;
  /** Why a new piece of line starts here when it is not a b flag (e.g. a change of population source). */
  breakReason?: string;
}
export interface TrendSeries {
  geo: string;
  label: string;
  points: TrendPoint[];
  /** The group aggregate (EU): drawn thick, long-dashed, neutral, on a white casing, its label bold. */
  aggregate?: boolean;
  /** The label at the line's end (e.g. "EU" for the aggregate); the geo code when absent. */
  shortLabel?: string;
}
export interface PracticeMarker {
  geo: string;
  year: number;
  href: string;
  title: string;
}
export interface LineChartOptions {
  title: string;
  yLabel: string;
  scale?: 'linear' | 'log';
  width?: number;
  height?: number;
  markers?: PracticeMarker[];
  /** The language of numbers (English by default, so snapshots are reproducible). */
  locale?: Locale;
}

export interface LineLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  x: ScaleContinuousNumeric<number, number>;
  y: ScaleContinuousNumeric<number, number>;
  years: number[];
  styles: Map<string, SeriesStyle>;
  locale: Locale;
  /** Each series' end label: its text and where it is placed (never overlapping another). */
  labels: Map<string, { text: string; y: number }>;
}

const LABEL_SIZE = 12;
/** Vertical room of one end label: labels closer than this would overlap. */
export const LABEL_GAP = 14;

function endLabel(s: TrendSeries): string {
  return s.shortLabel ?? s.geo;
}

function plottable(point: TrendPoint, scale: 'linear' | 'log'): boolean {
  return point.value !== null && Number.isFinite(point.value) && (scale === 'linear' || point.value > 0);
}

/**
 * Runs of points to join: a break in series (b or a stated reason), a missing value, or a missing year
 * (a year absent from the points) starts a new run, so no line crosses a gap.
 */
export function segments(points: TrendPoint[], scale: 'linear' | 'log' = 'linear'): TrendPoint[][] {
  const runs: TrendPoint[][] = [];
  let current: TrendPoint[] = [];
  for (const point of [...points].sort((a, b) => a.year - b.year)) {
    if (!plottable(point, scale)) {
      if (current.length) runs.push(current);
      current = [];
      continue;
    }
    const gap = current.length > 0 && point.year - current[current.length - 1]!.year > 1;
    if ((point.flags.includes('b') || point.breakReason || gap) && current.length) {
      runs.push(current);
      current = [];
    }
    current.push(point);
  }
  if (current.length) runs.push(current);
  return runs;
}

export function lineLayout(series: TrendSeries[], options: LineChartOptions): LineLayout {
  const width = options.width ?? 720;
  const height = options.height ?? 380;
  const widest = Math.max(0, ...series.map((s) => textWidth(endLabel(s), LABEL_SIZE)));
  // Labels sit in one column right of the plot, reached by leader lines.
  const margin = { top: 16, right: Math.max(40, Math.ceil(widest) + 22), bottom: 36, left: 64 };
  const scale = options.scale ?? 'linear';
  const points = series.flatMap((s) => s.points.filter((p) => plottable(p, scale)));
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const [minYear = 2000, maxYear = 2001] = extent(years);
  const [minValue = 0, maxValue = 1] = extent(points, (p) => p.value!);
  const x = scaleLinear()
    .domain([minYear, maxYear === minYear ? minYear + 1 : maxYear])
    .range([margin.left, width - margin.right]);
  const y = (
    scale === 'log'
      ? scaleLog().domain([minValue, maxValue || 1])
      : scaleLinear().domain([Math.min(0, minValue), maxValue || 1])
  )
    .range([height - margin.bottom, margin.top])
    .nice();
  const styles = new Map<string, SeriesStyle>();
  let index = 0;
  for (const s of series)
    styles.set(
      s.geo,
      s.aggregate
        ? { colour: AGGREGATE_STYLE.colour, marker: 'circle', dash: AGGREGATE_STYLE.dash }
        : seriesStyle(index++),
    );
  const labels = endLabels(series, y, scale, { top: margin.top + 4, bottom: height - margin.bottom });
  return { width, height, margin, x, y, years, styles, locale: options.locale ?? 'en', labels };
}

function lastPoint(s: TrendSeries, scale: 'linear' | 'log'): TrendPoint | undefined {
  return segments(s.points, scale).at(-1)?.at(-1);
}

function endLabels(
  series: TrendSeries[],
  y: ScaleContinuousNumeric<number, number>,
  scale: 'linear' | 'log',
  bounds: { top: number; bottom: number },
): Map<string, { text: string; y: number }> {
  const wishes = series.flatMap((s) => {
    const last = lastPoint(s, scale);
    return last ? [{ key: s.geo, y: y(last.value!) }] : [];
  });
  const placed = placeLabels(wishes, { ...bounds, gap: LABEL_GAP });
  return new Map(
    series.filter((s) => placed.has(s.geo)).map((s) => [s.geo, { text: endLabel(s), y: placed.get(s.geo)! }]),
  );
}

/** The y-axis ticks: 1-2-5 per decade on a log scale, round values on a linear one, as many as fit. */
export function valueTicks(layout: Pick<LineLayout, 'y' | 'height' | 'margin'>, scale: 'linear' | 'log'): number[] {
  const length = layout.height - layout.margin.top - layout.margin.bottom;
  if (scale === 'linear') return layout.y.ticks(tickCount(length));
  const [low, high] = layout.y.domain() as [number, number];
  return logTicks(Math.min(low, high), Math.max(low, high), Math.max(2, Math.floor(length / 24)));
}

function axes(layout: LineLayout, yLabel: string, scale: 'linear' | 'log'): string {
  const { x, y, margin, width, height } = layout;
  const xTicks = yearTicks(layout.years, width - margin.left - margin.right).map(
    (year) =>
      tag('line', {
        x1: x(year),
        x2: x(year),
        y1: height - margin.bottom,
        y2: height - margin.bottom + 5,
        stroke: '#555',
      }) + text(String(year), { x: x(year), y: height - margin.bottom + 18, 'text-anchor': 'middle' }),
  );
  const yTicks = valueTicks(layout, scale).map(
    (v) =>
      tag('line', { x1: margin.left, x2: width - margin.right, y1: y(v), y2: y(v), stroke: '#e0e0e0' }) +
      text(formatTick(v, layout.locale), { x: margin.left - 6, y: y(v) + 4, 'text-anchor': 'end' }),
  );
  const label = text(yLabel, {
    x: 12,
    y: margin.top + (height - margin.top - margin.bottom) / 2,
    transform: `rotate(-90 12 ${margin.top + (height - margin.top - margin.bottom) / 2})`,
    'text-anchor': 'middle',
  });
  return tag('g', { class: 'axes', 'aria-hidden': 'true' }, yTicks.join('') + xTicks.join('') + label);
}

function seriesMarks(s: TrendSeries, layout: LineLayout, scale: 'linear' | 'log'): string {
  const style = layout.styles.get(s.geo)!;
  const draw = line<TrendPoint>()
    .x((p) => layout.x(p.year))
    .y((p) => layout.y(p.value!));
  const runs = segments(s.points, scale);
  const stroke = (d: string, colour: string, width: number, dash?: string) =>
    tag('path', { d, fill: 'none', stroke: colour, 'stroke-width': width, 'stroke-dasharray': dash || undefined });
  const paths = runs.map((run) => {
    const d = roundPath(draw(run));
    return s.aggregate
      ? stroke(d, '#ffffff', AGGREGATE_STYLE.casing) + stroke(d, style.colour, AGGREGATE_STYLE.width, style.dash)
      : stroke(d, style.colour, SERIES_WIDTH, style.dash);
  });
  const points = runs
    .flat()
    .map((p) => pointMarker(layout.x(p.year), layout.y(p.value!), style.marker, style.colour, isTentative(p.flags)));
  return tag(
    'g',
    { class: 'series', 'data-geo': s.geo },
    paths.join('') + points.join('') + endLabelMark(s, layout, scale),
  );
}

/** The series' label in the column right of the plot; a leader line joins it to the line's last point. */
function endLabelMark(s: TrendSeries, layout: LineLayout, scale: 'linear' | 'log'): string {
  const last = lastPoint(s, scale);
  const label = layout.labels.get(s.geo);
  if (!last || !label) return '';
  const style = layout.styles.get(s.geo)!;
  const from = { x: layout.x(last.year) + 4, y: layout.y(last.value!) };
  const labelX = layout.width - layout.margin.right + 16;
  const leader = tag('path', {
    class: 'leader',
    d: roundPath(`M${from.x},${from.y}L${labelX - 10},${from.y}L${labelX - 3},${label.y}`),
    fill: 'none',
    stroke: style.colour,
    'stroke-width': 1,
  });
  return (
    leader +
    text(label.text, {
      class: 'end-label',
      x: labelX,
      y: label.y + 4,
      fill: '#1a1a1a',
      'font-weight': s.aggregate ? 700 : 400,
    })
  );
}

function practiceMarks(series: TrendSeries[], layout: LineLayout, markers: PracticeMarker[]): string {
  const [first = 0, last = 0] = layout.x.domain();
  return markers
    .flatMap((m) => {
      if (m.year < first || m.year > last || !series.some((s) => s.geo === m.geo)) return [];
      // On the country's line when it has a value that year, otherwise on the time axis.
      const point = series.find((s) => s.geo === m.geo)?.points.find((p) => p.year === m.year && p.value !== null);
      const x = layout.x(m.year);
      const y = point ? layout.y(point.value!) : layout.height - layout.margin.bottom;
      const flag = tag('path', {
        d: `M${Math.round(x)},${Math.round(y)}V${Math.round(y - 22)}h10l-3,4l3,4h-10`,
        fill: '#fff',
        stroke: '#1a1a1a',
        'stroke-width': 1.5,
      });
      // A transparent hit area: the thin flag alone is hard to click or tap.
      const hit = tag('rect', {
        x: Math.round(x) - 6,
        y: Math.round(y) - 26,
        width: 20,
        height: 30,
        fill: 'transparent',
      });
      return [
        tag(
          'a',
          {
            href: m.href,
            class: 'practice-marker',
            'aria-label': t('chart.practice-marker', { title: m.title, geo: m.geo, year: m.year }),
          },
          `<title>${escapeXml(`${m.title} (${m.geo}, ${m.year})`)}</title>${hit}${flag}`,
        ),
      ];
    })
    .join('');
}

/** A dashed rule at each year where a line breaks for a stated reason, the reasons in its title. */
function breakMarks(series: TrendSeries[], layout: LineLayout): string {
  const reasons = new Map<number, string[]>();
  for (const s of series) {
    for (const p of s.points)
      if (p.breakReason) reasons.set(p.year, [...(reasons.get(p.year) ?? []), `${s.label}: ${p.breakReason}`]);
  }
  return [...reasons]
    .map(([year, why]) => {
      const x = Math.round(layout.x(year) - 0.5 * (layout.x(year) - layout.x(year - 1)));
      const rule = tag('line', {
        x1: x,
        x2: x,
        y1: layout.margin.top,
        y2: layout.height - layout.margin.bottom,
        stroke: '#767676',
        'stroke-dasharray': '2 4',
      });
      return tag(
        'g',
        { class: 'break-marker', 'data-year': year },
        `<title>${escapeXml(t('chart.break-before', { year, reasons: why.join('; ') }))}</title>${rule}`,
      );
    })
    .join('');
}

export function renderLineChart(series: TrendSeries[], options: LineChartOptions): string {
  const scale = options.scale ?? 'linear';
  const layout = lineLayout(series, options);
  const body =
    axes(layout, options.yLabel, scale) +
    breakMarks(series, layout) +
    tag('g', { class: 'lines' }, series.map((s) => seriesMarks(s, layout, scale)).join('')) +
    tag('g', { class: 'practices' }, practiceMarks(series, layout, options.markers ?? [])) +
    tag('line', {
      class: 'crosshair',
      x1: 0,
      x2: 0,
      y1: layout.margin.top,
      y2: layout.height - layout.margin.bottom,
      stroke: '#1a1a1a',
      'stroke-dasharray': '3 3',
      visibility: 'hidden',
    });
  const description = t('chart.line-description', {
    scale,
    series: formatList(
      series.map((s) => s.label),
      layout.locale,
    ),
  });
  return svgDocument(
    { width: layout.width, height: layout.height },
    {
      title: options.title,
      description,
      className: 'chart line-chart',
      interactive: (options.markers ?? []).length > 0,
    },
    body,
  );
}
