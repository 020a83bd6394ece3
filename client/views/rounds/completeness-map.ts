import { legendColumns, legendHeight, mapHeight, type MapGeometry, projectedPaths } from '../../charts/choropleth';
import { SEQUENTIAL } from '../../charts/palette';
import { svgDocument, tag, text } from '../../charts/svg';
import { t } from '../../i18n/i18n';

export interface CompletenessCell {
  geo: string;
  name: string;
  /** Share of the geo's expected cells delivered or declared not available, per cent; null: the geo is not asked. */
  completeness: number | null;
  complete: boolean;
}

export interface CompletenessMapOptions {
  title: string;
  width?: number;
  height?: number;
  idPrefix?: string;
}

/** Fixed classes, so maps of two rounds (or one round on two days) read alike: the colour means the same share. */
export const COMPLETENESS_CLASSES = [
  { from: 0, to: 25, label: '0 – 24 %', colour: SEQUENTIAL[0] },
  { from: 25, to: 50, label: '25 – 49 %', colour: SEQUENTIAL[1] },
  { from: 50, to: 75, label: '50 – 74 %', colour: SEQUENTIAL[2] },
  { from: 75, to: 100, label: '75 – 99 %', colour: SEQUENTIAL[3] },
  { from: 100, to: 101, label: '100 %', colour: SEQUENTIAL[4] },
] as const;

export function completenessColour(value: number): string {
  return (COMPLETENESS_CLASSES.find((c) => value >= c.from && value < c.to) ?? COMPLETENESS_CLASSES[4]).colour;
}

/** The legend wraps like the choropleth's: fewer columns on a narrow map, so it can be drawn at the width shown. */
function legend(width: number, height: number): string {
  const columns = legendColumns(width);
  const columnWidth = (width - 16) / columns;
  const top = height - legendHeight(width);
  const at = (i: number) => ({
    x: 8 + (i % columns) * columnWidth,
    y: top + 8 + Math.floor(i / columns) * 22,
  });
  const swatches = COMPLETENESS_CLASSES.map((c, i) => {
    const { x, y } = at(i);
    return (
      tag('rect', { x, y, width: 20, height: 14, fill: c.colour, stroke: '#555' }) +
      text(c.label, { x: x + 26, y: y + 12 })
    );
  });
  const { x, y } = at(COMPLETENESS_CLASSES.length);
  const notAsked =
    tag('rect', { x, y, width: 20, height: 14, fill: '#f2f2f2', stroke: '#555' }) +
    text(t('rounds.map.not-asked'), { x: x + 26, y: y + 12 });
  return tag('g', { class: 'legend', 'aria-hidden': 'true' }, swatches.join('') + notAsked);
}

/**
 * A map of Europe coloured by each expected geo's completeness in a round; geos the round does not
 * ask are grey. A completed part is outlined more strongly, so the map does not rely on colour alone.
 */
export function renderCompletenessMap(
  map: MapGeometry,
  cells: CompletenessCell[],
  options: CompletenessMapOptions,
): string {
  const width = options.width ?? 560;
  const height = options.height ?? mapHeight(width);
  const byGeo = new Map(cells.map((c) => [c.geo, c]));
  const paths = projectedPaths(map, width, height - legendHeight(width));
  const shapes = map.features.map((feature) => {
    const cell = byGeo.get(feature.id);
    const asked = cell !== undefined && cell.completeness !== null;
    const label = asked
      ? t(cell.complete ? 'rounds.map.geo-complete' : 'rounds.map.geo-open', {
          name: cell.name,
          share: String(cell.completeness),
        })
      : null;
    return tag('path', {
      d: paths.get(feature.id),
      class: asked ? `geo${cell.complete ? ' complete' : ''}` : 'geo not-asked',
      'data-geo': feature.id,
      fill: asked ? completenessColour(cell.completeness!) : '#f2f2f2',
      stroke: asked && cell.complete ? '#000000' : '#4d4d4d',
      'stroke-width': asked && cell.complete ? 1.6 : 0.6,
      role: asked ? 'img' : null,
      'aria-label': label,
      'aria-hidden': asked ? null : 'true',
    });
  });
  const asked = cells.filter((c) => c.completeness !== null);
  const description = t('rounds.map.description', {
    asked: asked.length,
    complete: asked.filter((c) => c.complete).length,
  });
  return svgDocument(
    { width, height },
    { title: options.title, description, className: 'chart choropleth completeness-map' },
    tag('g', { class: 'geos' }, shapes.join('')) + legend(width, height),
  );
}
