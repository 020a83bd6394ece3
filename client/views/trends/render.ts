import type { TrendResponse } from '../../../server/shared/api/analytics';
import type { Measure } from '../../charts/format';
import { lineLayout, renderLineChart, type LineLayout, type TrendSeries } from '../../charts/line-chart';
import { chartPanel } from '../../components/chart-panel';
import { radioGroup, selectField } from '../../components/controls';
import { attachCrosshair } from '../../components/crosshair';
import { errorBox, h } from '../../components/dom';
import { geoPicker } from '../../components/geo-picker';
import { indicatorPicker } from '../../components/indicator-picker';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import {
  asOfHref,
  chartWidth,
  effectiveMeasure,
  hasSource,
  latest,
  loadCatalogue,
  sourceText,
  viewHeader,
  type Catalogue,
  repaintingView,
} from '../view-parts';
import { trendRows, type TrendTableRow } from './series';
import { DEFAULT_GEOS, loadTrends, type TrendsAnswers, trendsModel } from './state';
import { trendStatement } from './statement';

function statementsPanel(trends: TrendResponse[], subject: string, names: Map<string, string>): HTMLElement {
  const items = trends.flatMap((t) => {
    const last = t.segments.at(-1);
    if (!last) return [h('li', { text: `${names.get(t.geo) ?? t.geo}: no data.` })];
    const reasons = t.breakReasons.map((b) => `${b.period} (${b.reason})`).join('; ');
    const breakNote = reasons ? ` New segment at ${reasons}: statistics cover the latest segment only.` : '';
    return [h('li', { text: trendStatement(subject, t.geo, last) + breakNote })];
  });
  return h(
    'section',
    { class: 'stats', 'aria-labelledby': 'trend-stats-heading' },
    h('h3', { id: 'trend-stats-heading', text: 'What the numbers say' }),
    h('ul', {}, ...items),
    h('p', {
      class: 'hint',
      text: 'Direction and size come from the Theil–Sen slope relative to the median level, with its 95% interval; Mann–Kendall tests whether the trend is monotone. Endpoint change is a secondary figure.',
    }),
  );
}

function controls(catalogue: Catalogue, state: ViewState, context: ViewContext, years: number[]): HTMLElement {
  const indicator = catalogue.indicatorByCode.get(state.indicator);
  return h(
    'div',
    { class: 'controls' },
    indicatorPicker({
      indicators: catalogue.indicators,
      themes: catalogue.themes,
      selected: state.indicator,
      filter: hasSource,
      onChange: (code) => context.navigate({ indicator: code }),
    }),
    geoPicker({
      geos: catalogue.geos.filter((g) => g.kind === 'country'),
      selected: state.geos.length ? state.geos : DEFAULT_GEOS,
      onChange: (geos) => context.navigate({ geos }),
    }),
    h(
      'div',
      { class: 'options' },
      radioGroup<Measure>({
        legend: 'Measure',
        name: 'measure',
        selected: effectiveMeasure(indicator, state.measure),
        onChange: (measure) => context.navigate({ measure }),
        choices: indicator?.rate_derivable
          ? [
              { value: 'rate', label: 'Rate per 100,000' },
              { value: 'count', label: 'Count' },
            ]
          : [{ value: 'count', label: 'Count' }],
      }),
      radioGroup<'linear' | 'log'>({
        legend: 'Scale',
        name: 'scale',
        selected: state.scale,
        onChange: (scale) => context.navigate({ scale }),
        choices: [
          { value: 'linear', label: 'Linear' },
          { value: 'log', label: 'Logarithmic' },
        ],
      }),
      selectField({
        label: 'Relative mode (index = 100 in)',
        selected: state.base ? String(state.base) : '',
        onChange: (v) => context.navigate({ base: v ? Number(v) : null }),
        choices: [
          { value: '', label: 'Off: show values' },
          ...years.map((y) => ({ value: String(y), label: String(y) })),
        ],
      }),
    ),
  );
}

export async function mount(container: HTMLElement, initial: ViewState, context: ViewContext): Promise<MountedView> {
  const catalogue = await loadCatalogue();
  const names = new Map(catalogue.geos.map((g) => [g.code, g.name]));
  const guard = latest<TrendsAnswers>();
  let chartState: { layout: LineLayout; series: TrendSeries[]; measure: Measure | 'index' } | null = null;

  const show = async (state: ViewState) => {
    const answers = await guard(loadTrends(state, catalogue));
    if (!answers) return;
    const model = trendsModel(state, catalogue, answers);
    const indicator = catalogue.indicatorByCode.get(state.indicator);
    const title = `${model.subject}: ${model.unit}`;
    const width = chartWidth(container, 720);
    const options = {
      title,
      yLabel: model.unit,
      scale: state.scale,
      markers: state.base ? [] : model.markers,
      width,
      height: width < 480 ? 300 : 380,
    };
    const dataVersion = model.trends[0]?.meta.dataVersion ?? null;
    const panel = chartPanel({
      title: 'Trend chart',
      fileStem: `trend-${state.indicator}-${model.measure}`,
      tab: state.tab,
      onTab: (tab) => context.record({ tab }),
      table: {
        caption: title,
        rows: trendRows(model.series),
        sortBy: 'year',
        columns: [
          { key: 'label', label: 'Geo', value: (r: TrendTableRow) => `${r.label} (${r.geo})` },
          { key: 'year', label: 'Year', value: (r) => r.year, numeric: true },
          {
            key: 'value',
            label: state.base ? 'Index' : `Value (${model.unit})`,
            value: (r) => (r.value === null ? null : Math.round(r.value * 100) / 100),
            numeric: true,
          },
          { key: 'flags', label: 'Flags', value: (r) => r.flags },
        ],
      },
      source: {
        source: sourceText(indicator),
        dataVersion,
        asOfHref: asOfHref(context, dataVersion),
        asOf: state.asOf,
      },
      notes: [
        h('p', {
          class: 'hint',
          text: `Lines stop at a break in series and at a change of population source (a dotted rule says why); hollow points are provisional or estimated; the thick dashed grey line is the EU aggregate, broken only where the aggregate itself is not comparable; flags mark the start of a practice.${model.left.length ? ` Not indexed (no value in ${state.base}): ${model.left.join(', ')}.` : ''}`,
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
    container.replaceChildren(
      viewHeader('Trends', 'How an indicator moved over time in the countries you choose, against the EU aggregate.'),
      controls(catalogue, state, context, model.years),
      panel.element,
      statementsPanel(model.trends, model.subject, names),
    );
  };

  return repaintingView(container, initial, { title: 'Trends', what: 'The trends' }, show);
}
