import type { Alert, AlertsResponse } from '../shared/api/analytics';

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

function entry(alert: Alert, group: string, updated: string): string {
  // A stable id per alert: a feed reader shows an entry once, so each commit's new alerts are what is new.
  const id = `tag:crime-prevention-observatory,2026:alert/${group}/${alert.period}/${alert.indicator}/${alert.geo}/${alert.measure}`;
  const trend = `/trends?indicator=${encodeURIComponent(alert.indicator)}&geo=${encodeURIComponent(alert.geo)}&measure=${alert.measure}`;
  const facts = [
    `${alert.prior.period}: ${alert.prior.count} offences; ${alert.current.period}: ${alert.current.count} offences.`,
    `Evidence ${alert.strength} (q = ${alert.q.toPrecision(2)}); next year: ${alert.persistence.status}.`,
    ...alert.notices.map((n) => n.text),
  ];
  return (
    `<entry><id>${escapeXml(id)}</id><title>${escapeXml(`${alert.indicatorName} in ${alert.geoName}, ${alert.period}: ${alert.direction}`)}</title>` +
    `<updated>${updated}</updated><link rel="alternate" href="${escapeXml(trend)}"/>` +
    `<category term="${escapeXml(alert.theme)}"/><category term="${escapeXml(alert.geo)}"/>` +
    `<summary>${escapeXml(`${alert.explanation} ${facts.join(' ')}`)}</summary></entry>`
  );
}

/**
 * An Atom 1.0 feed of the latest period's alerts, newest data version first: a policymaker subscribes
 * without an account, and each commit that raises an alert adds an entry with a new id.
 */
export function alertsFeed(answer: AlertsResponse, filter: FeedFilter, selfHref: string): string {
  const updated = answer.meta.dataVersion ?? new Date(0).toISOString();
  const scope = [filter.country, filter.theme?.replace(/_/g, ' ')].filter(Boolean).join(', ');
  const title = `Emerging-trend alerts, ${answer.group}, ${answer.period}${scope ? ` (${scope})` : ''}`;
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">' +
    `<id>tag:crime-prevention-observatory,2026:alerts/${escapeXml(answer.group)}${escapeXml(scope ? `/${scope}` : '')}</id>` +
    `<title>${escapeXml(title)}</title><updated>${updated}</updated>` +
    `<link rel="self" href="${escapeXml(selfHref)}"/><link rel="alternate" href="/alerts"/>` +
    `<author><name>Crime Prevention Observatory</name></author>` +
    feedAlerts(answer, filter)
      .map((a) => entry(a, answer.group, updated))
      .join('') +
    '</feed>\n'
  );
}
