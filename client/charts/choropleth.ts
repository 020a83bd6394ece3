import { geoIdentity, geoPath } from 'd3-geo';
import { scaleQuantile } from 'd3-scale';
import type { Locale } from '../../server/shared/i18n/locales';
import { t } from '../i18n/i18n';
import { formatValue, type Measure } from './format';
import { SEQUENTIAL } from './palette';
import { roundPath, svgDocument, tag, text } from './svg';

export interface MapFeature {
  type: 'Feature';
  id: string;
  properties: { name: string };
  geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
}
export interface MapGeometry {
  type: 'FeatureCollection';
  features: MapFeature[];
}

export interface ChoroplethCell {
  geo: string;
  name: string;
  value: number | null;
  flags: string;
}

export interface ChoroplethOptions {
  title: string;
  measure: Measure;
  width?: number;
  height?: number;
  /** Prefix for ids inside the SVG, so several maps can share a page. */
  idPrefix?: string;
  /** The language of numbers (English by default, so snapshots are reproducible). */
  locale?: Locale;
}

export interface ClassBreaks {
  colour: (value: number) => string;
  classes: { colour: string; from: number; to: number }[];
}

/** Five quantile classes over the values shown (fewer when there are few distinct values). */
export function quantileClasses(values: number[]): ClassBreaks {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const count = Math.max(1, Math.min(SEQUENTIAL.length, new Set(sorted).size));
  const range = SEQUENTIAL.slice(SEQUENTIAL.length - count);
  const scale = scaleQuantile<string>().domain(sorted).range(range);
  const cuts = scale.quantiles();
  const bounds = [sorted[0] ?? 0, ...cuts, sorted[sorted.length - 1] ?? 0];
  return {
    colour: (value) => scale(value) ?? range[0]!,
    classes: range.map((colour, i) => ({ colour, from: bounds[i]!, to: bounds[i + 1]! })),
  };
}

/** Legend columns: three where they fit, fewer on a narrow map, so labels never run into each other. */
export function legendColumns(width: number): number {
  return Math.max(1, Math.min(3, Math.floor((width - 16) / 150)));
}

/** The legend's height: 22 px a row for at most five classes and "no data"; 56 for the default two rows. */
export function legendHeight(width: number): number {
  return 12 + Math.ceil((SEQUENTIAL.length + 1) / legendColumns(width)) * 22;
}

/** A map's default height for a width: the map area keeps its 560 × 464 shape; the legend goes below. */
export function mapHeight(width: number): number {
  return Math.round((width * 464) / 560) + legendHeight(width);
}

const projectedCache = new WeakMap<MapGeometry, Map<string, Map<string, string>>>();

/** Path data per geo for a size; the geometry is already in EPSG:3035 (km), so the projection is an identity fit. */
export function projectedPaths(map: MapGeometry, width: number, height: number): Map<string, string> {
  const bySize = projectedCache.get(map) ?? new Map<string, Map<string, string>>();
  projectedCache.set(map, bySize);
  const key = `${width}x${height}`;
  const cached = bySize.get(key);
  if (cached) return cached;
  const projection = geoIdentity()
    .reflectY(true)
    .fitSize([width, height], map as never);
  const path = geoPath(projection);
  const paths = new Map(map.features.map((f) => [f.id, roundPath(path(f as never))]));
  bySize.set(key, paths);
  return paths;
}

function hatchPattern(id: string): string {
  return tag(
    'pattern',
    { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
    tag('rect', { width: 6, height: 6, fill: '#f2f2f2' }) +
      tag('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#767676', 'stroke-width': 2 }),
  );
}

export function legend(breaks: ClassBreaks, options: Required<ChoroplethOptions>, hatchId: string): string {
  const columns = legendColumns(options.width);
  const columnWidth = (options.width - 16) / columns;
  const top = options.height - legendHeight(options.width);
  const at = (i: number) => ({
    x: 8 + (i % columns) * columnWidth,
    y: top + 8 + Math.floor(i / columns) * 22,
  });
  const swatches = breaks.classes.map((c, i) => {
    const { x, y } = at(i);
    const label = `${formatValue(c.from, options.measure, options.locale)} – ${formatValue(c.to, options.measure, options.locale)}`;
    return (
      tag('rect', { x, y, width: 20, height: 14, fill: c.colour, stroke: '#555' }) +
      text(label, { x: x + 26, y: y + 12 })
    );
  });
  const { x: noDataX, y } = at(breaks.classes.length);
  const noData =
    tag('rect', { x: noDataX, y, width: 20, height: 14, fill: `url(#${hatchId})`, stroke: '#555' }) +
    text(t('chart.legend-no-data'), { x: noDataX + 26, y: y + 12 });
  return tag('g', { class: 'legend', 'aria-hidden': 'true' }, swatches.join('') + noData);
}

/** The options with their defaults: 560 wide, and a height that fits the map and its legend. */
export function choroplethOptions(options: ChoroplethOptions): Required<ChoroplethOptions> {
  const width = options.width ?? 560;
  return { height: mapHeight(width), idPrefix: 'map', locale: 'en', ...options, width };
}

export function renderChoropleth(map: MapGeometry, cells: ChoroplethCell[], options: ChoroplethOptions): string {
  const o = choroplethOptions(options);
  const hatchId = `${o.idPrefix}-nodata`;
  const byGeo = new Map(cells.map((c) => [c.geo, c]));
  const breaks = quantileClasses(cells.flatMap((c) => (c.value === null ? [] : [c.value])));
  const paths = projectedPaths(map, o.width, o.height - legendHeight(o.width));
  const shapes = map.features.map((feature) => {
    const cell = byGeo.get(feature.id);
    const hasValue = cell !== undefined && cell.value !== null;
    const name = cell?.name ?? feature.properties.name;
    const value = hasValue ? formatValue(cell.value, o.measure, o.locale) : t('chart.no-data');
    const label = cell?.flags
      ? t('chart.map-geo-flags', { name, value, flags: cell.flags })
      : t('chart.map-geo', { name, value });
    return tag('path', {
      d: paths.get(feature.id),
      class: hasValue ? 'geo' : 'geo no-data',
      'data-geo': feature.id,
      fill: hasValue ? breaks.colour(cell.value!) : `url(#${hatchId})`,
      stroke: '#4d4d4d',
      'stroke-width': 0.6,
      tabindex: 0,
      role: 'link',
      'aria-label': label,
    });
  });
  const description = t('chart.map-description', { count: cells.filter((c) => c.value !== null).length });
  return svgDocument(
    { width: o.width, height: o.height },
    { title: o.title, description, className: 'chart choropleth', interactive: true },
    tag('defs', {}, hatchPattern(hatchId)) + tag('g', { class: 'geos' }, shapes.join('')) + legend(breaks, o, hatchId),
  );
}
