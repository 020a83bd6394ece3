import type { Alert } from './analytics.types';

function number(x: number): string {
  return Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-GB') : x.toFixed(2);
}

/**
 * One plain-language sentence, e.g. "Robbery per 100k in Austria rose 38% in 2022, above the range
 * expected from its 2015–2021 trend (40.10–45.30), the largest rise in EU27_2020."
 */
export function explainAlert(alert: Alert, group: string, extreme: boolean): string {
  const what = `${alert.indicatorName}${alert.measure === 'rate' ? ' per 100k' : ''} in ${alert.geoName}`;
  const rising = alert.changePercent !== null ? alert.changePercent >= 0 : alert.expected !== null && alert.value > alert.expected.upper;
  const movement = alert.changePercent !== null
    ? `${rising ? 'rose' : 'fell'} ${Math.abs(alert.changePercent).toFixed(0)}% in ${alert.period} (to ${number(alert.value)})`
    : `was ${number(alert.value)} in ${alert.period}`;
  const parts = [`${what} ${movement}`];
  if (alert.expected && alert.rules.includes('prediction-interval')) {
    const side = alert.value > alert.expected.upper ? 'above' : 'below';
    parts.push(`${side} the range expected from its ${alert.expected.from}–${alert.expected.to} trend (${number(alert.expected.lower)}–${number(alert.expected.upper)})`);
  }
  if (alert.rules.includes('robust-z-change')) {
    parts.push(extreme ? `the largest ${rising ? 'rise' : 'fall'} in ${group}` : `an unusually large change among ${group} members`);
  }
  return `${parts.join(', ')}.`;
}
