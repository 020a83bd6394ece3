import type { Alert, AlertsResponse } from '../../../server/shared/api/analytics';
import { selectField } from '../../components/controls';
import { errorBox, h } from '../../components/dom';
import { saveCsv } from '../../components/downloads';
import { sortableTable, tableCsv, type TableSpec } from '../../components/sortable-table';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import { asOfHref, loadCatalogue, viewHeader } from '../view-parts';
import { alertCard } from './card';
import {
  type AlertFilters,
  familyText,
  filterAlerts,
  filterChoices,
  hitRateText,
  loadAlerts,
  NO_FILTERS,
  notAssessedText,
} from './state';
import { formatNumber, formatShare } from '../../../server/shared/i18n/format';
import { formatPercent, formatValue } from '../../charts/format';
import { formatVersion } from '../../components/chart-panel';
import { currentLocale, geoName, t } from '../../i18n/i18n';

function alertTable(answer: AlertsResponse, alerts: Alert[]): TableSpec<Alert> {
  return {
    caption: t('alerts.caption', { period: answer.period, group: answer.group }),
    rows: alerts,
    sortBy: 'rank',
    columns: [
      { key: 'rank', label: t('explore.rank'), value: (a) => a.rank, numeric: true },
      { key: 'indicator', label: t('component.indicator'), value: (a) => a.indicatorName },
      { key: 'geo', label: t('trends.geo'), value: (a) => `${geoName(a.geo, a.geoName)} (${a.geo})` },
      {
        key: 'before',
        label: t('alerts.count-before'),
        value: (a) => a.prior.count,
        format: (a) => formatValue(a.prior.count, 'count', currentLocale()),
        numeric: true,
      },
      {
        key: 'count',
        label: t('views.measure-count'),
        value: (a) => a.current.count,
        format: (a) => formatValue(a.current.count, 'count', currentLocale()),
        numeric: true,
      },
      {
        key: 'change',
        label: t('alerts.change-percent'),
        value: (a) => (a.changePercent === null ? null : Math.round(a.changePercent * 10) / 10),
        format: (a) => (a.changePercent === null ? '—' : formatPercent(a.changePercent, currentLocale())),
        numeric: true,
      },
      {
        key: 'q',
        label: 'q',
        value: (a) => Number(a.q.toPrecision(2)),
        format: (a) => formatNumber(Number(a.q.toPrecision(2)), currentLocale(), { maximumSignificantDigits: 2 }),
        numeric: true,
      },
      {
        key: 'persistence',
        label: t('alerts.next-year'),
        value: (a) => t('alerts.persistence', { status: a.persistence.status }),
      },
    ],
  };
}

function filterControls(
  answer: AlertsResponse,
  filters: AlertFilters,
  onChange: (f: AlertFilters) => void,
  themeNames: Map<string, string>,
): HTMLElement {
  const choices = filterChoices(answer.alerts);
  const all = { value: '', label: t('alerts.all') };
  return h(
    'div',
    { class: 'controls' },
    selectField({
      label: t('alerts.theme'),
      selected: filters.theme,
      choices: [
        all,
        ...choices.themes.map((theme) => ({ value: theme, label: themeNames.get(theme) ?? theme.replace(/_/g, ' ') })),
      ],
      onChange: (theme) => onChange({ ...filters, theme }),
    }),
    selectField({
      label: t('component.indicator'),
      selected: filters.indicator,
      choices: [all, ...choices.indicators.map(([value, label]) => ({ value, label }))],
      onChange: (indicator) => onChange({ ...filters, indicator }),
    }),
    selectField({
      label: t('explore.country'),
      selected: filters.geo,
      choices: [all, ...choices.geos.map(([value, label]) => ({ value, label: geoName(value, label) }))],
      onChange: (geo) => onChange({ ...filters, geo }),
    }),
    selectField({
      label: t('alerts.evidence-at-least'),
      selected: filters.strength,
      choices: [
        all,
        { value: 'strong', label: t('alerts.strength-strong-q', { q: formatNumber(0.01, currentLocale()) }) },
        {
          value: 'very strong',
          label: t('alerts.strength-very-strong-q', { q: formatNumber(0.001, currentLocale()) }),
        },
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
    h('h3', { id: 'reclass-heading', text: t('alerts.reclassifications') }),
    h('ul', {}, ...answer.reclassifications.map((r) => h('li', { class: 'notice', text: r.text }))),
  );
}

function notAssessedSection(answer: AlertsResponse): HTMLElement {
  return h(
    'details',
    {},
    h('summary', { text: notAssessedText(answer) }),
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
  themeNames: Map<string, string>,
): void {
  const shown = filterAlerts(answer.alerts, filters);
  const years = Array.from({ length: 2022 - 2010 + 1 }, (_, i) => String(2022 - i));
  const yearField = selectField({
    label: t('component.year'),
    selected: answer.period,
    choices: years.map((y) => ({ value: y, label: y })),
    onChange: (y) => context.navigate({ year: Number(y) }),
  });
  const table = alertTable(answer, shown);
  const download = h('button', { type: 'button', class: 'download', text: t('component.download-csv') });
  download.addEventListener('click', () =>
    saveCsv(tableCsv(table), `${t('alerts.file-stem', { period: answer.period })}.csv`),
  );
  const r = answer.rules;
  const locale = currentLocale();
  const rules = t('alerts.rules', {
    interval: formatShare(r.interval, locale, 0),
    window: r.window,
    minimumPoints: r.minimumPoints,
    minimumCount: r.minimumCount,
    fdr: formatShare(r.falseDiscoveryRate, locale, 0),
  });
  container.replaceChildren(
    viewHeader(t('shell.title-alerts'), t('alerts.intro')),
    h('div', { class: 'controls' }, yearField),
    filterControls(
      answer,
      filters,
      (next) => paint(container, context, answer, fallback, next, themeNames),
      themeNames,
    ),
    fallback ? h('p', { class: 'notice', text: fallback }) : '',
    h('p', { class: 'hint', text: rules }),
    h('p', { class: 'hint', text: familyText(answer) }),
    h('p', { class: 'hit-rate', text: hitRateText(answer) }),
    shown.length
      ? h('ol', { class: 'grid alert-list' }, ...shown.map((a) => alertCard(a, context)))
      : h('p', {
          text: t(answer.alerts.length ? 'alerts.none-filtered' : 'alerts.none', { period: answer.period }),
        }),
    noticesSection(answer),
    notAssessedSection(answer),
    h('details', {}, h('summary', { text: t('alerts.as-table') }), download, sortableTable(table)),
    h(
      'p',
      { class: 'source' },
      `${t('alerts.data-version', { version: formatVersion(answer.meta.dataVersion) })} `,
      answer.meta.dataVersion
        ? h('a', { href: asOfHref(context, answer.meta.dataVersion)!, text: t('component.as-of-link') })
        : '',
      ' ',
      h('a', { href: '/api/alerts/feed.atom', text: t('alerts.feed') }),
    ),
  );
}

export async function mount(container: HTMLElement, state: ViewState, context: ViewContext): Promise<MountedView> {
  try {
    const [{ answer, fallback }, catalogue] = await Promise.all([
      loadAlerts(state.year ?? null, state.asOf),
      loadCatalogue(),
    ]);
    const themeNames = new Map(catalogue.themes.map((theme) => [theme.code, theme.name]));
    paint(container, context, answer, fallback, NO_FILTERS, themeNames);
  } catch (error) {
    container.replaceChildren(
      viewHeader(t('shell.title-alerts'), ''),
      errorBox(t('alerts.load-failed', { message: error instanceof Error ? error.message : String(error) })),
    );
  }
  return { update: () => false };
}
