import type { Alert, AlertsResponse } from '../../server/analytics/analytics.types';
import { analyticsApi } from '../api/client';
import { formatPercent, formatValue } from '../charts/format';
import { selectField } from '../components/controls';
import { errorBox, h } from '../components/dom';
import { saveCsv } from '../components/downloads';
import { sortableTable, tableCsv, type TableSpec } from '../components/sortable-table';
import type { MountedView, ViewContext } from '../router';
import type { ViewState } from '../state/url-state';
import { asOfHref, viewHeader } from './view-parts';

function alertCard(alert: Alert, context: ViewContext): HTMLElement {
  const href = context.hrefFor({ view: 'trends', id: null, indicator: alert.indicator, geos: [alert.geo], measure: alert.measure, tab: 'chart', base: null });
  return h('li', { class: 'card' },
    h('h3', {}, h('a', { href, text: `${alert.indicatorName} in ${alert.geoName}, ${alert.period}` })),
    h('p', { text: alert.explanation }),
    h('p', { class: 'hint', text: `Rank ${alert.rank} · value ${formatValue(alert.value, alert.measure)}${alert.changePercent === null ? '' : ` · change ${formatPercent(alert.changePercent)}`}${alert.flags ? ` · flags ${alert.flags}` : ''} · rules: ${alert.rules.join(', ')}` }));
}

function alertTable(answer: AlertsResponse): TableSpec<Alert> {
  return {
    caption: `Emerging-trend alerts, ${answer.period}, ${answer.group}`, rows: answer.alerts, sortBy: 'rank',
    columns: [
      { key: 'rank', label: 'Rank', value: (a) => a.rank, numeric: true },
      { key: 'indicator', label: 'Indicator', value: (a) => a.indicatorName },
      { key: 'geo', label: 'Geo', value: (a) => `${a.geoName} (${a.geo})` },
      { key: 'period', label: 'Year', value: (a) => a.period },
      { key: 'value', label: 'Value', value: (a) => a.value, numeric: true },
      { key: 'change', label: 'Change %', value: (a) => (a.changePercent === null ? null : Math.round(a.changePercent * 10) / 10), numeric: true },
      { key: 'explanation', label: 'Explanation', value: (a) => a.explanation },
    ],
  };
}

export async function mount(container: HTMLElement, state: ViewState, context: ViewContext): Promise<MountedView> {
  const header = viewHeader('Alerts', 'Emerging trends: where the latest value departs from a country\'s own recent trajectory or from the change seen elsewhere. Each alert links to its trend.');
  try {
    let answer = await analyticsApi.alerts({ period: state.year ? String(state.year) : undefined, asOf: state.asOf });
    let fallback = '';
    // Few countries have reported the latest year yet: without a chosen year, step back to one with alerts.
    for (let back = 1; !state.year && !answer.alerts.length && back <= 2; back++) {
      const earlier = await analyticsApi.alerts({ period: String(Number(answer.period) - 1), asOf: state.asOf });
      fallback = `No alerts for ${answer.period} yet (few countries have reported it); showing ${earlier.period}.`;
      answer = earlier;
    }
    const years = Array.from({ length: 2022 - 2010 + 1 }, (_, i) => String(2022 - i));
    const yearField = selectField({ label: 'Year', selected: answer.period, choices: years.map((y) => ({ value: y, label: y })), onChange: (y) => context.navigate({ year: Number(y) }) });
    const table = alertTable(answer);
    const download = h('button', { type: 'button', class: 'download', text: 'Download CSV' });
    download.addEventListener('click', () => saveCsv(tableCsv(table), `alerts-${answer.period}.csv`));
    const rules = `Rules: a ${Math.round(answer.rules.interval * 100)}% prediction interval from the previous ${answer.rules.window} years (at least ${answer.rules.minimumPoints} points), or a robust z-score of the change above ${answer.rules.robustZThreshold}.`;
    container.replaceChildren(header,
      h('div', { class: 'controls' }, yearField),
      fallback ? h('p', { class: 'notice', text: fallback }) : '',
      h('p', { class: 'hint', text: rules }),
      answer.alerts.length ? h('ol', { class: 'grid alert-list' }, ...answer.alerts.map((a) => alertCard(a, context))) : h('p', { text: `No alerts for ${answer.period}.` }),
      h('details', {}, h('summary', { text: 'All alerts as a table' }), download, sortableTable(table)),
      h('p', { class: 'source' }, `Data version ${answer.meta.dataVersion ?? 'unknown'}. `, answer.meta.dataVersion ? h('a', { href: asOfHref(context, answer.meta.dataVersion)!, text: 'Link to this data version (asOf)' }) : ''));
  } catch (error) {
    container.replaceChildren(header, errorBox(`The alerts could not be loaded: ${error instanceof Error ? error.message : String(error)}`));
  }
  return { update: () => false };
}
