import type { CompareResponse, CompareRow } from '../../../server/shared/api/analytics';
import { renderBarChart } from '../../charts/bar-chart';
import { formatValue, measureUnit, type Measure } from '../../charts/format';
import { chartPanel } from '../../components/chart-panel';
import { radioGroup, selectField } from '../../components/controls';
import { errorBox, h, setSvg } from '../../components/dom';
import { indicatorPicker } from '../../components/indicator-picker';
import { sortableTable } from '../../components/sortable-table';
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
import { barRows, type Comparison, coverageText, loadComparison, YEARS } from './state';

function comparisonTable(answer: CompareResponse, title: string) {
  const warnings = new Map(answer.warnings.map((w) => [w.geo, w.reason]));
  return {
    caption: title,
    rows: answer.rows,
    sortBy: 'rank',
    columns: [
      { key: 'geo', label: 'Country', value: (r: CompareRow) => `${r.geoName} (${r.geo})` },
      {
        key: 'value',
        label: `Value (${measureUnit(answer.measure)})`,
        value: (r: CompareRow) => r.value,
        format: (r: CompareRow) => formatValue(r.value, answer.measure),
        numeric: true,
      },
      { key: 'flags', label: 'Flags', value: (r: CompareRow) => r.flags },
      { key: 'rank', label: 'Rank', value: (r: CompareRow) => r.rank, numeric: true },
      {
        key: 'robustZ',
        label: 'Robust z',
        value: (r: CompareRow) => (r.robustZ === null ? null : Math.round(r.robustZ * 100) / 100),
        numeric: true,
      },
      { key: 'warning', label: 'Comparability', value: (r: CompareRow) => warnings.get(r.geo) ?? '' },
    ],
  };
}

function smallMultiples(
  catalogue: Catalogue,
  answers: CompareResponse[],
  state: ViewState,
  context: ViewContext,
): HTMLElement {
  const charts = answers.map((answer) => {
    const area = h('div', { class: 'chart-area' });
    setSvg(
      area,
      renderBarChart(barRows(answer, state.geos), {
        title: `${answer.indicator.name}, ${answer.period}`,
        measure: answer.measure,
        compact: true,
        width: 300,
        aggregate: answer.aggregate
          ? { label: 'EU', value: answer.aggregate.withheld ? null : answer.aggregate.value }
          : undefined,
      }),
    );
    const title = `${answer.indicator.name}, ${measureUnit(answer.measure)}, ${answer.period}`;
    return h(
      'figure',
      { class: 'card' },
      h(
        'figcaption',
        {},
        h('a', { href: context.hrefFor({ indicator: answer.indicator.code }), text: answer.indicator.name }),
      ),
      area,
      h('details', {}, h('summary', { text: 'Table' }), sortableTable(comparisonTable(answer, title))),
    );
  });
  const theme =
    catalogue.themes.find((t) => t.code === catalogue.indicatorByCode.get(state.indicator)?.theme)?.name ?? '';
  return h(
    'section',
    { class: 'multiples', 'aria-labelledby': 'multiples-heading' },
    h('h3', { id: 'multiples-heading', text: `Small multiples: ${theme}` }),
    h('p', {
      class: 'hint',
      text: 'Each panel ranks the EU members on one indicator of the same theme; follow a title to compare on it.',
    }),
    h('div', { class: 'grid' }, ...charts),
  );
}

export async function mount(container: HTMLElement, initial: ViewState, context: ViewContext): Promise<MountedView> {
  const catalogue = await loadCatalogue();
  const guard = latest<Comparison>();
  const show = async (state: ViewState) => {
    const indicator = catalogue.indicatorByCode.get(state.indicator);
    const measure = effectiveMeasure(indicator, state.measure);
    const loaded = await guard(loadComparison(state, catalogue));
    if (!loaded) return;
    const { main } = loaded;
    const title = `${main.indicator.name}, ${measureUnit(main.measure)}, ${main.period}: EU members ranked`;
    const panel = chartPanel({
      title: 'Ranked comparison',
      fileStem: `compare-${state.indicator}-${main.period}-${measure}`,
      tab: state.tab,
      onTab: (tab) => context.record({ tab }),
      table: comparisonTable(main, title),
      source: {
        source: sourceText(indicator),
        dataVersion: main.meta.dataVersion,
        asOfHref: asOfHref(context, main.meta.dataVersion),
        asOf: state.asOf,
      },
      notes: [
        h('p', { class: 'coverage', text: coverageText(main) }),
        ...(main.warnings.length
          ? [
              h(
                'div',
                { class: 'notice' },
                h('p', { text: '⚠ Comparability warnings:' }),
                h('ul', {}, ...main.warnings.map((w) => h('li', { text: `${w.geo}: ${w.reason}` }))),
              ),
            ]
          : []),
      ],
    });
    panel.setSvg(
      renderBarChart(barRows(main, state.geos), {
        title,
        measure: main.measure,
        width: chartWidth(container, 640),
        aggregate: main.aggregate
          ? { label: main.group, value: main.aggregate.withheld ? null : main.aggregate.value }
          : undefined,
      }),
    );
    container.replaceChildren(
      viewHeader(
        'Compare',
        'EU members ranked on one indicator and year, against the EU aggregate, with the comparability caveats that matter.',
      ),
      h(
        'div',
        { class: 'controls' },
        indicatorPicker({
          indicators: catalogue.indicators,
          themes: catalogue.themes,
          selected: state.indicator,
          filter: hasSource,
          onChange: (code) => context.navigate({ indicator: code }),
        }),
        selectField({
          label: 'Year',
          selected: String(loaded.year),
          choices: YEARS.map((y) => ({ value: String(y), label: String(y) })),
          onChange: (v) => context.navigate({ year: Number(v) }),
        }),
        radioGroup<Measure>({
          legend: 'Measure',
          name: 'measure',
          selected: measure,
          onChange: (m) => context.navigate({ measure: m }),
          choices: indicator?.rate_derivable
            ? [
                { value: 'rate', label: 'Rate per 100,000' },
                { value: 'count', label: 'Count' },
              ]
            : [{ value: 'count', label: 'Count' }],
        }),
      ),
      panel.element,
      loaded.others.length
        ? smallMultiples(catalogue, loaded.others, state, context)
        : h('p', { text: 'No other indicators in this theme.' }),
    );
  };
  return repaintingView(container, initial, { title: 'Compare', what: 'The comparison' }, show);
}
