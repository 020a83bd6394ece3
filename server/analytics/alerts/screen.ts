import type { IndicatorRow } from '../../indicators/indicator.table';
import type { AlertNotice, AlertYear, Measure } from '../../shared/api/analytics';
import { type CellRecord, POPULATION_INDICATOR } from '../cell.types';
import { cellKey } from '../cell.repository';
import { type CountPrediction, predictCount, type QuasiPoissonFit, quasiPoissonFit } from '../statistics/quasi-poisson';

/** The documented alert rules (docs/methodology-trends.md). */
export const ALERT_RULES = { window: 7, minimumPoints: 5, minimumCount: 20, falseDiscoveryRate: 0.05, interval: 0.95 } as const;

export interface ScreenedSeries {
  indicator: IndicatorRow;
  measure: Measure;
  geo: { code: string; name: string };
}

/** One test run: a series whose latest count was compared with the range its own recent trend predicts. */
export interface CountTest extends ScreenedSeries {
  period: string;
  current: AlertYear;
  prior: AlertYear;
  fit: QuasiPoissonFit;
  /** Whether the population was the fit's exposure (one population source over the window and year). */
  exposure: boolean;
  prediction: CountPrediction;
  window: { from: string; to: string };
  notices: AlertNotice[];
}

export interface NotAssessed {
  indicator: string;
  geo: string;
  previousCount: number | null;
  count: number | null;
  reason: string;
}

export type CellLookup = Map<string, CellRecord>;

/** A year of a series: its count and the population it would be divided by, with both flags. */
export function seriesYear(cells: CellLookup, indicator: string, geo: string, year: number): AlertYear {
  const period = String(year);
  const count = cells.get(cellKey(indicator, geo, period));
  const population = cells.get(cellKey(POPULATION_INDICATOR, geo, period));
  const people = population?.value != null && population.value > 0 ? population.value : null;
  const counted = count?.value ?? null;
  return {
    period,
    count: counted,
    countFlags: count?.flags ?? '',
    population: people,
    populationFlags: people === null ? '' : population!.flags,
    rate: counted !== null && people !== null ? (counted / people) * 100_000 : null,
  };
}

/**
 * Which population source a year's denominator comes from. The seed's populations are Eurostat's
 * 1 January figures up to 2019 and World Bank mid-year estimates, flagged d, from 2020: a change of
 * the d flag inside a series is a change of source, which moves a rate without any change in crime.
 */
export function populationSource(year: AlertYear): string {
  return year.populationFlags.includes('d') ? 'a mid-year estimate (flag d)' : 'population on 1 January';
}

interface WindowPoint {
  year: AlertYear;
  x: number;
}

/** The window before `year`, newest first until a break (b) or `window` years; gaps are skipped. */
function windowBefore(cells: CellLookup, series: ScreenedSeries, year: number): WindowPoint[] {
  const points: WindowPoint[] = [];
  for (let y = year - 1; y >= year - ALERT_RULES.window; y--) {
    const point = seriesYear(cells, series.indicator.code, series.geo.code, y);
    if (point.count === null) continue;
    points.unshift({ year: point, x: y });
    if (point.countFlags.includes('b')) break;
  }
  return points;
}

function notAssessed(series: ScreenedSeries, prior: AlertYear, current: AlertYear, reason: string): NotAssessed {
  return { indicator: series.indicator.code, geo: series.geo.code, previousCount: prior.count, count: current.count, reason };
}

/**
 * Tests one series in one year, or says why it was not assessed. Null when there is nothing to say
 * (no figure this year, or no rate when rates were asked for).
 */
export function testSeries(cells: CellLookup, series: ScreenedSeries, year: number): CountTest | NotAssessed | null {
  const current = seriesYear(cells, series.indicator.code, series.geo.code, year);
  if (current.count === null || (series.measure === 'rate' && current.rate === null)) return null;
  const prior = seriesYear(cells, series.indicator.code, series.geo.code, year - 1);
  if (current.countFlags.includes('b')) return notAssessed(series, prior, current, `break in series (b) in ${year}: not comparable with earlier years`);
  if (prior.count === null) return notAssessed(series, prior, current, `no figure for ${year - 1}: no change to assess`);
  if (Math.min(prior.count, current.count) < ALERT_RULES.minimumCount) {
    return notAssessed(series, prior, current, `small numbers: not assessed (fewer than ${ALERT_RULES.minimumCount} offences in a compared year)`);
  }
  const points = windowBefore(cells, series, year);
  if (points.length < ALERT_RULES.minimumPoints) {
    return notAssessed(series, prior, current, `only ${points.length} comparable earlier years (${ALERT_RULES.minimumPoints} needed)`);
  }
  const years = [...points.map((p) => p.year), current];
  const sources = new Set(years.map((y) => (y.population === null ? null : populationSource(y))));
  // The population is the exposure only when one source covers the window and the year: otherwise a
  // change of source would look like a change in crime, and the counts are tested alone.
  const exposure = series.measure === 'rate' && !sources.has(null) && sources.size === 1;
  const notices: AlertNotice[] = [];
  if (series.measure === 'rate' && prior.population !== null && populationSource(prior) !== populationSource(current)) {
    notices.push({
      kind: 'population-source-change',
      text: `The population source changes in ${current.period} (${populationSource(prior)} in ${prior.period}, ${populationSource(current)} in ${current.period}): the rate change partly reflects the new denominator; the test uses the counts alone, so it cannot raise this alert.`,
      series: [series.indicator.code, POPULATION_INDICATOR],
    });
  }
  const offsetOf = (y: AlertYear) => (exposure ? Math.log(y.population!) : 0);
  const fit = quasiPoissonFit(points.map((p) => p.x), points.map((p) => p.year.count!), points.map((p) => offsetOf(p.year)));
  if (!fit) return notAssessed(series, prior, current, 'the trend of the earlier years could not be fitted');
  const prediction = predictCount(fit, year, offsetOf(current), current.count, ALERT_RULES.interval);
  if (points[0]!.year.countFlags.includes('b')) {
    notices.push({ kind: 'break', text: `Break in series in ${points[0]!.year.period}: the expected range uses ${points[0]!.year.period} onwards only.`, series: [series.indicator.code] });
  }
  return { ...series, period: String(year), current, prior, fit, exposure, prediction, window: { from: points[0]!.year.period, to: points[points.length - 1]!.year.period }, notices };
}

export function isTest(result: CountTest | NotAssessed): result is CountTest {
  return 'prediction' in result;
}

/**
 * Whether an alert held the next year: the next count is judged against the same fit's range for that
 * year. The next year's population is its offset, or, while it is not yet published, the alert year's.
 */
export function persistenceOf(cells: CellLookup, test: CountTest): { status: 'sustained' | 'one-year spike' | 'pending'; nextPeriod: string; nextCount: number | null; note: string } {
  const year = Number(test.period) + 1;
  const next = seriesYear(cells, test.indicator.code, test.geo.code, year);
  const nextPeriod = String(year);
  if (next.count === null) return { status: 'pending', nextPeriod, nextCount: null, note: `${nextPeriod} is not known yet` };
  if (next.countFlags.includes('b')) return { status: 'pending', nextPeriod, nextCount: next.count, note: `break in series in ${nextPeriod}: not comparable` };
  const sameSource = next.population !== null && populationSource(next) === populationSource(test.current);
  const offset = test.exposure ? Math.log(sameSource ? next.population! : test.current.population!) : 0;
  const range = predictCount(test.fit, year, offset, next.count, ALERT_RULES.interval);
  const rising = test.prediction.z > 0;
  const held = rising ? next.count > range.upper : next.count < range.lower;
  const bound = Math.round(rising ? range.upper : range.lower);
  return held
    ? { status: 'sustained', nextPeriod, nextCount: next.count, note: `${next.count} in ${nextPeriod}, still ${rising ? 'above' : 'below'} the expected range (${rising ? '>' : '<'} ${bound})` }
    : { status: 'one-year spike', nextPeriod, nextCount: next.count, note: `${next.count} in ${nextPeriod}, back within the expected range` };
}
