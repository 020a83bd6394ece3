import type { DbOrTx } from '../db/database';
import type { RoundPartRow } from '../db/tables/round.table';
import type { Completeness, GeoCompleteness, OwedCell, Rates } from '../shared/api/rounds';
import { endOfDay } from './round-dates';
import { owedCells } from './owed-cells';
import { partsOf, type Round } from './round.repository';

/** Per cent to one decimal; null when nothing was expected (a rate of nothing is not 0 %). */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/**
 * DHIS2's reporting rate summary: completeness = actual ÷ expected, timeliness = on time ÷ expected
 * (not ÷ actual, so a late report lowers timeliness without raising it elsewhere).
 */
export function reportingRates(expected: number, actual: number, onTime: number): Rates {
  return { expected, actual, onTime, completeness: percent(actual, expected), timeliness: percent(onTime, expected) };
}

/** A part counts as an actual report while it is marked complete (or approved on from there). */
export function isActual(part: Pick<RoundPartRow, 'state'> | undefined): boolean {
  return part !== undefined && part.state !== 'open';
}

/** On time: completed no later than the end of the due date (DHIS2: within timelyDays after the period). */
export function isOnTime(part: Pick<RoundPartRow, 'state' | 'completed_at'> | undefined, dueOn: string): boolean {
  return (
    isActual(part) && part!.completed_at !== null && new Date(part!.completed_at).getTime() <= endOfDay(dueOn).getTime()
  );
}

function countCells(cells: OwedCell[]) {
  const delivered = cells.filter((c) => c.state === 'delivered' || c.state === 'delivered-with-warnings').length;
  const notAvailable = cells.filter((c) => c.state === 'not-available').length;
  return {
    cellsExpected: cells.length,
    cellsDelivered: delivered,
    cellsNotAvailable: notAvailable,
    cellsMissing: cells.length - delivered - notAvailable,
  };
}

/** Completeness and timeliness of a round, per geo and overall, with the cells each geo still owes. */
export async function roundCompleteness(db: DbOrTx, round: Round): Promise<Completeness> {
  const parts = await partsOf(db, round);
  const cells = await owedCells(db, round, round.geos);
  const names = new Map(
    (await db.selectFrom('geos').select(['code', 'name']).where('code', 'in', round.geos).execute()).map((g) => [
      g.code,
      g.name,
    ]),
  );
  const geos: GeoCompleteness[] = round.geos.map((geo) => {
    const part = parts.get(geo);
    const owed = cells.get(geo) ?? [];
    const counts = countCells(owed);
    return {
      geo,
      geoName: names.get(geo) ?? geo,
      state: part?.state ?? 'open',
      completedAt: isActual(part) ? part!.completed_at : null,
      ...reportingRates(1, isActual(part) ? 1 : 0, isOnTime(part, round.row.due_on) ? 1 : 0),
      ...counts,
      cellCompleteness: percent(counts.cellsDelivered + counts.cellsNotAvailable, counts.cellsExpected),
      missing: owed.filter((c) => c.state === 'missing').map((c) => ({ indicator: c.indicator, period: c.period })),
    };
  });
  const sum = (pick: (g: GeoCompleteness) => number) => geos.reduce((total, g) => total + pick(g), 0);
  return {
    roundId: round.id,
    roundName: round.name,
    dueOn: round.row.due_on,
    locksOn: round.row.locks_on,
    overall: {
      ...reportingRates(
        geos.length,
        sum((g) => g.actual),
        sum((g) => g.onTime),
      ),
      cellsExpected: sum((g) => g.cellsExpected),
      cellsDelivered: sum((g) => g.cellsDelivered),
      cellsNotAvailable: sum((g) => g.cellsNotAvailable),
      cellsMissing: sum((g) => g.cellsMissing),
    },
    geos,
  };
}

/** The same facts as CSV rows, one per geo (the public transparency download). */
export function completenessRows(completeness: Completeness) {
  return completeness.geos.map((g) => ({
    round: completeness.roundName,
    geo: g.geo,
    geo_name: g.geoName,
    state: g.state,
    completed_at: g.completedAt ?? '',
    expected: g.expected,
    actual: g.actual,
    on_time: g.onTime,
    cells_expected: g.cellsExpected,
    cells_delivered: g.cellsDelivered,
    cells_not_available: g.cellsNotAvailable,
    cells_missing: g.cellsMissing,
    missing: g.missing.map((m) => `${m.indicator} ${m.period}`).join('; '),
  }));
}
