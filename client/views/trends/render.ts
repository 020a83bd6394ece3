import type { TrendResponse } from '../../../server/shared/api/analytics';
import type { Measure } from '../../charts/format';
import { lineLayout, renderLineChart, type LineLayout, type TrendSeries } from '../../charts/line-chart';
import { chartPanel } from '../../components/chart-panel';
import { chartViewLayout } from '../../components/chart-view-layout';
import { radioGroup, selectField } from '../../components/controls';
import { attachCrosshair } from '../../components/crosshair';
import { h } from '../../components/dom';
import { geoPicker } from '../../components/geo-picker';
import { chartableIndicatorPicker } from '../indicator-control';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import {
  asOfHref,
  chartWidth,
  effectiveMeasure,
  latest,
  loadCatalogue,
  sourceText,
  viewHeader,
  type Catalogue,
  repaintingView,
} from '../view-parts';
import { trendRows, type TrendTableRow } from './series';
import { DEFAULT_GEOS, loadTrends, logScaleNote, logScaleOmissions, type TrendsAnswers, trendsModel } from './state';
import { trendStatement } from './statement';
import { geoLabelWithCode } from '../geo-label';
import { formatList } from '../../../server/shared/i18n/format';
import { formatPlain } from '../../charts/format';
import { trendDescription } from './description';
import { countriesWithRegions } from '../../components/region-catalogue';
import { MOST_LINES, regionalTrendNotes, trendRegionPicker } from './regions';
import { currentLocale, geoName, t } from '../../i18n/i18n';

function statementsPanel(trends: TrendResponse[], subject: string, names: Map<string, string>): HTMLElement {
  const items = trends.flatMap((trend) => {
    const last = trend.segments.at(-1);
    if (!last) return [h('li', { text: t('trends.geo-no-data', { geo: names.get(trend.geo) ?? trend.geo }) })];
    const reasons = trend.breakReasons.map((b) => `${b.period} (${b.reason})`).join('; ');
    const breakNote = reasons ? ` ${t('trends.new-segment', { reasons })}` : '';
    return [h('li', { text: trendStatement(subject, trend.geo, last) + breakNote })];
  });
  return h(
    'section',
    { class: 'stats', 'aria-labelledby': 'trend-stats-heading' },
    h('h3', { id: 'trend-stats-heading', text: t('trends.stats-heading') }),
    h('ul', {}, ...items),
    h('p', {
      class: 'hint',
      text: t('trends.stats-hint'),
    }),
  );
}

function controls(
  catalogue: Catalogue,
  state: ViewState,
  context: ViewContext,
  years: number[],
  regionCountries: { code: string; name: string }[],
): HTMLElement {
  const indicator = catalogue.indicatorByCode.get(state.indicator);
  return h(
    'div',
    { class: 'controls' },
    chartableIndicatorPicker(catalogue, state.indicator, context),
    geoPicker({
      geos: catalogue.geos.filter((g) => g.kind === 'country'),
      selected: state.geos.length ? state.geos : DEFAULT_GEOS,
      onChange: (geos) => context.navigate({ geos }),
      max: MOST_LINES,
    }),
    regionCountries.length ? trendRegionPicker(catalogue, regionCountries, state, context) : '',
    h(
      'div',
      { class: 'options' },
      radioGroup<Measure>({
        legend: t('views.measure'),
        name: 'measure',
        selected: effectiveMeasure(indicator, state.measure),
        onChange: (measure) => context.navigate({ measure }),
        choices: indicator?.rate_derivable
          ? [
              { value: 'rate', label: t('views.measure-rate') },
              { value: 'count', label: t('views.measure-count') },
            ]
          : [{ value: 'count', label: t('views.measure-count') }],
      }),
      radioGroup<'linear' | 'log'>({
        legend: t('trends.scale'),
        name: 'scale',
        selected: state.scale,
        onChange: (scale) => context.navigate({ scale }),
        choices: [
          { value: 'linear', label: t('trends.scale-linear') },
          { value: 'log', label: t('trends.scale-log') },
        ],
      }),
      selectField({
        label: t('trends.relative-mode'),
        selected: state.base ? String(state.base) : '',
        onChange: (v) => context.navigate({ base: v ? Number(v) : null }),
        choices: [
          { value: '', label: t('trends.relative-off') },
          ...years.map((y) => ({ value: String(y), label: String(y) })),
        ],
      }),
    ),
  );
}

/** Zeros a log scale cannot draw are named beside the chart (issue 20). */
function logNote(series: TrendSeries[], scale: 'linear' | 'log'): HTMLElement | '' {
  const text = logScaleNote(logScaleOmissions(series, scale), currentLocale());
  return text ? h('p', { class: 'notice', 'data-log-omitted': '', text }) : '';
}

/** A line's name in the table: a region's with its NUTS code ("Berlin (DE300)"), a country's as geoLabelWithCode. */
function lineLabel(catalogue: Catalogue, geo: string, label: string): string {
  return catalogue.geoByCode.has(geo) ? geoLabelWithCode(geo, label) : `${label} (${geo})`;
}

export async function mount(container: HTMLElement, initial: ViewState, context: ViewContext): Promise<MountedView> {
  const [catalogue, withRegions] = await Promise.all([
    loadCatalogue(),
    countriesWithRegions().catch(() => new Set<string>()),
  ]);
  const regionCountries = [...withRegions]
    .map((code) => ({ code, name: geoName(code, catalogue.geoByCode.get(code)?.name) }))
    .sort((a, b) => a.name.localeCompare(b.name, currentLocale()));
  const names = new Map(catalogue.geos.map((g) => [g.code, geoName(g.code, g.name)]));
  const guard = latest<TrendsAnswers>();
  let chartState: { layout: LineLayout; series: TrendSeries[]; measure: Measure | 'index' } | null = null;
  const page = chartViewLayout();

  const show = async (state: ViewState) => {
    const answers = await guard(loadTrends(state, catalogue));
    if (!answers) return;
    const model = trendsModel(state, catalogue, answers);
    const indicator = catalogue.indicatorByCode.get(state.indicator);
    const description = {
      ...trendDescription(model, state),
      embedPath: context.hrefFor({ view: 'embed', id: 'trends', tab: 'chart' }),
    };
    const title = description.title;
    page.attach(container);
    const width = chartWidth(page.chart, 720);
    const options = {
      title,
      yLabel: model.unit,
      scale: state.scale,
      markers: state.base ? [] : model.markers,
      locale: currentLocale(),
      width,
      height: width < 480 ? 300 : 380,
    };
    const dataVersion = model.trends[0]?.meta.dataVersion ?? null;
    const panel = chartPanel({
      title: t('trends.panel-title'),
      fileStem: description.fileStem,
      description,
      tab: state.tab,
      onTab: (tab) => context.record({ tab }),
      table: {
        caption: title,
        rows: trendRows(model.series),
        sortBy: 'year',
        columns: [
          { key: 'label', label: t('trends.geo'), value: (r: TrendTableRow) => lineLabel(catalogue, r.geo, r.label) },
          { key: 'year', label: t('component.year'), value: (r) => r.year, numeric: true },
          {
            key: 'value',
            label: t('views.value-column', { unit: model.unit }),
            value: (r) => (r.value === null ? null : Math.round(r.value * 100) / 100),
            format: (r) => (r.value === null ? '—' : formatPlain(r.value, currentLocale(), 2)),
            numeric: true,
          },
          { key: 'flags', label: t('views.flags'), value: (r) => r.flags },
        ],
      },
      source: {
        source: model.sources ?? sourceText(indicator),
        dataVersion,
        asOfHref: asOfHref(context, dataVersion),
        asOf: state.asOf,
      },
      notes: [
        ...regionalTrendNotes(model.trends, catalogue),
        logNote(model.series, state.scale),
        h('p', {
          class: 'hint',
          text: [
            t('trends.chart-hint'),
            model.left.length
              ? t('trends.not-indexed', { base: state.base, geos: formatList(model.left, currentLocale()) })
              : '',
          ]
            .filter(Boolean)
            .join(' '),
        }),
      ],
    });
    panel.setSvg(renderLineChart(model.series, options));
    chartState = {
      layout: lineLayout(model.series, options),
      series: model.series,
      measure: state.base ? 'index' : model.measure,
    };
    const readout = attachCrosshair(panel.chart, () => chartState);
    panel.chart.after(readout);
    page.header.replaceChildren(viewHeader(t('shell.title-trends'), t('trends.intro')));
    page.controls.replaceChildren(controls(catalogue, state, context, model.years, regionCountries));
    page.chart.replaceChildren(panel.element);
    page.after.replaceChildren(statementsPanel(model.trends, model.subject, names));
  };

  return repaintingView(container, initial, { title: t('shell.title-trends'), what: 'trends.load-failed' }, show);
}
