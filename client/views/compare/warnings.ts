import type { CompareResponse } from '../../../server/shared/api/analytics';
import { formatList } from '../../../server/shared/i18n/format';
import { currentLocale, t } from '../../i18n/i18n';
import { geoLabel } from '../geo-label';

/**
 * The comparability reasons the server flags (server/analytics/comparability.ts), by their message
 * key, and the kind the reader's language names them by. A reason not listed (a national file's
 * definition note) is shown as the server rendered it.
 */
const KNOWN_REASONS: Readonly<Record<string, string>> = {
  'analytics.comparability.count-break': 'countB',
  'analytics.comparability.count-definition': 'countD',
  'analytics.comparability.population-definition': 'populationD',
  'analytics.comparability.population-break': 'populationB',
};

/** One warning and every geo it applies to. */
export interface SharedWarning {
  /** A known kind (countB, countD, populationD, populationB), or null for a reason shown as written. */
  kind: string | null;
  reason: string;
  geos: string[];
}

type Warning = CompareResponse['warnings'][number];

/**
 * A warning's reasons, each with its kind when the server's message names a known one. The messages
 * list the flag reasons first and a definition note last; the note keeps its rendered text.
 */
function reasonsOf(warning: Warning): Pick<SharedWarning, 'kind' | 'reason'>[] {
  const messages = warning.reasonMessage?.params?.reasons;
  const parts = warning.reason.split('; ');
  if (!Array.isArray(messages)) return parts.map((reason) => ({ kind: null, reason }));
  const kinds = messages.map((m: { key?: unknown }) => KNOWN_REASONS[String(m?.key)]).filter((k) => k !== undefined);
  const known = kinds.map((kind, i) => ({ kind, reason: parts[i] ?? kind }));
  const rest = parts.slice(kinds.length).join('; ');
  return rest ? [...known, { kind: null, reason: rest }] : known;
}

/** The answer's warnings grouped by reason: 27 countries with the same caveat make one sentence, not 27 lines. */
export function sharedWarnings(answer: CompareResponse): SharedWarning[] {
  const byReason = new Map<string, SharedWarning>();
  for (const warning of answer.warnings) {
    for (const { kind, reason } of reasonsOf(warning)) {
      const key = kind ?? `text:${reason}`;
      const entry = byReason.get(key) ?? { kind, reason, geos: [] };
      entry.geos.push(warning.geo);
      byReason.set(key, entry);
    }
  }
  return [...byReason.values()].sort((a, b) => b.geos.length - a.geos.length || a.reason.localeCompare(b.reason));
}

/** What a warning says, in the reader's language where the kind is known. */
export function warningReason(warning: Pick<SharedWarning, 'kind' | 'reason'>, period: string): string {
  return warning.kind ? t('numbers.warning-kind', { kind: warning.kind, period }) : warning.reason;
}

/** One sentence per shared warning: the caveat, how many countries, and which. */
export function warningSentence(warning: SharedWarning, answer: CompareResponse): string {
  const names = warning.geos
    .map((g) => geoLabel(g, answer.rows.find((r) => r.geo === g)?.geoName))
    .sort((a, b) => a.localeCompare(b, currentLocale()));
  return t('numbers.warning-shared', {
    reason: warningReason(warning, answer.period),
    count: warning.geos.length,
    geos: formatList(names, currentLocale()),
  });
}

/** Each geo's warnings in the reader's language, for its bar and its table row. */
export function warningsByGeo(answer: CompareResponse): Map<string, string> {
  const byGeo = new Map<string, string[]>();
  for (const warning of sharedWarnings(answer))
    for (const geo of warning.geos) byGeo.set(geo, [...(byGeo.get(geo) ?? []), warningReason(warning, answer.period)]);
  return new Map([...byGeo].map(([geo, reasons]) => [geo, reasons.join('; ')]));
}
