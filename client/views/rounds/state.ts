import { getFresh } from '../../api/client';
import type { Completeness, GeoCompleteness, RoundDetail, RoundSummary } from '../../../server/shared/api/rounds';
import type { CompletenessCell } from './completeness-map';

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

export const STATE_TEXT: Record<GeoCompleteness['state'], string> = {
  open: 'Not complete',
  complete: 'Complete',
  approved: 'Approved nationally',
  accepted: 'Accepted',
};

export const STATUS_TEXT: Record<RoundSummary['status'], string> = {
  scheduled: 'Scheduled',
  open: 'Open',
  'past-due': 'Past due',
  locked: 'Locked',
};

export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${rate.toFixed(1)} %`;
}

/** Whether who-delivered-what is public yet: after the due date (the server answers 409 before). */
export function deliveriesPublished(round: RoundSummary): boolean {
  return round.status === 'past-due' || round.status === 'locked';
}
