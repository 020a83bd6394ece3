import type { Alert, AlertsResponse } from '../shared/api/analytics';
import { formatNumber, type Locale } from '../shared/i18n';
import { translate } from '../i18n/translate';
import { geoNameIn } from './explanation';

export interface FeedFilter {
  country?: string;
  theme?: string;
}

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!,
  );
}

/** The alerts a subscriber asked for: one country and/or one theme (the FDR family stays the whole screen). */
export function feedAlerts(answer: AlertsResponse, filter: FeedFilter): Alert[] {
  return answer.alerts.filter(
    (a) => (!filter.country || a.geo === filter.country) && (!filter.theme || a.theme === filter.theme),
  );
}

const PERSISTENCE_KEYS: Record<Alert['persistence']['status'], string> = {
  sustained: 'sustained',
  'one-year spike': 'spike',
  pending: 'pending',
};

function entry(alert: Alert, group: string, updated: string, locale: Locale): string {
  // A stable id per alert: a feed reader shows an entry once, so each commit's new alerts are what is new.
  const id = `tag:crime-prevention-observatory,2026:alert/${group}/${alert.period}/${alert.indicator}/${alert.geo}/${alert.measure}`;
  const trend = `/trends?indicator=${encodeURIComponent(alert.indicator)}&geo=${encodeURIComponent(alert.geo)}&measure=${alert.measure}`;
  const count = (n: number | null) => (n === null ? '–' : formatNumber(n, locale, { useGrouping: false }));
  const facts = [
    translate(locale, {
      key: 'alerts.feed-counts',
      params: {
        priorPeriod: alert.prior.period,
        before: count(alert.prior.count),
        period: alert.current.period,
        after: count(alert.current.count),
      },
    }),
    translate(locale, {
      key: 'alerts.feed-evidence',
      params: {
        strength: alert.strength.replace(' ', '_'),
        q: formatNumber(alert.q, locale, {
          maximumSignificantDigits: 2,
          notation: alert.q < 1e-4 ? 'scientific' : 'standard',
        }),
        persistence: PERSISTENCE_KEYS[alert.persistence.status],
      },
    }),
    ...alert.notices.map((n) => n.text),
  ];
  const title = translate(locale, {
    key: 'alerts.feed-entry-title',
    params: {
      indicator: alert.indicatorName,
      geo: geoNameIn(alert.geo, alert.geoName, locale),
      period: alert.period,
      direction: alert.direction,
    },
  });
  return (
    `<entry><id>${escapeXml(id)}</id><title>${escapeXml(title)}</title>` +
    `<updated>${updated}</updated><link rel="alternate" href="${escapeXml(trend)}"/>` +
    `<category term="${escapeXml(alert.theme)}"/><category term="${escapeXml(alert.geo)}"/>` +
    `<summary>${escapeXml(`${alert.explanation} ${facts.join(' ')}`)}</summary></entry>`
  );
}

/**
 * An Atom 1.0 feed of the latest period's alerts, newest data version first: a policymaker subscribes
 * without an account, and each commit that raises an alert adds an entry with a new id.
 */
export function alertsFeed(
  answer: AlertsResponse,
  filter: FeedFilter,
  selfHref: string,
  locale: Locale = 'en',
): string {
  const updated = answer.meta.dataVersion ?? new Date(0).toISOString();
  const scope = [filter.country, filter.theme?.replace(/_/g, ' ')].filter(Boolean).join(', ');
  const heading = translate(locale, {
    key: 'alerts.feed-title',
    params: { group: answer.group, period: answer.period },
  });
  const title = `${heading}${scope ? ` (${scope})` : ''}`;
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">` +
    `<id>tag:crime-prevention-observatory,2026:alerts/${escapeXml(answer.group)}${escapeXml(scope ? `/${scope}` : '')}</id>` +
    `<title xml:lang="${locale}">${escapeXml(title)}</title><updated>${updated}</updated>` +
    `<link rel="self" href="${escapeXml(selfHref)}"/><link rel="alternate" href="/alerts"/>` +
    `<author><name>${escapeXml(translate(locale, { key: 'alerts.feed-author' }))}</name></author>` +
    feedAlerts(answer, filter)
      .map((a) => entry(a, answer.group, updated, locale))
      .join('') +
    '</feed>\n'
  );
}
