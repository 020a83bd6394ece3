import type { Alert, AlertsResponse } from '../../../server/shared/api/analytics';
import { SMALL_NUMBERS_REASON } from '../../../server/shared/alert-reasons';
import { analyticsApi } from '../../api/client';
import { formatNumber, formatShare } from '../../../server/shared/i18n/format';
import { currentLocale, t } from '../../i18n/i18n';

/** The filters a reader can set; empty means all. The family of tests does not change with them. */
export interface AlertFilters {
  theme: string;
  indicator: string;
  geo: string;
  strength: '' | Alert['strength'];
}

export const NO_FILTERS: AlertFilters = { theme: '', indicator: '', geo: '', strength: '' };

const STRENGTH_ORDER: Alert['strength'][] = ['very strong', 'strong', 'moderate'];

/** Alerts that pass the filters, in the answer's order (by evidence); strength means "at least". */
export function filterAlerts(alerts: Alert[], filters: AlertFilters): Alert[] {
  const weakest = filters.strength ? STRENGTH_ORDER.indexOf(filters.strength) : STRENGTH_ORDER.length - 1;
  return alerts.filter(
    (a) =>
      (!filters.theme || a.theme === filters.theme) &&
      (!filters.indicator || a.indicator === filters.indicator) &&
      (!filters.geo || a.geo === filters.geo) &&
      STRENGTH_ORDER.indexOf(a.strength) <= weakest,
  );
}

/** The choices each filter offers: the values present among the alerts. */
export function filterChoices(alerts: Alert[]): {
  themes: string[];
  indicators: [string, string][];
  geos: [string, string][];
} {
  const sorted = <T>(m: Map<string, T>) => [...m].sort(([a], [b]) => a.localeCompare(b));
  return {
    themes: [...new Set(alerts.map((a) => a.theme))].sort(),
    indicators: sorted(new Map(alerts.map((a) => [a.indicator, a.indicatorName]))),
    geos: sorted(new Map(alerts.map((a) => [a.geo, a.geoName]))),
  };
}

/** How many false alarms the family would give without control, and how many alerts it gave with it. */
export function familyText(answer: AlertsResponse): string {
  const f = answer.family;
  const locale = currentLocale();
  return t('alerts.family', {
    tests: f.tests,
    period: answer.period,
    group: answer.group,
    falseAlarms: Math.round(f.expectedFalseAlarmsUncorrected),
    level: formatShare(0.05, locale, 0),
    significant: f.significantBeforeControl,
    p: formatNumber(0.05, locale),
    fdr: formatShare(f.falseDiscoveryRate, locale, 0),
    alerts: answer.alerts.length,
    maybeFalse: Math.max(0, Math.round(answer.alerts.length * f.falseDiscoveryRate)),
  });
}

/** How many series were not assessed, and how many of them for small numbers. */
export function notAssessedText(answer: AlertsResponse): string {
  const small = answer.notAssessed.filter((n) => n.reasonMessage.key === SMALL_NUMBERS_REASON);
  return t('alerts.not-assessed', { count: answer.notAssessed.length, small: small.length });
}

/** The measured hit rate of past alerts. */
export function hitRateText(answer: AlertsResponse): string {
  const h = answer.hitRate;
  if (!h.judged || h.rate === null) return t('alerts.hit-rate-none');
  return t('alerts.hit-rate', {
    judged: h.judged,
    span: `${h.from}–${h.to}`,
    sustained: h.sustained,
    rate: formatShare(h.rate, currentLocale(), 0),
  });
}

/** The alerts of the chosen year or, without a chosen year, of the latest year that has any (up to 2 back). */
export async function loadAlerts(
  year: number | null,
  asOf: string | null,
): Promise<{ answer: AlertsResponse; fallback: string }> {
  let answer = await analyticsApi.alerts({ period: year ? String(year) : undefined, asOf });
  let fallback = '';
  for (let back = 1; !year && !answer.alerts.length && back <= 2; back++) {
    const earlier = await analyticsApi.alerts({ period: String(Number(answer.period) - 1), asOf });
    fallback = t('alerts.fallback', { period: answer.period, earlier: earlier.period });
    answer = earlier;
  }
  return { answer, fallback };
}
