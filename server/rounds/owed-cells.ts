import type { DbOrTx } from '../db/database';
import type { CellState, OwedCell } from '../shared/api/rounds';
import type { Round } from './round.repository';
import { preferredOfEachCell, sourceRanks } from '../cells/preferred';
import { NATIONAL_SOURCE } from '../shared/api/sources';
import { translate } from '../i18n/translate';
import type { Locale, LocalisedText } from '../shared/i18n';
import { INDICATOR_DEFINITION, INDICATOR_NAME, loadLabelBook } from '../labels/label.book';

/** The period before: 2024 → 2023, 2024-Q1 → 2023-Q4, 2024-01 → 2023-12 (last year's value for reference). */
export function previousPeriod(period: string): string {
  const year = Number(period.slice(0, 4));
  const quarter = /^\d{4}-Q([1-4])$/.exec(period);
  if (quarter) return Number(quarter[1]) === 1 ? `${year - 1}-Q4` : `${year}-Q${Number(quarter[1]) - 1}`;
  const month = /^\d{4}-(\d{2})$/.exec(period);
  if (month)
    return Number(month[1]) === 1 ? `${year - 1}-12` : `${year}-${String(Number(month[1]) - 1).padStart(2, '0')}`;
  return String(year - 1);
}

/**
 * The upload pipeline's warning (submissions/inspect.ts), applied to a published count: a change beyond
 * the indicator's threshold. A note or a break flag ("b") explains it.
 */
export function changeWarningMessage(
  value: number | null,
  previous: number | null,
  threshold: number | null,
): LocalisedText | null {
  if (threshold === null || value === null || previous === null || value <= 0 || previous <= 0) return null;
  if (value <= (1 + threshold) * previous && previous <= (1 + threshold) * value) return null;
  const change = Math.round(((value - previous) / previous) * 100);
  return {
    key: 'rounds.change-warning',
    params: { change: `${change > 0 ? '+' : ''}${change}`, previous, threshold: Math.round(threshold * 100) },
  };
}

/** The share of change an indicator flags; only counts are checked, as at upload. */
export function changeThreshold(indicator: {
  unit: string;
  implausible_change: number | string | null;
}): number | null {
  return indicator.unit === 'count' ? Number(indicator.implausible_change) : null;
}

/**
 * A published empty value speaks through its flag: ":" (not available) is a declaration that the
 * figure does not exist, "m" (missing) is not a delivery; any other published cell is delivered.
 */
function cellState(
  cell: { value: number | null; flags: string } | undefined,
  warning: string | null,
  reason: string | null,
): CellState {
  if (cell && cell.value === null && cell.flags.includes(':')) return 'not-available';
  if (cell && !(cell.value === null && cell.flags.includes('m')))
    return warning ? 'delivered-with-warnings' : 'delivered';
  return reason ? 'not-available' : 'missing';
}

const key = (geo: string, indicator: string, period: string) => `${geo}|${indicator}|${period}`;

/**
 * Every expected cell of each geo's part: indicator name, unit and definition, the published value
 * (if any), last period's value, and its state. One query per table, whatever the number of geos.
 * The indicator's name and definition, the change warning and the default reason for a cell flagged
 * not available are in the reader's language.
 */
export async function owedCells(
  db: DbOrTx,
  round: Round,
  geos: string[],
  locale: Locale = 'en',
): Promise<Map<string, OwedCell[]>> {
  const byGeo = new Map<string, OwedCell[]>(geos.map((g) => [g, []]));
  if (!geos.length) return byGeo;
  const indicators = await db
    .selectFrom('indicators')
    .select(['code', 'name', 'unit', 'definition', 'implausible_change'])
    .where('code', 'in', round.indicators)
    .execute();
  const periods = [...new Set([...round.periods, ...round.periods.map(previousPeriod)])];
  const observations = await db
    .selectFrom('observations')
    .select(['geo', 'indicator', 'period', 'value', 'flags', 'note', 'recorded_at', 'source'])
    .where('geo', 'in', geos)
    .where('indicator', 'in', round.indicators)
    .where('period', 'in', periods)
    .orderBy('indicator')
    .orderBy('geo')
    .orderBy('period')
    .execute();
  // A round asks the contact point for its own figures: only theirs deliver a cell. Last period's value,
  // the reference, is whatever readers see (the preferred source's).
  const delivered = new Map(
    observations.filter((o) => o.source === NATIONAL_SOURCE).map((o) => [key(o.geo, o.indicator, o.period), o]),
  );
  const preferred = preferredOfEachCell(observations, await sourceRanks(db));
  const reference = new Map(preferred.map((o) => [key(o.geo, o.indicator, o.period), o]));
  const declared = await db
    .selectFrom('round_unavailable_cells')
    .select(['geo', 'indicator', 'period', 'reason'])
    .where('round_id', '=', round.id)
    .where('geo', 'in', geos)
    .execute();
  const unavailable = new Map(declared.map((d) => [key(d.geo, d.indicator, d.period), d.reason]));
  const catalogue = new Map(indicators.map((i) => [i.code, i]));
  // English is the catalogue's own text; the label book gives the other languages (with reviews).
  const labels = locale === 'en' ? null : await loadLabelBook(db);
  for (const geo of geos) {
    const cells = byGeo.get(geo)!;
    for (const code of round.indicators) {
      const indicator = catalogue.get(code);
      const threshold = indicator ? changeThreshold(indicator) : null;
      for (const period of round.periods) {
        const cell = delivered.get(key(geo, code, period));
        const previous = reference.get(key(geo, code, previousPeriod(period)));
        const value = cell ? (cell.value === null ? null : Number(cell.value)) : null;
        const previousValue = previous?.value === null || previous === undefined ? null : Number(previous.value);
        const warningMessage = cell ? changeWarningMessage(value, previousValue, threshold) : null;
        const warning = warningMessage && translate(locale, warningMessage);
        const reason = unavailable.get(key(geo, code, period)) ?? null;
        const state = cellState(cell, warning, reason);
        cells.push({
          indicator: code,
          indicatorName: labels?.text(INDICATOR_NAME, code, locale) ?? indicator?.name ?? code,
          unit: indicator?.unit ?? '',
          definition: labels?.text(INDICATOR_DEFINITION, code, locale) ?? indicator?.definition ?? '',
          period,
          value,
          flags: cell?.flags ?? '',
          note: cell?.note ?? null,
          recordedAt: cell?.recorded_at ?? null,
          previousValue,
          warning,
          unavailableReason:
            state !== 'not-available'
              ? null
              : (reason ?? cell?.note ?? translate(locale, { key: 'rounds.flagged-not-available' })),
          state,
        });
      }
    }
  }
  return byGeo;
}

/** A warning counts as explained when the cell has a note or a break-in-series flag, as the upload's warning asks. */
export function unexplainedWarnings(cells: OwedCell[]): OwedCell[] {
  return cells.filter((c) => c.state === 'delivered-with-warnings' && !c.note && !c.flags.includes('b'));
}
