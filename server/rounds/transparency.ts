import type { DbOrTx } from '../db/database';
import { conflict } from '../http/errors';
import { owedCells } from './owed-cells';
import { type Round, partsOf } from './round.repository';
import { isAfter } from './round-dates';
import type { Locale } from '../shared/i18n';

/**
 * Who delivered what and when in a past round: one row per expected cell, with the part's completion.
 * Published once the round is past its due date, so it never shows a country's work in progress.
 */
export async function roundDeliveries(db: DbOrTx, round: Round, now: Date, locale: Locale = 'en') {
  if (!isAfter(round.row.due_on, now)) {
    throw conflict({ key: 'rounds.delivery-not-public-yet', params: { round: round.name, dueOn: round.row.due_on } });
  }
  const cells = await owedCells(db, round, round.geos, locale);
  const parts = await partsOf(db, round);
  return round.geos.flatMap((geo) =>
    (cells.get(geo) ?? []).map((c) => ({
      round: round.name,
      geo,
      indicator: c.indicator,
      period: c.period,
      state: c.state,
      delivered_at: c.recordedAt ?? '',
      unavailable_reason: c.unavailableReason ?? '',
      part_state: parts.get(geo)?.state ?? 'open',
      completed_at: parts.get(geo)?.completed_at ?? '',
    })),
  );
}

export const DELIVERY_COLUMNS = [
  'round',
  'geo',
  'indicator',
  'period',
  'state',
  'delivered_at',
  'unavailable_reason',
  'part_state',
  'completed_at',
] as const;
