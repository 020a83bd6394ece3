import type { Alert, AlertYear } from '../../../server/shared/api/analytics';
import { renderRangeStrip } from '../../charts/range-strip';
import { formatPercent, formatValue } from '../../charts/format';
import { h } from '../../components/dom';
import type { ViewContext } from '../view-context';
import { formatNumber } from '../../../server/shared/i18n/format';
import { currentLocale, geoName, t } from '../../i18n/i18n';

const flagged = (text: string, flags: string | null | undefined) => (flags ? `${text} (${flags})` : text);

function yearText(year: AlertYear, measure: Alert['measure']): string {
  const locale = currentLocale();
  const count =
    year.count === null
      ? t('alerts.no-count')
      : t('alerts.offences', {
          count: year.count,
          value: flagged(formatValue(year.count, 'count', locale), year.countFlags),
        });
  if (measure !== 'rate') return `${year.period}: ${count}`;
  const rate =
    year.rate === null ? t('alerts.no-rate') : t('alerts.rate', { value: formatValue(year.rate, 'rate', locale) });
  if (year.population === null) return t('alerts.year-rate', { period: year.period, count, rate });
  const population = flagged(formatValue(year.population, 'count', locale), year.populationFlags);
  return t('alerts.year-rate-population', { period: year.period, count, population, rate });
}

function qText(q: number): string {
  const locale = currentLocale();
  return q < 0.001
    ? `q < ${formatNumber(0.001, locale)}`
    : `q = ${formatNumber(q, locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 })}`;
}

function strip(alert: Alert): string {
  return renderRangeStrip(
    {
      lower: alert.expected.lower,
      upper: alert.expected.upper,
      fitted: alert.expected.fitted,
      previous: alert.previous,
      value: alert.value,
      previousLabel: alert.prior.period,
      valueLabel: alert.period,
    },
    {
      title: t('alerts.strip-title', {
        indicator: alert.indicatorName,
        geo: geoName(alert.geo, alert.geoName),
        period: alert.period,
      }),
      locale: currentLocale(),
    },
  );
}

/** One alert as a card a reader can judge: both years' counts and rates, the range, q, persistence, notices. */
export function alertCard(alert: Alert, context: ViewContext): HTMLElement {
  const href = context.hrefFor({
    view: 'trends',
    id: null,
    indicator: alert.indicator,
    geos: [alert.geo],
    measure: alert.measure,
    tab: 'chart',
    base: null,
  });
  const figure = h('figure', { class: 'range-strip' });
  figure.innerHTML = strip(alert);
  const locale = currentLocale();
  const range = t('alerts.expected', {
    span: `${alert.expected.from}–${alert.expected.to}`,
    lower: formatValue(alert.expected.lower, alert.measure, locale),
    upper: formatValue(alert.expected.upper, alert.measure, locale),
  });
  const change =
    alert.changePercent === null ? '' : t('alerts.change', { change: formatPercent(alert.changePercent, locale) });
  return h(
    'li',
    { class: 'card alert-card' },
    h(
      'h3',
      {},
      h('a', {
        href,
        text: t('alerts.card-title', {
          indicator: alert.indicatorName,
          geo: geoName(alert.geo, alert.geoName),
          period: alert.period,
        }),
      }),
    ),
    h('p', { text: alert.explanation }),
    figure,
    h(
      'ul',
      { class: 'facts' },
      h('li', { text: yearText(alert.prior, alert.measure) }),
      h('li', { text: yearText(alert.current, alert.measure) }),
      h('li', { text: `${range}${change}` }),
      h('li', {
        text: t('alerts.evidence', {
          strength: alert.strength.replace(/ /g, '_'),
          q: qText(alert.q),
          p: formatNumber(alert.p, locale, {
            notation: 'scientific',
            maximumFractionDigits: 1,
            minimumFractionDigits: 1,
          }),
        }),
      }),
      h('li', {
        text: `${t('alerts.persistence-title', { status: alert.persistence.status })}: ${alert.persistence.note}`,
      }),
    ),
    alert.notices.length
      ? h('ul', { class: 'notices' }, ...alert.notices.map((n) => h('li', { class: 'notice', text: n.text })))
      : '',
  );
}
