import type { Alert, AlertYear } from '../../../server/shared/api/analytics';
import { renderRangeStrip } from '../../charts/range-strip';
import { formatPercent, formatValue } from '../../charts/format';
import { h } from '../../components/dom';
import type { ViewContext } from '../view-context';

function yearText(year: AlertYear, measure: Alert['measure']): string {
  const count =
    year.count === null
      ? 'no count'
      : `${formatValue(year.count, 'count')} offences${year.countFlags ? ` (${year.countFlags})` : ''}`;
  if (measure !== 'rate') return `${year.period}: ${count}`;
  const rate = year.rate === null ? 'no rate' : `${formatValue(year.rate, 'rate')} per 100k`;
  const people =
    year.population === null
      ? ''
      : ` of ${formatValue(year.population, 'count')}${year.populationFlags ? ` (${year.populationFlags})` : ''}`;
  return `${year.period}: ${count}${people}, ${rate}`;
}

function qText(q: number): string {
  return q < 0.001 ? 'q < 0.001' : `q = ${q.toFixed(3)}`;
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
    { title: `${alert.indicatorName}, ${alert.geoName}: ${alert.period} against the expected range` },
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
  const range = `Expected ${alert.expected.from}–${alert.expected.to} trend: ${formatValue(alert.expected.lower, alert.measure)}–${formatValue(alert.expected.upper, alert.measure)}`;
  return h(
    'li',
    { class: 'card alert-card' },
    h('h3', {}, h('a', { href, text: `${alert.indicatorName} in ${alert.geoName}, ${alert.period}` })),
    h('p', { text: alert.explanation }),
    figure,
    h(
      'ul',
      { class: 'facts' },
      h('li', { text: yearText(alert.prior, alert.measure) }),
      h('li', { text: yearText(alert.current, alert.measure) }),
      h('li', {
        text: `${range}${alert.changePercent === null ? '' : `; change ${formatPercent(alert.changePercent)}`}`,
      }),
      h('li', { text: `Evidence: ${alert.strength} (${qText(alert.q)}, p = ${alert.p.toExponential(1)})` }),
      h('li', {
        text: `${alert.persistence.status === 'pending' ? 'Not yet judged' : alert.persistence.status === 'sustained' ? 'Sustained' : 'One-year spike'}: ${alert.persistence.note}`,
      }),
    ),
    alert.notices.length
      ? h('ul', { class: 'notices' }, ...alert.notices.map((n) => h('li', { class: 'notice', text: n.text })))
      : '',
  );
}
