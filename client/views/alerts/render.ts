import type { Alert, AlertsResponse } from '../../../server/shared/api/analytics';
import { selectField } from '../../components/controls';
import { errorBox, h } from '../../components/dom';
import { saveCsv } from '../../components/downloads';
import { sortableTable, tableCsv, type TableSpec } from '../../components/sortable-table';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import { asOfHref, viewHeader } from '../view-parts';
import { alertCard } from './card';
import {
  type AlertFilters,
  familyText,
  filterAlerts,
  filterChoices,
  hitRateText,
  loadAlerts,
  NO_FILTERS,
} from './state';

function alertTable(answer: AlertsResponse, alerts: Alert[]): TableSpec<Alert> {
  return {
    caption: `Emerging-trend alerts, ${answer.period}, ${answer.group}`,
    rows: alerts,
    sortBy: 'rank',
    columns: [
      { key: 'rank', label: 'Rank', value: (a) => a.rank, numeric: true },
      { key: 'indicator', label: 'Indicator', value: (a) => a.indicatorName },
      { key: 'geo', label: 'Geo', value: (a) => `${a.geoName} (${a.geo})` },
      { key: 'before', label: 'Count before', value: (a) => a.prior.count, numeric: true },
      { key: 'count', label: 'Count', value: (a) => a.current.count, numeric: true },
      {
        key: 'change',
        label: 'Change %',
        value: (a) => (a.changePercent === null ? null : Math.round(a.changePercent * 10) / 10),
        numeric: true,
      },
      { key: 'q', label: 'q', value: (a) => Number(a.q.toPrecision(2)), numeric: true },
      { key: 'persistence', label: 'Next year', value: (a) => a.persistence.status },
    ],
  };
}

function filterControls(
  answer: AlertsResponse,
  filters: AlertFilters,
  onChange: (f: AlertFilters) => void,
): HTMLElement {
  const choices = filterChoices(answer.alerts);
  const all = { value: '', label: 'All' };
  return h(
    'div',
    { class: 'controls' },
    selectField({
      label: 'Theme',
      selected: filters.theme,
      choices: [all, ...choices.themes.map((t) => ({ value: t, label: t.replace(/_/g, ' ') }))],
      onChange: (theme) => onChange({ ...filters, theme }),
    }),
    selectField({
      label: 'Indicator',
      selected: filters.indicator,
      choices: [all, ...choices.indicators.map(([value, label]) => ({ value, label }))],
      onChange: (indicator) => onChange({ ...filters, indicator }),
    }),
    selectField({
      label: 'Country',
      selected: filters.geo,
      choices: [all, ...choices.geos.map(([value, label]) => ({ value, label }))],
      onChange: (geo) => onChange({ ...filters, geo }),
    }),
    selectField({
      label: 'Evidence at least',
      selected: filters.strength,
      choices: [
        all,
        { value: 'strong', label: 'strong (q < 0.01)' },
        { value: 'very strong', label: 'very strong (q < 0.001)' },
      ],
      onChange: (strength) => onChange({ ...filters, strength: strength as AlertFilters['strength'] }),
    }),
  );
}

function noticesSection(answer: AlertsResponse): HTMLElement | string {
  if (!answer.reclassifications.length) return '';
  return h(
    'section',
    { 'aria-labelledby': 'reclass-heading' },
    h('h3', { id: 'reclass-heading', text: 'Possible reclassifications (not alerts)' }),
    h('ul', {}, ...answer.reclassifications.map((r) => h('li', { class: 'notice', text: r.text }))),
  );
}

function notAssessedSection(answer: AlertsResponse): HTMLElement {
  const small = answer.notAssessed.filter((n) => n.reason.startsWith('small numbers'));
  return h(
    'details',
    {},
    h('summary', { text: `Not assessed: ${answer.notAssessed.length} series (${small.length} with small numbers)` }),
    h(
      'ul',
      {},
      ...answer.notAssessed.map((n) =>
        h('li', { text: `${n.indicator} ${n.geo} (${n.previousCount ?? '–'} → ${n.count ?? '–'}): ${n.reason}` }),
      ),
    ),
  );
}

function paint(
  container: HTMLElement,
  context: ViewContext,
  answer: AlertsResponse,
  fallback: string,
  filters: AlertFilters,
): void {
  const shown = filterAlerts(answer.alerts, filters);
  const years = Array.from({ length: 2022 - 2010 + 1 }, (_, i) => String(2022 - i));
  const yearField = selectField({
    label: 'Year',
    selected: answer.period,
    choices: years.map((y) => ({ value: y, label: y })),
    onChange: (y) => context.navigate({ year: Number(y) }),
  });
  const table = alertTable(answer, shown);
  const download = h('button', { type: 'button', class: 'download', text: 'Download CSV' });
  download.addEventListener('click', () => saveCsv(tableCsv(table), `alerts-${answer.period}.csv`));
  const r = answer.rules;
  const rules = `How alerts are found: each country's count is compared with the ${Math.round(r.interval * 100)}% range its own previous ${r.window} years predict (a quasi-Poisson trend, at least ${r.minimumPoints} years); a change needs at least ${r.minimumCount} offences in both years; the false discovery rate is held at ${Math.round(r.falseDiscoveryRate * 100)}% across all tests of the year. Sorted by strength of evidence.`;
  container.replaceChildren(
    viewHeader(
      'Alerts',
      "Emerging trends: where the latest count departs from a country's own recent trajectory by more than count noise explains. Each alert links to its trend.",
    ),
    h('div', { class: 'controls' }, yearField),
    filterControls(answer, filters, (next) => paint(container, context, answer, fallback, next)),
    fallback ? h('p', { class: 'notice', text: fallback }) : '',
    h('p', { class: 'hint', text: rules }),
    h('p', { class: 'hint', text: familyText(answer) }),
    h('p', { class: 'hit-rate', text: hitRateText(answer) }),
    shown.length
      ? h('ol', { class: 'grid alert-list' }, ...shown.map((a) => alertCard(a, context)))
      : h('p', { text: `No alerts for ${answer.period}${answer.alerts.length ? ' with these filters' : ''}.` }),
    noticesSection(answer),
    notAssessedSection(answer),
    h('details', {}, h('summary', { text: 'All alerts as a table' }), download, sortableTable(table)),
    h(
      'p',
      { class: 'source' },
      `Data version ${answer.meta.dataVersion ?? 'unknown'}. `,
      answer.meta.dataVersion
        ? h('a', { href: asOfHref(context, answer.meta.dataVersion)!, text: 'Link to this data version (asOf)' })
        : '',
      ' ',
      h('a', { href: '/api/alerts/feed.atom', text: 'Subscribe to new alerts (Atom feed)' }),
    ),
  );
}

export async function mount(container: HTMLElement, state: ViewState, context: ViewContext): Promise<MountedView> {
  try {
    const { answer, fallback } = await loadAlerts(state.year ?? null, state.asOf);
    paint(container, context, answer, fallback, NO_FILTERS);
  } catch (error) {
    container.replaceChildren(
      viewHeader('Alerts', ''),
      errorBox(`The alerts could not be loaded: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
  return { update: () => false };
}
