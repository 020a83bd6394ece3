import type { TrendResponse } from '../../server/analytics/analytics.types';
import { analyticsApi } from '../api/client';
import { measureUnit, type Measure } from '../charts/format';
import { lineLayout, renderLineChart, type LineLayout, type PracticeMarker, type TrendSeries } from '../charts/line-chart';
import { chartPanel } from '../components/chart-panel';
import { radioGroup, selectField } from '../components/controls';
import { attachCrosshair } from '../components/crosshair';
import { errorBox, h } from '../components/dom';
import { geoPicker } from '../components/geo-picker';
import { indicatorPicker } from '../components/indicator-picker';
import type { MountedView, ViewContext } from '../router';
import type { ViewState } from '../state/url-state';
import { practiceMarkers } from './practice-links';
import { indexSeries, seriesFromTrends, trendRows, type TrendTableRow } from './trend-series';
import { trendStatement } from './trend-statement';
import { aggregateSeries } from './eu-series';
import { asOfHref, chartWidth, effectiveMeasure, hasSource, latest, loadCatalogue, sourceText, viewHeader, yearOf, type Catalogue } from './view-parts';

export const AGGREGATE = 'EU27_2020';
export const DEFAULT_GEOS = ['DE', 'FR', 'IT', 'NL', 'PL'];

function statementsPanel(trends: TrendResponse[], subject: string, names: Map<string, string>): HTMLElement {
  const items = trends.flatMap((t) => {
    const last = t.segments.at(-1);
    if (!last) return [h('li', { text: `${names.get(t.geo) ?? t.geo}: no data.` })];
    const breakNote = t.breaks.length ? ` Break in series in ${t.breaks.join(', ')}: statistics cover the latest segment only.` : '';
    return [h('li', { text: trendStatement(subject, t.geo, last) + breakNote })];
  });
  return h('section', { class: 'stats', 'aria-labelledby': 'trend-stats-heading' },
    h('h3', { id: 'trend-stats-heading', text: 'What the numbers say' }), h('ul', {}, ...items),
    h('p', { class: 'hint', text: 'Rates of change are compound annual growth over the latest segment; Mann–Kendall tests for a monotone trend.' }));
}

function controls(catalogue: Catalogue, state: ViewState, context: ViewContext, years: number[]): HTMLElement {
  const indicator = catalogue.indicatorByCode.get(state.indicator);
  return h('div', { class: 'controls' },
    indicatorPicker({ indicators: catalogue.indicators, themes: catalogue.themes, selected: state.indicator, filter: hasSource, onChange: (code) => context.navigate({ indicator: code }) }),
    geoPicker({ geos: catalogue.geos.filter((g) => g.kind === 'country'), selected: state.geos.length ? state.geos : DEFAULT_GEOS, onChange: (geos) => context.navigate({ geos }) }),
    h('div', { class: 'options' },
      radioGroup<Measure>({ legend: 'Measure', name: 'measure', selected: effectiveMeasure(indicator, state.measure), onChange: (measure) => context.navigate({ measure }),
        choices: indicator?.rate_derivable ? [{ value: 'rate', label: 'Rate per 100,000' }, { value: 'count', label: 'Count' }] : [{ value: 'count', label: 'Count' }] }),
      radioGroup<'linear' | 'log'>({ legend: 'Scale', name: 'scale', selected: state.scale, onChange: (scale) => context.navigate({ scale }),
        choices: [{ value: 'linear', label: 'Linear' }, { value: 'log', label: 'Logarithmic' }] }),
      selectField({ label: 'Relative mode (index = 100 in)', selected: state.base ? String(state.base) : '', onChange: (v) => context.navigate({ base: v ? Number(v) : null }),
        choices: [{ value: '', label: 'Off: show values' }, ...years.map((y) => ({ value: String(y), label: String(y) }))] })));
}

export async function mount(container: HTMLElement, initial: ViewState, context: ViewContext): Promise<MountedView> {
  const catalogue = await loadCatalogue();
  const names = new Map(catalogue.geos.map((g) => [g.code, g.name]));
  const guard = latest<{ trends: TrendResponse[]; markers: PracticeMarker[]; eu: TrendSeries }>();
  let chartState: { layout: LineLayout; series: TrendSeries[]; measure: Measure | 'index' } | null = null;

  const show = async (state: ViewState) => {
    const indicator = catalogue.indicatorByCode.get(state.indicator);
    const measure = effectiveMeasure(indicator, state.measure);
    const geos = state.geos.length ? state.geos : DEFAULT_GEOS;
    const answer = await guard(Promise.all([
      Promise.all(geos.map((geo) => analyticsApi.trends({ indicator: state.indicator, geo, measure, asOf: state.asOf }))),
      practiceMarkers(state.indicator, geos).catch(() => []),
    ]).then(async ([trends, markers]) => {
      const span = [...new Set(trends.flatMap((t) => t.points.map((p) => yearOf(p.period))))].sort((a, b) => a - b);
      const eu = await aggregateSeries({ indicator: state.indicator, measure, group: AGGREGATE, label: 'EU27 (aggregate)', years: span, asOf: state.asOf });
      return { trends, markers, eu };
    }));
    if (!answer) return;
    const { trends, markers, eu } = answer;
    const allSeries = [...seriesFromTrends(trends, names, AGGREGATE), eu];
    const years = [...new Set(allSeries.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
    const { indexed, left } = state.base ? indexSeries(allSeries, state.base) : { indexed: allSeries, left: [] };
    const subject = `${indicator?.name ?? state.indicator}${measure === 'rate' ? ' per 100k' : ''}`;
    const unit = state.base ? `index, ${state.base} = 100` : measureUnit(measure);
    const title = `${subject}: ${unit}`;
    const width = chartWidth(container, 720);
    const options = { title, yLabel: unit, scale: state.scale, markers: state.base ? [] : markers, width, height: width < 480 ? 300 : 380 };
    const panel = chartPanel({
      title: 'Trend chart', fileStem: `trend-${state.indicator}-${measure}`, tab: state.tab,
      onTab: (tab) => context.record({ tab }),
      table: { caption: title, rows: trendRows(indexed), sortBy: 'year', columns: [
        { key: 'label', label: 'Geo', value: (r: TrendTableRow) => `${r.label} (${r.geo})` },
        { key: 'year', label: 'Year', value: (r) => r.year, numeric: true },
        { key: 'value', label: state.base ? 'Index' : `Value (${unit})`, value: (r) => r.value, numeric: true },
        { key: 'flags', label: 'Flags', value: (r) => r.flags },
      ] },
      source: { source: sourceText(indicator), dataVersion: trends[0]?.meta.dataVersion ?? null, asOfHref: asOfHref(context, trends[0]?.meta.dataVersion ?? null), asOf: state.asOf },
      notes: [h('p', { class: 'hint', text: `Lines stop at a break in series; hollow points are provisional or estimated; the thick dashed grey line is the EU aggregate; flags mark the start of a practice.${left.length ? ` Not indexed (no value in ${state.base}): ${left.join(', ')}.` : ''}` })],
    });
    panel.setSvg(renderLineChart(indexed, options));
    chartState = { layout: lineLayout(indexed, options), series: indexed, measure: state.base ? 'index' : measure };
    const readout = attachCrosshair(panel.chart, () => chartState);
    panel.chart.after(readout);
    container.replaceChildren(
      viewHeader('Trends', 'How an indicator moved over time in the countries you choose, against the EU aggregate.'),
      controls(catalogue, state, context, years), panel.element, statementsPanel(trends, subject, names));
  };

  const safeShow = async (state: ViewState) => {
    try {
      await show(state);
    } catch (error) {
      container.replaceChildren(viewHeader('Trends', ''), errorBox(`The trends could not be loaded: ${error instanceof Error ? error.message : String(error)}`));
    }
  };
  await safeShow(initial);
  return { update: async (state) => { await safeShow(state); return true; } };
}
