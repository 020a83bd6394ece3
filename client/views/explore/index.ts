import { renderChoropleth } from '../../charts/choropleth';
import { formatValue, measureUnit, type Measure } from '../../charts/format';
import { chartPanel, type ChartPanel } from '../../components/chart-panel';
import { chartViewLayout } from '../../components/chart-view-layout';
import { radioGroup, yearSlider, type YearSlider } from '../../components/controls';
import { errorBox, h } from '../../components/dom';
import { chartableIndicatorPicker } from '../indicator-control';
import { attachMapInteraction } from '../../components/map-interaction';
import type { TableSpec } from '../../components/sortable-table';
import { currentLocale, geoName, t } from '../../i18n/i18n';
import { cellKeyOf } from '../../api/cells';
import { cellContextText, cellHistoryButton } from '../../components/cell-history';
import { notOnMapList, splitByMap } from './not-on-map';
import { geoLabelWithCode } from '../geo-label';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import {
  asOfHref,
  effectiveMeasure,
  latest,
  loadCatalogue,
  mapWidth,
  sourceText,
  viewHeader,
  type Catalogue,
} from '../view-parts';
import {
  countriesOf,
  denominatorText,
  type ExploreData,
  exploreKey,
  loadExploreData,
  loadMap,
  rankCells,
  type RankedCell,
  yearShown,
} from './state';
import { tooltipContent } from './tooltip';
import { levelPicker } from './level-picker';
import { mapLevel } from './regions-state';
import { mountRegions } from './regions-view';
import { mapDescription } from './description';

export const MAP_PAINTED = 'observatory:map-painted';

function cellTable(
  cells: RankedCell[],
  loaded: ExploreData,
  caption: string,
  context: ViewContext,
  onMap: ReadonlySet<string>,
  indicatorName: string,
): TableSpec<RankedCell> {
  const measure = loaded.measure;
  const contextOf = (c: RankedCell) => (c.observation ? loaded.contexts.get(cellKeyOf(c.observation)) : undefined);
  return {
    caption,
    rows: cells,
    sortBy: 'rank',
    columns: [
      {
        key: 'geo',
        label: t('explore.country'),
        value: (c) => c.name,
        cell: (c) =>
          h(
            'span',
            {},
            h('a', {
              href: context.hrefFor({ view: 'profile', id: c.geo, tab: 'chart' }),
              text: geoLabelWithCode(c.geo, c.name),
            }),
            onMap.has(c.geo) ? '' : h('span', { class: 'not-drawn', text: ` — ${t('numbers.not-on-map-short')}` }),
          ),
      },
      {
        key: 'value',
        label: t('views.value-column', { unit: measureUnit(measure) }),
        value: (c) => c.value,
        format: (c) => formatValue(c.value, measure, currentLocale()),
        numeric: true,
      },
      { key: 'flags', label: t('views.flags'), value: (c) => c.flags },
      { key: 'rank', label: t('explore.rank'), value: (c) => c.rank, numeric: true },
      { key: 'denominator', label: t('explore.denominator'), value: (c) => denominatorText(c) },
      {
        key: 'history',
        label: t('history.column'),
        value: (c) => cellContextText(contextOf(c)),
        cell: (c) =>
          c.observation
            ? cellHistoryButton({ ...c.observation, label: `${c.name}, ${indicatorName}` }, contextOf(c))
            : h('span', { text: '' }),
      },
    ],
  };
}

/** Explore: the countries' map, or at NUTS level 1–3 the regions' (regions-view.ts). */
export async function mount(container: HTMLElement, initial: ViewState, context: ViewContext): Promise<MountedView> {
  if (mapLevel(initial) > 0) return mountRegions(container, initial, context, await loadCatalogue());
  return mountCountries(container, initial, context);
}

async function mountCountries(container: HTMLElement, initial: ViewState, context: ViewContext): Promise<MountedView> {
  const [catalogue, map] = await Promise.all([loadCatalogue(), loadMap()]);
  const onMap = new Set(map.features.map((f) => f.id));
  const countries = countriesOf(catalogue);
  let state = initial;
  let loaded: ExploreData | null = null;
  let panel: ChartPanel | null = null;
  let slider: YearSlider | null = null;
  let paints = 0;
  let shownCells = new Map<string, RankedCell>();
  const guard = latest<ExploreData>();
  const controls = h('div', { class: 'controls' });
  const panelSlot = h('div', { class: 'panel-slot' });
  const tooltip = h('div', { class: 'tooltip', hidden: true, 'aria-hidden': 'true' });
  const notOnMapSlot = h('div', { class: 'not-on-map-slot' });
  const layout = chartViewLayout();
  layout.header.replaceChildren(viewHeader(t('shell.title-explore'), t('explore.intro')));
  layout.controls.replaceChildren(controls);
  layout.chart.replaceChildren(panelSlot);
  layout.attach(container);

  const indicatorOf = () => catalogue.indicatorByCode.get(state.indicator);
  const year = () => yearShown(state, loaded);

  const paint = () => {
    if (!loaded || !panel) return;
    const shown = year();
    const indicator = indicatorOf();
    const cells = shown === null ? [] : rankCells(countries, loaded.observations, shown);
    shownCells = new Map(cells.map((c) => [c.geo, c]));
    const { drawn, undrawn } = splitByMap(cells, onMap, (geo) => catalogue.geoByCode.get(geo)?.part_of ?? null);
    const description = mapDescription(
      { code: state.indicator, name: indicator?.name ?? state.indicator },
      loaded.measure,
      shown,
    );
    const title = description.title;
    panel.describe({
      ...description,
      embedPath: context.hrefFor({ view: 'embed', id: 'explore', tab: 'chart', year: shown }),
    });
    // Only drawn geos go to the map, so its legend's classes are those of what can be seen.
    panel.setSvg(
      renderChoropleth(map, drawn, {
        title,
        measure: loaded.measure,
        locale: currentLocale(),
        width: mapWidth(panel.chart),
      }),
    );
    const parentName = (code: string) => geoName(code, catalogue.geoByCode.get(code)?.name);
    notOnMapSlot.replaceChildren(notOnMapList(undrawn, loaded.measure, shown, parentName) ?? '');
    // The table lists the countries on the map and any other country with a value, saying which are not drawn.
    panel.setTable(
      cellTable(
        cells.filter((c) => onMap.has(c.geo) || c.value !== null),
        loaded,
        title,
        context,
        onMap,
        indicator?.name ?? state.indicator,
      ),
    );
    panel.chart.dataset.paint = String(++paints);
    panel.chart.dataset.year = String(shown);
    // After the frame is drawn: lets the web benchmark time the first map and each repaint.
    requestAnimationFrame(() => setTimeout(() => performance.mark(MAP_PAINTED), 0));
  };

  const buildControls = (catalogueNow: Catalogue) => {
    const indicator = indicatorOf();
    const measure = effectiveMeasure(indicator, state.measure);
    slider?.stop();
    slider = loaded?.years.length
      ? yearSlider({
          years: loaded.years,
          selected: year() ?? loaded.years.at(-1)!,
          onChange: (year, playing) => {
            state = { ...state, year };
            if (playing) history.replaceState(null, '', context.hrefFor({ year }));
            else context.record({ year });
            paint();
          },
        })
      : null;
    controls.replaceChildren(
      levelPicker(0, null, context),
      chartableIndicatorPicker(catalogueNow, state.indicator, context),
      radioGroup<Measure>({
        legend: t('views.measure'),
        name: 'measure',
        selected: measure,
        onChange: (m) => context.navigate({ measure: m }),
        choices: indicator?.rate_derivable
          ? [
              { value: 'rate', label: t('views.measure-rate') },
              { value: 'count', label: t('views.measure-count') },
            ]
          : [{ value: 'count', label: t('views.measure-count') }],
      }),
      slider?.element ?? h('p', { text: t('explore.no-years') }),
    );
  };

  const buildPanel = () => {
    const indicator = indicatorOf();
    panel = chartPanel({
      title: t('explore.map-title'),
      fileStem: t('explore.file-stem', { indicator: state.indicator, measure: state.measure }),
      tab: state.tab,
      onTab: (tab) => {
        state = { ...state, tab };
        context.record({ tab });
      },
      table: { caption: '', columns: [], rows: [] },
      source: {
        source: sourceText(indicator),
        dataVersion: loaded?.dataVersion ?? null,
        asOfHref: asOfHref(context, loaded?.dataVersion ?? null),
        asOf: state.asOf,
      },
      notes: [notOnMapSlot, h('p', { class: 'credit', text: t('explore.credit') }), tooltip],
    });
    panel.chart.classList.add('map-area');
    attachMapInteraction(panel.chart, tooltip, {
      describe: (geo) => {
        const cell = shownCells.get(geo);
        if (!cell || !loaded) return null;
        const cellContext = cell.observation ? loaded.contexts.get(cellKeyOf(cell.observation)) : undefined;
        return tooltipContent(cell, loaded.measure, measureUnit(loaded.measure), cellContext);
      },
      open: (geo) => context.navigate({ view: 'profile', id: geo, tab: 'chart' }),
    });
    panelSlot.replaceChildren(panel.element);
  };

  const load = async () => {
    if (loaded?.key === exploreKey(state, catalogue)) return;
    const answer = await guard(loadExploreData(state, catalogue));
    if (!answer) return;
    loaded = answer;
    buildControls(catalogue);
    buildPanel();
  };

  const show = async (next: ViewState) => {
    state = next;
    try {
      await load();
      slider?.set(year() ?? 0);
      panel?.showTab(state.tab);
      paint();
    } catch (error) {
      panelSlot.replaceChildren(
        errorBox(t('explore.load-failed', { message: error instanceof Error ? error.message : String(error) })),
      );
    }
  };
  await show(initial);
  return {
    update: async (next) => {
      if (mapLevel(next) > 0) return false;
      await show(next);
      return true;
    },
  };
}
