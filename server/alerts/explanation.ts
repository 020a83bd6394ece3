import type { Alert } from '../shared/api/analytics';

function number(x: number): string {
  return Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-GB') : x.toFixed(2);
}

function qText(q: number): string {
  return q < 0.001 ? 'q < 0.001' : `q = ${q.toFixed(3)}`;
}

/**
 * One plain-language sentence, e.g. "Robbery per 100k in Sweden fell 19% in 2021 (8,812 → 7,301
 * offences), below the range expected from its 2014–2020 trend (62.00–80.10), q < 0.001."
 */
export function explainAlert(alert: Alert, group: string): string {
  const what = `${alert.indicatorName}${alert.measure === 'rate' ? ' per 100k' : ''} in ${alert.geoName}`;
  const rising = alert.direction === 'rise';
  const movement =
    alert.changePercent !== null
      ? `${rising ? 'rose' : 'fell'} ${Math.abs(alert.changePercent).toFixed(0)}% in ${alert.period}`
      : `was ${number(alert.value)} in ${alert.period}`;
  const counts = `(${number(alert.prior.count!)} → ${number(alert.current.count!)} offences)`;
  const range = `${rising ? 'above' : 'below'} the range expected from its ${alert.expected.from}–${alert.expected.to} trend (${number(alert.expected.lower)}–${number(alert.expected.upper)})`;
  return `${what} ${movement} ${counts}, ${range}, ${qText(alert.q)} across the ${group} screen.`;
}
