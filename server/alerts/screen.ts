import type { IndicatorRow } from '../db/tables/indicator.table';
import type { Locale, LocalisedText } from '../shared/i18n';
import { translate } from '../i18n/translate';
import { sourceName } from '../catalogue/source-names';
import type { AlertNotice, AlertYear, Measure } from '../shared/api/analytics';
import { SMALL_NUMBERS_REASON } from '../shared/alert-reasons';
import { type CellRecord, POPULATION_INDICATOR } from '../analytics/cell.types';
import {
  type CountPrediction,
  predictCount,
  type QuasiPoissonFit,
  quasiPoissonFit,
} from '../analytics/statistics/quasi-poisson';

/** The documented alert rules (docs/methodology-trends.md). */
export const ALERT_RULES = {
  window: 7,
  minimumPoints: 5,
  minimumCount: 20,
  falseDiscoveryRate: 0.05,
  interval: 0.95,
} as const;

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
  /** Why, in the reader's language. */
  reason: string;
  /** The same reason as its message: the key says which rule held the series back, in any language. */
  reasonMessage: LocalisedText;
}

/**
 * The yearly cells of a group, one array per indicator and geo indexed by year: a screen looks up
 * some ten years of every series in every year it judges (the hit rate screens each past year), so a
 * string key per lookup cost most of an answer's time on the benchmark file.
 */
export interface CellLookup {
  first: number;
  rows: Map<string, (CellRecord | undefined)[]>;
}

export function cellLookup(cells: CellRecord[]): CellLookup {
  let first = Infinity;
  for (const c of cells) if (/^\d{4}$/.test(c.period)) first = Math.min(first, Number(c.period));
  const rows = new Map<string, (CellRecord | undefined)[]>();
  for (const c of cells) {
    if (!/^\d{4}$/.test(c.period)) continue;
    const key = `${c.indicator}|${c.geo}`;
    let row = rows.get(key);
    if (!row) {
      row = [];
      rows.set(key, row);
    }
    row[Number(c.period) - first] = c;
  }
  return { first: Number.isFinite(first) ? first : 0, rows };
}

/** One series' counts and its geo's populations, fetched once for all the years a test reads. */
export interface SeriesRows {
  first: number;
  counts: (CellRecord | undefined)[] | undefined;
  population: (CellRecord | undefined)[] | undefined;
}

export function rowsOf(cells: CellLookup, indicator: string, geo: string): SeriesRows {
  return {
    first: cells.first,
    counts: cells.rows.get(`${indicator}|${geo}`),
    population: cells.rows.get(`${POPULATION_INDICATOR}|${geo}`),
  };
}

/** A year of a series: its count and the population it would be divided by, with both flags. */
export function yearOf(rows: SeriesRows, year: number): AlertYear {
  const count = rows.counts?.[year - rows.first];
  const population = rows.population?.[year - rows.first];
  const people = population?.value != null && population.value > 0 ? population.value : null;
  const counted = count?.value ?? null;
  return {
    period: String(year),
    count: counted,
    countFlags: count?.flags ?? '',
    population: people,
    populationFlags: people === null ? '' : population!.flags,
    populationSource: people === null ? null : population!.source,
    rate: counted !== null && people !== null ? (counted / people) * 100_000 : null,
  };
}

export function seriesYear(cells: CellLookup, indicator: string, geo: string, year: number): AlertYear {
  return yearOf(rowsOf(cells, indicator, geo), year);
}

/** Which population a year's rate divides by: its source, e.g. Eurostat's demo_pjan or the World Bank's. */
function sourceOf(year: AlertYear): string | null {
  return year.populationSource;
}

/**
 * The population source named in the reader's language: a mid-year estimate (flag d) or the population
 * on 1 January, and its publisher and dataset (proper names, the same in every language).
 */
export function populationSource(year: AlertYear, locale: Locale = 'en'): string {
  const kind = year.populationFlags.includes('d') ? 'midyear' : 'january';
  const named = translate(locale, { key: 'alerts.population-source', params: { source: kind } });
  return year.populationSource ? `${named} (${sourceName(year.populationSource)})` : named;
}

/** The window before a year, as parallel arrays (a screen builds hundreds of thousands of them). */
interface Window {
  xs: number[];
  counts: number[];
  populations: (number | null)[];
  /** Each year's population source (null without a population). */
  sources: (string | null)[];
  /** The first year starts at a break (b). */
  startsAtBreak: boolean;
}

/** The window before `year`, newest first until a break (b) or `window` years; gaps are skipped. */
function windowBefore(rows: SeriesRows, year: number): Window {
  const w: Window = { xs: [], counts: [], populations: [], sources: [], startsAtBreak: false };
  for (let y = year - 1; y >= year - ALERT_RULES.window; y--) {
    const count = rows.counts?.[y - rows.first];
    if (count?.value == null) continue;
    const population = rows.population?.[y - rows.first];
    const people = population?.value != null && population.value > 0 ? population.value : null;
    w.xs.unshift(y);
    w.counts.unshift(count.value);
    w.populations.unshift(people);
    w.sources.unshift(people === null ? null : population!.source);
    if (count.flags.includes('b')) {
      w.startsAtBreak = true;
      break;
    }
  }
  return w;
}

function notAssessed(
  series: ScreenedSeries,
  prior: AlertYear,
  current: AlertYear,
  reason: LocalisedText,
  locale: Locale,
): NotAssessed {
  return {
    indicator: series.indicator.code,
    geo: series.geo.code,
    previousCount: prior.count,
    count: current.count,
    reason: translate(locale, reason),
    reasonMessage: reason,
  };
}

/**
 * Tests one series in one year, or says why it was not assessed. Null when there is nothing to say
 * (no figure this year, or no rate when rates were asked for).
 */
export function testSeries(
  cells: CellLookup,
  series: ScreenedSeries,
  year: number,
  locale: Locale = 'en',
): CountTest | NotAssessed | null {
  const rows = rowsOf(cells, series.indicator.code, series.geo.code);
  if (rows.counts?.[year - rows.first]?.value == null) return null;
  const current = yearOf(rows, year);
  if (current.count === null || (series.measure === 'rate' && current.rate === null)) return null;
  const prior = yearOf(rows, year - 1);
  if (current.countFlags.includes('b'))
    return notAssessed(series, prior, current, { key: 'alerts.not-assessed-break', params: { year } }, locale);
  if (prior.count === null)
    return notAssessed(
      series,
      prior,
      current,
      { key: 'alerts.not-assessed-no-prior', params: { year: year - 1 } },
      locale,
    );
  if (Math.min(prior.count, current.count) < ALERT_RULES.minimumCount) {
    return notAssessed(
      series,
      prior,
      current,
      { key: SMALL_NUMBERS_REASON, params: { minimum: ALERT_RULES.minimumCount } },
      locale,
    );
  }
  const w = windowBefore(rows, year);
  if (w.xs.length < ALERT_RULES.minimumPoints) {
    return notAssessed(
      series,
      prior,
      current,
      { key: 'alerts.not-assessed-short', params: { count: w.xs.length, needed: ALERT_RULES.minimumPoints } },
      locale,
    );
  }
  // The population is the exposure only when one source covers the window and the year: otherwise a
  // change of source would look like a change in crime, and the counts are tested alone.
  const exposure =
    series.measure === 'rate' && w.populations.every((p, i) => p !== null && w.sources[i] === current.populationSource);
  const notices: AlertNotice[] = [];
  if (series.measure === 'rate' && prior.population !== null && sourceOf(prior) !== sourceOf(current)) {
    notices.push({
      kind: 'population-source-change',
      text: translate(locale, {
        key: 'alerts.notice-population-source',
        params: {
          period: current.period,
          priorPeriod: prior.period,
          priorSource: populationSource(prior, locale),
          source: populationSource(current, locale),
        },
      }),
      series: [series.indicator.code, POPULATION_INDICATOR],
    });
  }
  const fit = quasiPoissonFit(
    w.xs,
    w.counts,
    w.populations.map((p) => (exposure ? Math.log(p!) : 0)),
  );
  if (!fit) return notAssessed(series, prior, current, { key: 'alerts.not-assessed-no-fit' }, locale);
  const prediction = predictCount(
    fit,
    year,
    exposure ? Math.log(current.population!) : 0,
    current.count,
    ALERT_RULES.interval,
  );
  const from = String(w.xs[0]);
  if (w.startsAtBreak)
    notices.push({
      kind: 'break',
      text: translate(locale, { key: 'alerts.notice-break', params: { from } }),
      series: [series.indicator.code],
    });
  return {
    ...series,
    period: String(year),
    current,
    prior,
    fit,
    exposure,
    prediction,
    window: { from, to: String(w.xs[w.xs.length - 1]) },
    notices,
  };
}

export function isTest(result: CountTest | NotAssessed): result is CountTest {
  return 'prediction' in result;
}

/**
 * Whether an alert held the next year: the next count is judged against the same fit's range for that
 * year. The next year's population is its offset, or, while it is not yet published, the alert year's.
 * The note is in the reader's language.
 */
export function persistenceOf(
  cells: CellLookup,
  test: CountTest,
  locale: Locale = 'en',
): { status: 'sustained' | 'one-year spike' | 'pending'; nextPeriod: string; nextCount: number | null; note: string } {
  const year = Number(test.period) + 1;
  const next = seriesYear(cells, test.indicator.code, test.geo.code, year);
  const nextPeriod = String(year);
  const note = (key: string, params: Record<string, string | number> = {}) =>
    translate(locale, { key: `alerts.persistence.${key}`, params: { period: nextPeriod, ...params } });
  if (next.count === null) return { status: 'pending', nextPeriod, nextCount: null, note: note('unknown') };
  if (next.countFlags.includes('b'))
    return { status: 'pending', nextPeriod, nextCount: next.count, note: note('break') };
  const sameSource = next.population !== null && sourceOf(next) === sourceOf(test.current);
  const offset = test.exposure ? Math.log(sameSource ? next.population! : test.current.population!) : 0;
  const range = predictCount(test.fit, year, offset, next.count, ALERT_RULES.interval);
  const rising = test.prediction.z > 0;
  const held = rising ? next.count > range.upper : next.count < range.lower;
  const bound = Math.round(rising ? range.upper : range.lower);
  return held
    ? {
        status: 'sustained',
        nextPeriod,
        nextCount: next.count,
        note: note(rising ? 'above' : 'below', { count: next.count, bound }),
      }
    : {
        status: 'one-year spike',
        nextPeriod,
        nextCount: next.count,
        note: note('within', { count: next.count }),
      };
}
