import type { CompareResponse, CompareRow } from '../../../server/shared/api/analytics';
import { renderBarChart } from '../../charts/bar-chart';
import { formatValue, measureUnit, type Measure } from '../../charts/format';
import { chartPanel } from '../../components/chart-panel';
import { chartViewLayout } from '../../components/chart-view-layout';
import { radioGroup, selectField } from '../../components/controls';
import { h, setSvg } from '../../components/dom';
import { indicatorPicker } from '../../components/indicator-picker';
import { sortableTable } from '../../components/sortable-table';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import {
  asOfHref,
  chartWidth,
  hasSource,
  latest,
  loadCatalogue,
  sourceText,
  viewHeader,
  type Catalogue,
  repaintingView,
} from '../view-parts';
import { barRows, type Comparison, coverageText, loadComparison, yearChoices } from './state';
import { sharedWarnings, warningSentence, warningsByGeo } from './warnings';
import { type CellContext, cellKeyOf } from '../../api/cells';
import { cellContextText, cellHistoryButton } from '../../components/cell-history';
import { geoLabel, geoLabelWithCode } from '../geo-label';
import { formatPlain } from '../../charts/format';
import { compareDescription } from './description';
import { currentLocale, t } from '../../i18n/i18n';

function comparisonTable(answer: CompareResponse, title: string, contexts?: Map<string, CellContext>) {
  const warnings = warningsByGeo(answer);
  const cellOf = (r: CompareRow) => ({ geo: r.geo, indicator: answer.indicator.code, period: r.period });
  const contextOf = (r: CompareRow) => contexts?.get(cellKeyOf(cellOf(r)));
  return {
    caption: title,
    rows: answer.rows,
    sortBy: 'rank',
    columns: [
      { key: 'geo', label: t('explore.country'), value: (r: CompareRow) => geoLabelWithCode(r.geo, r.geoName) },
      {
        key: 'value',
        label: t('views.value-column', { unit: measureUnit(answer.measure) }),
        value: (r: CompareRow) => r.value,
        format: (r: CompareRow) => formatValue(r.value, answer.measure, currentLocale()),
        numeric: true,
      },
      { key: 'flags', label: t('views.flags'), value: (r: CompareRow) => r.flags },
      { key: 'rank', label: t('explore.rank'), value: (r: CompareRow) => r.rank, numeric: true },
      {
        key: 'robustZ',
        label: t('compare.robust-z'),
        value: (r: CompareRow) => (r.robustZ === null ? null : Math.round(r.robustZ * 100) / 100),
        format: (r: CompareRow) => (r.robustZ === null ? '—' : formatPlain(r.robustZ, currentLocale(), 2)),
        numeric: true,
      },
      { key: 'warning', label: t('compare.comparability'), value: (r: CompareRow) => warnings.get(r.geo) ?? '' },
      // The small multiples' tables leave the history out: one panel's figures are enough to open.
      ...(contexts
        ? [
            {
              key: 'history',
              label: t('history.column'),
              value: (r: CompareRow) => cellContextText(contextOf(r)),
              cell: (r: CompareRow) =>
                r.count === null
                  ? h('span', {})
                  : cellHistoryButton(
                      { ...cellOf(r), label: `${geoLabel(r.geo, r.geoName)}, ${answer.indicator.name}` },
                      contextOf(r),
                    ),
            },
          ]
        : []),
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
        title: t('compare.multiple-title', { indicator: answer.indicator.name, period: answer.period }),
        measure: answer.measure,
        locale: currentLocale(),
        compact: true,
        width: 300,
        aggregate: answer.aggregate
          ? { label: t('compare.eu'), value: answer.aggregate.withheld ? null : answer.aggregate.value }
          : undefined,
      }),
    );
    const title = t('explore.chart-title', {
      indicator: answer.indicator.name,
      unit: measureUnit(answer.measure),
      year: answer.period,
    });
    return h(
      'figure',
      { class: 'card' },
      h(
        'figcaption',
        {},
        h('a', { href: context.hrefFor({ indicator: answer.indicator.code }), text: answer.indicator.name }),
        h('span', { class: 'chart-subtitle', text: ` ${measureUnit(answer.measure)}, ${answer.period}` }),
      ),
      area,
      h('details', {}, h('summary', { text: t('component.tab-table') }), sortableTable(comparisonTable(answer, title))),
    );
  });
  const theme =
    catalogue.themes.find((theme) => theme.code === catalogue.indicatorByCode.get(state.indicator)?.theme)?.name ?? '';
  return h(
    'section',
    { class: 'multiples', 'aria-labelledby': 'multiples-heading' },
    h('h3', { id: 'multiples-heading', text: t('compare.multiples-heading', { theme }) }),
    h('p', {
      class: 'hint',
      text: t('compare.multiples-hint'),
    }),
    h('div', { class: 'grid' }, ...charts),
  );
}

export async function mount(container: HTMLElement, initial: ViewState, context: ViewContext): Promise<MountedView> {
  const catalogue = await loadCatalogue();
  const guard = latest<Comparison>();
  const page = chartViewLayout();
  const show = async (state: ViewState) => {
    const indicator = catalogue.indicatorByCode.get(state.indicator);
    const loaded = await guard(loadComparison(state, catalogue));
    if (!loaded) return;
    const { main, choice } = loaded;
    const measure = choice.measure;
    const description = {
      ...compareDescription(main),
      embedPath: context.hrefFor({ view: 'embed', id: 'compare', tab: 'chart', year: loaded.year }),
    };
    const title = description.title;
    const panel = chartPanel({
      title: t('compare.panel-title'),
      fileStem: description.fileStem,
      description,
      tab: state.tab,
      onTab: (tab) => context.record({ tab }),
      table: comparisonTable(main, title, loaded.contexts),
      source: {
        source: sourceText(indicator),
        dataVersion: main.meta.dataVersion,
        asOfHref: asOfHref(context, main.meta.dataVersion),
        asOf: state.asOf,
      },
      notes: [
        choice.ratesUnavailable
          ? h('p', {
              class: 'notice',
              'data-rates-unavailable': '',
              text: t('numbers.rates-unavailable', { year: choice.year }),
            })
          : '',
        main.rows.some((r) => r.value !== null)
          ? ''
          : h('p', { class: 'notice', text: t('numbers.compare-no-values', { year: choice.year }) }),
        h('p', { class: 'coverage', text: coverageText(main) }),
        ...(main.warnings.length
          ? [
              h(
                'div',
                { class: 'notice', 'data-warnings': '' },
                h('p', { text: t('compare.warnings') }),
                h('ul', {}, ...sharedWarnings(main).map((w) => h('li', { text: warningSentence(w, main) }))),
              ),
            ]
          : []),
      ],
    });
    page.attach(container);
    panel.setSvg(
      renderBarChart(barRows(main, state.geos), {
        title,
        measure: main.measure,
        locale: currentLocale(),
        width: chartWidth(page.chart, 640),
        aggregate: main.aggregate
          ? { label: geoLabel(main.group), value: main.aggregate.withheld ? null : main.aggregate.value }
          : undefined,
      }),
    );
    page.header.replaceChildren(viewHeader(t('shell.title-compare'), t('compare.intro')));
    page.controls.replaceChildren(
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
          label: t('component.year'),
          selected: String(loaded.year),
          choices: yearChoices(loaded.years, loaded.year).map((y) => ({ value: String(y), label: String(y) })),
          onChange: (v) => context.navigate({ year: Number(v) }),
        }),
        radioGroup<Measure>({
          legend: t('views.measure'),
          name: 'measure',
          selected: measure,
          onChange: (m) => context.navigate({ measure: m }),
          // Rates only for a year that can have them: one with a population (docs/methodology.md).
          choices: loaded.years.rates.includes(loaded.year)
            ? [
                { value: 'rate', label: t('views.measure-rate') },
                { value: 'count', label: t('views.measure-count') },
              ]
            : [{ value: 'count', label: t('views.measure-count') }],
        }),
      ),
    );
    page.chart.replaceChildren(panel.element);
    page.after.replaceChildren(
      loaded.others.length
        ? smallMultiples(catalogue, loaded.others, state, context)
        : h('p', { text: t('compare.no-others') }),
    );
  };
  return repaintingView(container, initial, { title: t('shell.title-compare'), what: 'compare.load-failed' }, show);
}
