import type { TrendResponse } from '../../../server/shared/api/analytics';
import { allRegionsOf } from '../../components/region-catalogue';
import { h } from '../../components/dom';
import { regionPicker } from '../../components/region-picker';
import { t } from '../../i18n/i18n';
import type { ViewState } from '../../state/url-state';
import type { ViewContext } from '../view-context';
import type { Catalogue } from '../view-parts';
import { DEFAULT_GEOS, regionCodes } from './state';

/** As many lines as the country picker allows (components/geo-picker.ts). */
export const MOST_LINES = 8;

/**
 * The region picker of Trends: it opens on the country of the last region drawn, and adds the chosen
 * region (with its country's line, if asked) to the geos in the URL.
 */
export function trendRegionPicker(
  catalogue: Catalogue,
  countries: { code: string; name: string }[],
  state: ViewState,
  context: ViewContext,
): HTMLElement {
  const geos = state.geos.length ? state.geos : DEFAULT_GEOS;
  const lastRegion = regionCodes(geos, catalogue).at(-1);
  return regionPicker({
    countries,
    country: lastRegion ? lastRegion.slice(0, 2) : null,
    loadRegions: allRegionsOf,
    chosen: geos,
    max: MOST_LINES,
    onAdd: (codes) => context.navigate({ geos: [...geos, ...codes.filter((c) => !geos.includes(c))] }),
  });
}

/**
 * What a chart with regional lines must say: that counts are counts (regions differ greatly in
 * population), or that the regions' rates are Eurostat's published ones, not count ÷ population.
 */
export function regionalTrendNotes(trends: TrendResponse[], catalogue: Catalogue): HTMLElement[] {
  const regional = trends.filter((trend) => !catalogue.geoByCode.has(trend.geo));
  if (!regional.length) return [];
  if (regional[0]!.measure === 'count')
    return [
      h('p', {
        class: 'notice count-warning',
        'data-counts': '',
        text: t('trends.region-counts', { rate: t('views.measure-rate') }),
      }),
    ];
  const published = regional.some((trend) => trend.points.some((p) => p.rateSource && p.value !== null));
  return published
    ? [h('p', { class: 'notice', 'data-published-rates': '', text: t('trends.region-published-rates') })]
    : [];
}
