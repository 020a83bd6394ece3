import { type ChoroplethCell, type ChoroplethOptions, choroplethOptions, legend, quantileClasses } from './choropleth';
import { formatValue } from './format';
import { t } from '../i18n/i18n';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Recolours a choropleth drawn by renderChoropleth for other values of the same geos (another year),
 * setting the attributes renderChoropleth would set instead of parsing ~1,500 paths again: a NUTS 3
 * map of Europe repaints within the dashboard's 100 ms. The result matches a fresh render.
 */
export function recolourChoropleth(svg: SVGSVGElement, cells: ChoroplethCell[], options: ChoroplethOptions): void {
  const o = choroplethOptions(options);
  const hatch = `url(#${o.idPrefix}-nodata)`;
  const byGeo = new Map(cells.map((c) => [c.geo, c]));
  const breaks = quantileClasses(cells.flatMap((c) => (c.value === null ? [] : [c.value])));
  for (const path of svg.querySelectorAll<SVGPathElement>('path[data-geo]')) {
    const cell = byGeo.get(path.getAttribute('data-geo')!);
    const hasValue = cell !== undefined && cell.value !== null;
    const name = cell?.name ?? path.getAttribute('data-geo');
    const value = hasValue ? formatValue(cell.value, o.measure, o.locale) : t('chart.no-data');
    const label = cell?.flags
      ? t('chart.map-geo-flags', { name, value, flags: cell.flags })
      : t('chart.map-geo', { name, value });
    path.setAttribute('fill', hasValue ? breaks.colour(cell.value!) : hatch);
    path.setAttribute('class', hasValue ? 'geo' : 'geo no-data');
    path.setAttribute('aria-label', label);
  }
  svg.setAttribute('aria-label', o.title);
  const title = svg.querySelector('title');
  if (title) title.textContent = o.title;
  const desc = svg.querySelector('desc');
  if (desc) desc.textContent = t('chart.map-description', { count: cells.filter((c) => c.value !== null).length });
  const old = svg.querySelector('g.legend');
  const parsed = new DOMParser().parseFromString(
    `<svg xmlns="${SVG_NS}">${legend(breaks, o, `${o.idPrefix}-nodata`)}</svg>`,
    'image/svg+xml',
  );
  const fresh = parsed.documentElement.firstElementChild;
  if (old && fresh) old.replaceWith(document.importNode(fresh, true));
}
