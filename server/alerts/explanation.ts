import type { Alert } from '../shared/api/analytics';
import { countryName, formatNumber, type Locale } from '../shared/i18n';
import { translate } from '../i18n/translate';

/** A figure as an alert sentence writes it: whole above 100, two decimals below, in the reader's digits. */
export function alertNumber(x: number, locale: Locale): string {
  return Math.abs(x) >= 100
    ? formatNumber(Math.round(x), locale)
    : formatNumber(x, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
}

/** "< 0.001" or "= 0.012", in the reader's digits. */
function qText(q: number, locale: Locale): string {
  const three = (x: number) => formatNumber(x, locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  return q < 0.001 ? `< ${three(0.001)}` : `= ${three(q)}`;
}

/** A geo's name in the reader's language: the stored (English) name in English, Intl's elsewhere. */
export function geoNameIn(code: string, storedName: string, locale: Locale): string {
  return locale === 'en' ? storedName : (countryName(code, locale) ?? storedName);
}

/**
 * One plain-language sentence in the reader's language, e.g. "Robbery per 100k in Sweden fell 19% in
 * 2021 (8,812 → 7,301 offences), below the range expected from its 2014–2020 trend (62.00–80.10),
 * q < 0.001 across the EU27_2020 screen."
 */
export function explainAlert(alert: Alert, group: string, locale: Locale = 'en'): string {
  return translate(locale, {
    key: 'alerts.explanation',
    params: {
      indicator: alert.indicatorName,
      measure: alert.measure,
      geo: geoNameIn(alert.geo, alert.geoName, locale),
      change:
        alert.changePercent === null
          ? 'none'
          : formatNumber(Math.abs(alert.changePercent), locale, { maximumFractionDigits: 0, useGrouping: false }),
      direction: alert.direction,
      value: alertNumber(alert.value, locale),
      period: alert.period,
      before: alertNumber(alert.prior.count!, locale),
      after: alertNumber(alert.current.count!, locale),
      from: alert.expected.from,
      to: alert.expected.to,
      lower: alertNumber(alert.expected.lower, locale),
      upper: alertNumber(alert.expected.upper, locale),
      q: qText(alert.q, locale),
      group,
    },
  });
}
