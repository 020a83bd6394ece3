import { renderChoropleth } from '../../charts/choropleth';
import { recolourChoropleth } from '../../charts/choropleth-recolour';
import { formatValue, type Measure, measureUnit } from '../../charts/format';
import { type ChartPanel, chartPanel } from '../../components/chart-panel';
import { chartViewLayout } from '../../components/chart-view-layout';
import { radioGroup, type YearSlider, yearSlider } from '../../components/controls';
import { errorBox, h } from '../../components/dom';
import { chartableIndicatorPicker } from '../indicator-control';
import { attachMapInteraction } from '../../components/map-interaction';
import type { TableSpec } from '../../components/sortable-table';
import { t } from '../../i18n/i18n';
import { countryMap, loadRegionMap, type RegionGeometry } from '../../map/region-map';
import type { ViewState } from '../../state/url-state';
import type { MountedView, ViewContext } from '../view-context';
import { type Catalogue, geoName, latest, mapWidth, viewHeader } from '../view-parts';
import { levelPicker } from './level-picker';
import {
  drilledCountry,
  levelFacets,
  loadRegionData,
  mapLevel,
  publishedRateSource,
  rankRegions,
  type RegionData,
  regionKey,
  regionYear,
} from './regions-state';
import type { RankedCell } from './state';

export const REGION_MAP_PAINTED = 'observatory:region-map-painted';
/** The regional cells' source (the seed's crim_gen_reg), named as in data/README.md. */
const REGIONAL_SOURCE = 'Eurostat, crim_gen_reg: police-recorded offences by NUTS region (unit NR and P_HTHAB)';

function regionTable(cells: RankedCell[], measure: Measure, caption: string): TableSpec<RankedCell> {
  return {
    caption,
    rows: cells,
    sortBy: 'rank',
    columns: [
      { key: 'geo', label: t('regions.column-region'), value: (c) => `${c.name} (${c.geo})` },
      {
        key: 'value',
        label: t('regions.column-value', { unit: measureUnit(measure) }),
        value: (c) => c.value,
        format: (c) => formatValue(c.value, measure),
        numeric: true,
      },
      { key: 'flags', label: t('regions.column-flags'), value: (c) => c.flags },
      { key: 'rank', label: '#', value: (c) => c.rank, numeric: true },
      {
        key: 'rateSource',
        label: t('regions.column-rate-source'),
        value: (c) => (c.observation?.rateSource ? t('regions.rate-source-eurostat') : ''),
      },
    ],
  };
}

function tooltip(cell: RankedCell, measure: Measure): HTMLElement {
  return h(
    'div',
    {},
    h('strong', { text: `${cell.name} (${cell.geo})` }),
    h('div', { text: cell.value === null ? '—' : `${formatValue(cell.value, measure)} ${measureUnit(measure)}` }),
    cell.observation?.rateSource ? h('div', { text: t('regions.rate-source-eurostat') }) : null,
  );
}

/** The notices a regional map always carries: what its figures are, and what it does not draw. */
function notices(measure: Measure, cells: RankedCell[]): HTMLElement[] {
  const shown = [h('p', { class: 'notice', text: t('regions.not-drawn') })];
  if (measure === 'count') shown.unshift(h('p', { class: 'notice count-warning', text: t('regions.count-warning') }));
  else if (publishedRateSource(cells)) shown.unshift(h('p', { class: 'notice', text: t('regions.published-rate') }));
  return shown;
}

/** Explore at NUTS level 1, 2 or 3: all of Europe, or one country's regions after a drill-down. */
export async function mountRegions(
  container: HTMLElement,
  initial: ViewState,
  context: ViewContext,
  catalogue: Catalogue,
): Promise<MountedView> {
  let state = initial;
  let data: RegionData | null = null;
  let map: RegionGeometry | null = null;
  let panel: ChartPanel | null = null;
  let slider: YearSlider | null = null;
  let shown = new Map<string, RankedCell>();
  let paints = 0;
  const guard = latest<[RegionData, RegionGeometry]>();
  const controls = h('div', { class: 'controls' });
  const noticeSlot = h('div', { class: 'notices', 'aria-live': 'polite' });
  const panelSlot = h('div', { class: 'panel-slot' });
  const tip = h('div', { class: 'tooltip', hidden: true, 'aria-hidden': 'true' });
  const layout = chartViewLayout();
  const header = layout.header;
  layout.controls.replaceChildren(controls);
  layout.chart.replaceChildren(noticeSlot, panelSlot);
  layout.attach(container);

  const titleOf = (year: number | null) => {
    const level = mapLevel(state);
    const within = drilledCountry(state);
    const where = within
      ? t('regions.title-country', { level, country: geoName(catalogue, within) })
      : t('regions.title-europe', { level });
    const indicator = catalogue.indicatorByCode.get(state.indicator)?.name ?? state.indicator;
    return `${indicator}, ${measureUnit(data?.measure ?? 'count')}, ${where}, ${year ?? '—'}`;
  };

  const paint = () => {
    if (!data || !map || !panel) return;
    const year = regionYear(state, data);
    const within = drilledCountry(state);
    const drawn = countryMap(map, mapLevel(state), within);
    const regions = drawn.features.map((f) => ({ code: f.id, name: f.properties.name, country: f.properties.country }));
    const cells = year === null ? [] : rankRegions(regions, data.observations, year, within);
    shown = new Map(cells.map((c) => [c.geo, c]));
    const title = titleOf(year);
    const width = mapWidth(panel.chart);
    const options = { title, measure: data.measure, idPrefix: 'regions', width };
    // Same regions, measure and size as the map on screen (a year change): recolour it rather than draw it anew.
    const drawnKey = `${builtFor}|${drawn.features.length}|${width}`;
    const onScreen = panel.chart.querySelector<SVGSVGElement>('svg.choropleth');
    if (onScreen && panel.chart.dataset.drawn === drawnKey) recolourChoropleth(onScreen, cells, options);
    else panel.setSvg(renderChoropleth(drawn, cells, options));
    panel.chart.dataset.drawn = drawnKey;
    panel.setTable(regionTable(cells, data.measure, title));
    noticeSlot.replaceChildren(...notices(data.measure, cells));
    panel.chart.dataset.paint = String(++paints);
    panel.chart.dataset.year = String(year);
    panel.chart.dataset.level = String(mapLevel(state));
    requestAnimationFrame(() => setTimeout(() => performance.mark(REGION_MAP_PAINTED), 0));
  };

  const build = () => {
    const level = mapLevel(state);
    const within = drilledCountry(state);
    const indicator = catalogue.indicatorByCode.get(state.indicator);
    header.replaceChildren(
      viewHeader(
        within
          ? t('regions.title-country', { level, country: geoName(catalogue, within) })
          : t('regions.title-europe', { level }),
        t('regions.intro'),
      ),
      within
        ? h(
            'p',
            {},
            h('a', { href: context.hrefFor({ facets: levelFacets(level, null) }), text: t('regions.back-to-europe') }),
          )
        : '',
    );
    slider?.stop();
    slider = data?.years.length
      ? yearSlider({
          years: data.years,
          selected: regionYear(state, data) ?? data.years.at(-1)!,
          onChange: (year, playing) => {
            state = { ...state, year };
            if (playing) history.replaceState(null, '', context.hrefFor({ year }));
            else context.record({ year });
            paint();
          },
        })
      : null;
    controls.replaceChildren(
      levelPicker(level, within, context),
      chartableIndicatorPicker(catalogue, state.indicator, context),
      radioGroup<Measure>({
        legend: t('views.measure'),
        name: 'region-measure',
        selected: data?.measure ?? 'count',
        onChange: (m) => context.navigate({ measure: m }),
        choices: indicator?.rate_derivable
          ? [
              { value: 'rate', label: t('views.measure-rate') },
              { value: 'count', label: t('views.measure-count') },
            ]
          : [{ value: 'count', label: t('views.measure-count') }],
      }),
      slider?.element ?? h('p', { text: t('regions.no-years') }),
    );
    panel = chartPanel({
      title: titleOf(regionYear(state, data)),
      fileStem: `regions-${level}-${state.indicator}-${data?.measure ?? 'count'}`,
      tab: state.tab,
      onTab: (tab) => {
        state = { ...state, tab };
        context.record({ tab });
      },
      table: { caption: '', columns: [], rows: [] },
      source: {
        source: REGIONAL_SOURCE,
        dataVersion: data?.dataVersion ?? null,
        asOfHref: null,
        asOf: state.asOf,
      },
      notes: [h('p', { class: 'credit', text: '© EuroGeographics for the administrative boundaries' }), tip],
    });
    panel.chart.classList.add('map-area');
    attachMapInteraction(panel.chart, tip, {
      describe: (geo) => {
        const cell = shown.get(geo);
        return cell && data ? tooltip(cell, data.measure) : null;
      },
      // Europe-wide, a region drills into its country; within a country, it opens the region's trend.
      open: (geo) =>
        drilledCountry(state)
          ? context.navigate({ view: 'trends', geos: [geo], facets: {} })
          : context.navigate({ facets: levelFacets(mapLevel(state), geo.slice(0, 2)) }),
    });
    panelSlot.replaceChildren(panel.element);
  };

  let builtFor = '';
  const show = async (next: ViewState) => {
    state = next;
    try {
      const key = `${regionKey(state, catalogue)}|${drilledCountry(state) ?? ''}`;
      if (key !== builtFor) {
        const answer = await guard(Promise.all([loadRegionData(state, catalogue), loadRegionMap(mapLevel(state))]));
        if (!answer) return;
        [data, map] = answer;
        builtFor = key;
        build();
      }
      slider?.set(regionYear(state, data) ?? 0);
      panel?.showTab(state.tab);
      paint();
    } catch (error) {
      panelSlot.replaceChildren(
        errorBox(t('regions.load-failed', { reason: error instanceof Error ? error.message : String(error) })),
      );
    }
  };
  await show(initial);
  return {
    update: async (next) => {
      if (mapLevel(next) === 0) return false;
      await show(next);
      return true;
    },
  };
}
