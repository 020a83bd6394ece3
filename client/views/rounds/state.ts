import { getFresh } from '../../api/client';
import type { Completeness, GeoCompleteness, RoundDetail, RoundSummary } from '../../../server/shared/api/rounds';
import type { CompletenessCell } from './completeness-map';
import { formatDate, formatNumber } from '../../../server/shared/i18n';
import { currentLocale, t } from '../../i18n/i18n';

/** What the rounds view shows: the list of rounds, or one round with its completeness. No DOM here. */
export type RoundsState =
  | { kind: 'list'; rounds: RoundSummary[] }
  | { kind: 'round'; round: RoundDetail; completeness: Completeness };

export async function loadRoundsState(id: string | null): Promise<RoundsState> {
  if (!id) return { kind: 'list', rounds: (await getFresh<{ data: RoundSummary[] }>('/api/rounds')).data };
  const [round, completeness] = await Promise.all([
    getFresh<RoundDetail>(`/api/rounds/${encodeURIComponent(id)}`),
    getFresh<Completeness>(`/api/rounds/${encodeURIComponent(id)}/completeness`),
  ]);
  return { kind: 'round', round, completeness };
}

export function mapCells(completeness: Completeness): CompletenessCell[] {
  return completeness.geos.map((g) => ({
    geo: g.geo,
    name: g.geoName,
    completeness: g.cellCompleteness,
    complete: g.actual === 1,
  }));
}

/** A country's part of a round in words: not complete, complete, approved nationally, accepted. */
export function stateText(state: GeoCompleteness['state']): string {
  return t(`rounds.state.${state}`);
}

/** A round's status in words: scheduled, open, past due, locked. */
export function statusText(status: RoundSummary['status']): string {
  return t(`rounds.status.${status}`);
}

/** A rate in percent (74.1 → "74.1%", "74,1 %" in French). */
export function rateText(rate: number | null): string {
  return rate === null
    ? '—'
    : formatNumber(rate / 100, currentLocale(), {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      });
}

/** A calendar day (YYYY-MM-DD) in the reader's language. */
export function dateText(day: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDate(`${day}T00:00:00Z`, currentLocale()) : day;
}

/** Whether who-delivered-what is public yet: after the due date (the server answers 409 before). */
export function deliveriesPublished(round: RoundSummary): boolean {
  return round.status === 'past-due' || round.status === 'locked';
}
