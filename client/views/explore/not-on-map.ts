import { formatValue, type Measure } from '../../charts/format';
import { h } from '../../components/dom';
import { formatList } from '../../../server/shared/i18n/format';
import { currentLocale, t } from '../../i18n/i18n';
import type { RankedCell } from './state';

/** A country the map cannot draw, and why: a part of a drawn country (UKC-L of UK), or no boundary at all. */
export interface UndrawnCell extends RankedCell {
  /** The drawn country it is part of, or null when the map's source has no boundary for it. */
  partOf: string | null;
}

/**
 * The cells split into those the map draws and those it cannot (issue 20): the legend's classes come
 * from the drawn ones only, so a figure nobody can see never sets the top of the scale.
 */
export function splitByMap(
  cells: RankedCell[],
  onMap: ReadonlySet<string>,
  partOf: (geo: string) => string | null,
): { drawn: RankedCell[]; undrawn: UndrawnCell[] } {
  const drawn = cells.filter((c) => onMap.has(c.geo));
  const undrawn = cells
    .filter((c) => !onMap.has(c.geo))
    .map((c) => {
      const parent = partOf(c.geo);
      return { ...c, partOf: parent && onMap.has(parent) ? parent : null };
    });
  return { drawn, undrawn };
}

function undrawnItem(cell: UndrawnCell, measure: Measure, parentName: (code: string) => string): HTMLElement {
  const value = formatValue(cell.value, measure, currentLocale());
  const why = cell.partOf ? t('numbers.part-of-drawn', { country: parentName(cell.partOf) }) : t('numbers.no-boundary');
  return h(
    'li',
    { 'data-geo': cell.geo },
    h('span', { class: 'swatch', 'aria-hidden': 'true', hidden: cell.value !== null }),
    h('strong', { text: cell.name }),
    `: ${value}`,
    cell.flags ? ` (${cell.flags})` : '',
    cell.rank ? `, ${t('explore.tooltip-rank', { rank: cell.rank, of: cell.of })}` : '',
    ` — ${why}`,
  );
}

/**
 * The "not on the map" list: each undrawn country with a value, by rank, with its value and why it is not
 * drawn (with the hatch of "no data" when it has none); the undrawn ones without a value in one sentence.
 */
export function notOnMapList(
  undrawn: UndrawnCell[],
  measure: Measure,
  year: number | null,
  parentName: (code: string) => string,
): HTMLElement | null {
  if (!undrawn.length) return null;
  const valued = undrawn
    .filter((c) => c.value !== null)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.name.localeCompare(b.name));
  const empty = undrawn.filter((c) => c.value === null);
  const emptyNames = formatList(
    empty.map((c) => c.name).sort((a, b) => a.localeCompare(b)),
    currentLocale(),
  );
  return h(
    'section',
    { class: 'not-on-map', 'aria-labelledby': 'not-on-map-heading' },
    h('h3', { id: 'not-on-map-heading', text: t('numbers.not-on-map-heading') }),
    valued.length ? h('ul', {}, ...valued.map((c) => undrawnItem(c, measure, parentName))) : '',
    empty.length
      ? h(
          'p',
          { 'data-empty': '' },
          h('span', { class: 'swatch', 'aria-hidden': 'true' }),
          t('numbers.not-on-map-empty', { count: empty.length, geos: emptyNames, year: year ?? '' }),
        )
      : '',
  );
}
