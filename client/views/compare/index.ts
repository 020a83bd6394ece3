import type { CompareResponse } from '../../../server/shared/api/analytics';
import { renderBarChart } from '../../charts/bar-chart';
import { measureUnit, type Measure } from '../../charts/format';
import { chartPanel } from '../../components/chart-panel';
import { chartViewLayout } from '../../components/chart-view-layout';
import { radioGroup, selectField } from '../../components/controls';
import { h, setSvg } from '../../components/dom';
import { chartableIndicatorPicker } from '../indicator-control';
import { countriesWithRegions } from '../../components/region-catalogue';
import { sortableTable } from '../../components/sortable-table';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import {
  asOfHref,
  chartWidth,
  geoName,
  latest,
  loadCatalogue,
  sourceText,
  viewHeader,
  type Catalogue,
  repaintingView,
} from '../view-parts';
import { barRows, type Comparison, coverageText, loadComparison, yearChoices } from './state';
import { sharedWarnings, warningSentence } from './warnings';
import { currentLocale, t } from '../../i18n/i18n';
import { rankedChart } from './chart';
import { regionalNotes } from './notes';
import { chartSubset, type CompareScope, isRegional, ranksOf } from './scope';
import { scopeControls } from './scope-controls';
import { comparisonTable } from './table';

function smallMultiples(
  catalogue: Catalogue,
  answers: CompareResponse[],
  state: ViewState,
  scope: CompareScope,
  context: ViewContext,
): HTMLElement {
  const regional = isRegional(scope);
  const charts = answers.map((answer) => {
    const area = h('div', { class: 'chart-area' });
    const rows = barRows(answer, state.geos);
    setSvg(
      area,
      renderBarChart(regional ? chartSubset(rows, ranksOf(answer)).bars : rows, {
        title: t('compare.multiple-title', { indicator: answer.indicator.name, period: answer.period }),
        measure: answer.measure,
        locale: currentLocale(),
        compact: true,
        width: 300,
        aggregate:
          answer.aggregate && !regional
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
      h(
        'details',
        {},
        h('summary', { text: t('component.tab-table') }),
        sortableTable(comparisonTable(answer, title, { regional })),
      ),
    );
  });
  const theme =
    catalogue.themes.find((theme) => theme.code === catalogue.indicatorByCode.get(state.indicator)?.theme)?.name ?? '';
  return h(
    'section',
    { class: 'multiples', 'aria-labelledby': 'multiples-heading' },
    h('h3', { id: 'multiples-heading', text: t('compare.multiples-heading', { theme }) }),
    h('p', { class: 'hint', text: regional ? t('compare.multiples-hint-regions') : t('compare.multiples-hint') }),
    h('div', { class: 'grid' }, ...charts),
  );
}

/** What the chart says beside it: the countries' aggregate and caveats, or the regions' (notes.ts). */
function chartNotes(loaded: Comparison, subset: ReturnType<typeof rankedChart>['subset']): (HTMLElement | '')[] {
  const { main, choice, scope } = loaded;
  return [
    choice.ratesUnavailable
      ? h('p', {
          class: 'notice',
          'data-rates-unavailable': '',
          text: t('numbers.rates-unavailable', { year: choice.year }),
        })
      : '',
    main.rows.some((r) => r.value !== null)
      ? ''
      : h('p', {
          class: 'notice',
          text: isRegional(scope)
            ? t('compare.regions-no-values', { year: choice.year })
            : t('numbers.compare-no-values', { year: choice.year }),
        }),
    ...(isRegional(scope) ? regionalNotes(main, subset) : [h('p', { class: 'coverage', text: coverageText(main) })]),
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
  ];
}

function controls(
  catalogue: Catalogue,
  loaded: Comparison,
  state: ViewState,
  regionCountries: { code: string; name: string }[],
  context: ViewContext,
): HTMLElement {
  return h(
    'div',
    { class: 'controls' },
    scopeControls(loaded.scope, regionCountries, context),
    chartableIndicatorPicker(catalogue, state.indicator, context),
    selectField({
      label: t('component.year'),
      selected: String(loaded.year),
      choices: yearChoices(loaded.years, loaded.year).map((y) => ({ value: String(y), label: String(y) })),
      onChange: (v) => context.navigate({ year: Number(v) }),
    }),
    radioGroup<Measure>({
      legend: t('views.measure'),
      name: 'measure',
      selected: loaded.choice.measure,
      onChange: (m) => context.navigate({ measure: m }),
      // Rates only for a year that can have them: one with a population (docs/methodology.md).
      choices: loaded.years.rates.includes(loaded.year)
        ? [
            { value: 'rate', label: t('views.measure-rate') },
            { value: 'count', label: t('views.measure-count') },
          ]
        : [{ value: 'count', label: t('views.measure-count') }],
    }),
  );
}

export async function mount(container: HTMLElement, initial: ViewState, context: ViewContext): Promise<MountedView> {
  const [catalogue, withRegions] = await Promise.all([
    loadCatalogue(),
    countriesWithRegions().catch(() => new Set<string>()),
  ]);
  const countryName = (code: string) => geoName(catalogue, code);
  const regionCountries = [...withRegions].map((code) => ({ code, name: countryName(code) }));
  const guard = latest<Comparison>();
  const page = chartViewLayout();
  const show = async (state: ViewState) => {
    const indicator = catalogue.indicatorByCode.get(state.indicator);
    const loaded = await guard(loadComparison(state, catalogue));
    if (!loaded) return;
    const { main, scope } = loaded;
    const regional = isRegional(scope);
    page.attach(container);
    const chart = rankedChart(loaded, state.geos, { width: chartWidth(page.chart, 640), countryName });
    const description = {
      ...chart.description,
      embedPath: context.hrefFor({ view: 'embed', id: 'compare', tab: 'chart', year: loaded.year }),
    };
    const panel = chartPanel({
      title: t('compare.panel-title'),
      fileStem: description.fileStem,
      description,
      tab: state.tab,
      onTab: (tab) => context.record({ tab }),
      table: comparisonTable(main, description.title, { regional, contexts: loaded.contexts }),
      source: {
        source: loaded.regionalSource ?? sourceText(indicator),
        dataVersion: main.meta.dataVersion,
        asOfHref: asOfHref(context, main.meta.dataVersion),
        asOf: state.asOf,
      },
      notes: chartNotes(loaded, chart.subset),
    });
    panel.setSvg(chart.svg);
    panel.chart.dataset.level = String(scope.level);
    page.header.replaceChildren(
      viewHeader(t('shell.title-compare'), regional ? t('compare.intro-regions') : t('compare.intro')),
    );
    page.controls.replaceChildren(controls(catalogue, loaded, state, regionCountries, context));
    page.chart.replaceChildren(panel.element);
    page.after.replaceChildren(
      loaded.others.length
        ? smallMultiples(catalogue, loaded.others, state, scope, context)
        : h('p', { text: t('compare.no-others') }),
    );
  };
  return repaintingView(container, initial, { title: t('shell.title-compare'), what: 'compare.load-failed' }, show);
}
