import { renderChoropleth } from '../../charts/choropleth';
import { renderLineChart } from '../../charts/line-chart';
import type { ChartDescription } from '../../components/export-meta';
import { currentLocale, t } from '../../i18n/i18n';
import type { EmbeddableView, ViewState } from '../../state/url-state';
import { rankedChart } from '../compare/chart';
import { loadComparison } from '../compare/state';
import { mapDescription } from '../explore/description';
import { countriesOf, loadExploreData, loadMap, rankCells, yearShown } from '../explore/state';
import { trendDescription } from '../trends/description';
import { loadTrends, trendsModel } from '../trends/state';
import { type Catalogue, geoName, sourceText } from '../view-parts';

/** One embedded chart: what it is, its SVG, and where its figures come from. */
export interface EmbeddedChart {
  description: ChartDescription;
  svg: string;
  source: string;
  dataVersion: string | null;
}

type Loader = (state: ViewState, catalogue: Catalogue, width: number) => Promise<EmbeddedChart>;

/** The same loading and drawing as the full views (their state modules), without their controls. */
const LOADERS: Record<EmbeddableView, Loader> = {
  trends: async (state, catalogue, width) => {
    const model = trendsModel(state, catalogue, await loadTrends(state, catalogue));
    const description = trendDescription(model, state);
    const svg = renderLineChart(model.series, {
      title: description.title,
      yLabel: model.unit,
      scale: state.scale,
      locale: currentLocale(),
      width,
      height: width < 480 ? 300 : 380,
    });
    const source = model.sources ?? sourceText(catalogue.indicatorByCode.get(state.indicator));
    return { description, svg, source, dataVersion: model.trends[0]?.meta.dataVersion ?? null };
  },
  compare: async (state, catalogue, width) => {
    const loaded = await loadComparison(state, catalogue);
    const { main } = loaded;
    const countryName = (code: string) => geoName(catalogue, code);
    const { description, svg } = rankedChart(loaded, state.geos, {
      width,
      countryName,
      aggregateLabel: t('compare.eu'),
    });
    const source = loaded.regionalSource ?? sourceText(catalogue.indicatorByCode.get(state.indicator));
    return { description, svg, source, dataVersion: main.meta.dataVersion };
  },
  explore: async (state, catalogue, width) => {
    const [map, loaded] = await Promise.all([loadMap(), loadExploreData(state, catalogue)]);
    const year = yearShown(state, loaded);
    const indicator = catalogue.indicatorByCode.get(state.indicator);
    const description = mapDescription(
      { code: state.indicator, name: indicator?.name ?? state.indicator },
      loaded.measure,
      year,
    );
    const cells = year === null ? [] : rankCells(countriesOf(catalogue), loaded.observations, year);
    const svg = renderChoropleth(map, cells, {
      title: description.title,
      measure: loaded.measure,
      locale: currentLocale(),
      width,
      height: Math.round(width * 0.8),
    });
    return { description, svg, source: sourceText(indicator), dataVersion: loaded.dataVersion };
  },
};

export function loadEmbeddedChart(state: ViewState, catalogue: Catalogue, width: number): Promise<EmbeddedChart> {
  return LOADERS[(state.id as EmbeddableView | null) ?? 'explore'](state, catalogue, width);
}
