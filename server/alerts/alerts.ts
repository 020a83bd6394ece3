import type { DbOrTx } from '../db/database';
import { badRequest } from '../http/errors';
import { cellVersions } from '../cells/cell-versions';
import type { IndicatorRow } from '../db/tables/indicator.table';
import { parsePeriod } from '../cells/period';
import type { Alert, AlertsResponse, Measure } from '../shared/api/analytics';
import { type Catalogue, canBeRate, groupFor, type GroupInfo } from '../analytics/catalogue';
import { readCells } from '../analytics/cell.repository';
import { POPULATION_INDICATOR } from '../analytics/cell.types';
import { PER_100K_UNIT } from '../analytics/rate';
import { benjaminiHochberg } from '../analytics/statistics/false-discovery';
import { explainAlert, geoNameIn } from './explanation';
import type { Locale } from '../shared/i18n';
import { translate } from '../i18n/translate';
import { indicatorWords, type IndicatorWords } from '../labels/indicator-words';
import { reviewHierarchy, type Significant } from './hierarchy';
import {
  ALERT_RULES,
  cellLookup,
  type CellLookup,
  type CountTest,
  isTest,
  type NotAssessed,
  persistenceOf,
  type ScreenedSeries,
  testSeries,
} from './screen';

export { ALERT_RULES };

export interface AlertsRequest {
  period?: string;
  group: string;
  /** rate: per-100k rates only (indicators that have one); count: values as published; absent: the rate where one exists. */
  measure?: Measure;
  asOf: string | null;
  /** The reader's language: explanations, notices and reasons are written in it. */
  locale?: Locale;
}

/** The series screened: each indicator × member, in the measure asked (or the rate where one exists). */
function screenedSeries(
  catalogue: Map<string, IndicatorRow>,
  group: GroupInfo,
  measure: Measure | undefined,
): ScreenedSeries[] {
  const indicators = [...catalogue.values()].filter(
    // Only counts have the count noise the test models: other units are not screened.
    (i) => i.code !== POPULATION_INDICATOR && i.unit === 'count' && (measure !== 'rate' || canBeRate(i)),
  );
  return indicators.flatMap((indicator) =>
    group.members.map((geo) => ({ indicator, geo, measure: measure ?? (canBeRate(indicator) ? 'rate' : 'count') })),
  );
}

export interface YearScreen {
  tests: CountTest[];
  notAssessed: NotAssessed[];
  significant: Significant[];
  reclassifications: AlertsResponse['reclassifications'];
}

/**
 * One year's screen: every series tested against its own recent trend, the whole family's p-values
 * adjusted by Benjamini–Hochberg, and the significant ones passed through the ICCS hierarchy.
 */
export function screenYear(
  cells: CellLookup,
  indicators: Map<string, IndicatorRow>,
  series: ScreenedSeries[],
  year: number,
  locale: Locale = 'en',
): YearScreen {
  const results = series.map((s) => testSeries(cells, s, year, locale)).filter((r) => r !== null);
  const tests = results.filter(isTest);
  const q = benjaminiHochberg(tests.map((t) => t.prediction.p));
  const significant = tests
    .map((test, i) => ({ test, q: q[i]!, linked: [] }))
    .filter((s) => s.q < ALERT_RULES.falseDiscoveryRate);
  const { kept, reclassifications } = reviewHierarchy(cells, indicators, significant, year, locale);
  return {
    tests,
    notAssessed: results.filter((r): r is NotAssessed => !isTest(r)),
    significant: kept,
    reclassifications,
  };
}

function strengthOf(q: number): Alert['strength'] {
  return q < 0.001 ? 'very strong' : q < 0.01 ? 'strong' : 'moderate';
}

function alertOf(cells: CellLookup, { test, q, linked }: Significant, group: string, locale: Locale): Alert {
  const rate = test.measure === 'rate';
  const value = rate ? test.current.rate! : test.current.count!;
  const previous = rate ? test.prior.rate : test.prior.count;
  const scale = rate ? 100_000 / test.current.population! : 1;
  const alert: Alert = {
    rank: 0,
    indicator: test.indicator.code,
    indicatorName: test.indicator.name,
    theme: test.indicator.theme,
    geo: test.geo.code,
    geoName: test.geo.name,
    period: test.period,
    measure: test.measure,
    unit: rate ? PER_100K_UNIT : test.indicator.unit,
    source: test.indicator.source,
    value,
    previous,
    changePercent: previous !== null && previous !== 0 ? (100 * (value - previous)) / previous : null,
    current: test.current,
    prior: test.prior,
    expected: {
      lower: test.prediction.lower * scale,
      upper: test.prediction.upper * scale,
      fitted: test.prediction.fitted * scale,
      ...test.window,
    },
    direction: test.prediction.z > 0 ? 'rise' : 'fall',
    z: test.prediction.z,
    p: test.prediction.p,
    q,
    strength: strengthOf(q),
    persistence: persistenceOf(cells, test, locale),
    linked,
    notices: [...test.notices],
    flags: [test.current.countFlags, rate ? test.current.populationFlags : ''].join(''),
    explanation: '',
  };
  for (const link of linked) {
    alert.notices.push({
      kind: 'parent-child',
      text: translate(locale, {
        key: 'alerts.notice-parent-child',
        params: {
          relation: link.relation,
          indicator: link.indicator,
          geo: geoNameIn(test.geo.code, test.geo.name, locale),
        },
      }),
      series: [test.indicator.code, link.indicator],
    });
  }
  alert.explanation = explainAlert(alert, group, locale);
  return alert;
}

/** The indicators with their names and sources in the reader's language. */
function inReaderWords(indicators: Map<string, IndicatorRow>, words: IndicatorWords): Map<string, IndicatorRow> {
  return new Map(
    [...indicators].map(([code, row]) => [
      code,
      { ...row, name: words.name(code, row.name), source: words.source(code, row.source) },
    ]),
  );
}

/** Sorted by evidence: the smallest p first (q is monotone in p), then the largest |z|. */
function byEvidence(a: Alert, b: Alert): number {
  return (
    a.p - b.p || Math.abs(b.z) - Math.abs(a.z) || a.indicator.localeCompare(b.indicator) || a.geo.localeCompare(b.geo)
  );
}

/** How many years before the period the hit rate looks back over. */
export const HIT_RATE_YEARS = 10;

/** The share of past years' alerts that held the next year (judged as of the same moment), over HIT_RATE_YEARS years. */
function hitRate(
  cells: CellLookup,
  indicators: Map<string, IndicatorRow>,
  series: ScreenedSeries[],
  firstYear: number,
  year: number,
): AlertsResponse['hitRate'] {
  let judged = 0;
  let sustained = 0;
  let from: string | null = null;
  let to: string | null = null;
  for (let y = Math.max(firstYear, year - HIT_RATE_YEARS); y < year; y++) {
    for (const s of screenYear(cells, indicators, series, y).significant) {
      const { status } = persistenceOf(cells, s.test);
      if (status === 'pending') continue;
      judged++;
      if (status === 'sustained') sustained++;
      from ??= String(y);
      to = String(y);
    }
  }
  return { from, to, judged, sustained, rate: judged ? sustained / judged : null };
}

/**
 * Emerging trends in a group for one year: each member's latest count tested against the range its
 * own recent trend predicts under count noise, the family's false discovery rate controlled, the
 * hierarchy applied, and each alert judged sustained or a one-year spike once the next year is known.
 */
export async function emergingTrends(
  db: DbOrTx,
  catalogue: Catalogue,
  request: AlertsRequest,
): Promise<Omit<AlertsResponse, 'meta'>> {
  const group = groupFor(catalogue, request.group);
  // Named in the reader's language: the alerts, their sentences and the reclassification notices.
  const indicators = inReaderWords(catalogue.indicators, await indicatorWords(db, request.locale ?? 'en'));
  const series = screenedSeries(indicators, group, request.measure);
  const codes = [...new Set(series.map((s) => s.indicator.code))];
  const geos = group.members.map((m) => m.code);
  const period = request.period ?? (await latestYear(db, geos, request.asOf));
  const parsed = period ? parsePeriod(period) : null;
  if (!period || !parsed || parsed.kind !== 'year') {
    throw badRequest(period ? { key: 'alerts.period-not-year', params: { period } } : { key: 'alerts.no-data' });
  }
  // The years the answer reads: the hit rate's years and their windows, up to the year after the period.
  const fromYear = parsed.year - HIT_RATE_YEARS - ALERT_RULES.window - 1;
  const cells = await readCells(
    db,
    {
      indicators: [...codes, POPULATION_INDICATOR],
      geos,
      fromStart: `${fromYear}-01-01`,
      toStart: `${parsed.year + 1}-01-01`,
    },
    request.asOf,
  );
  // A loop, not Math.min(...years): a large group has too many cells to spread as arguments.
  let firstYear = Infinity;
  for (const c of cells)
    if (c.indicator !== POPULATION_INDICATOR && /^\d{4}$/.test(c.period))
      firstYear = Math.min(firstYear, Number(c.period));
  const index = cellLookup(cells);
  const screen = screenYear(index, indicators, series, parsed.year, request.locale);
  const alerts = screen.significant.map((s) => alertOf(index, s, group.code, request.locale ?? 'en')).sort(byEvidence);
  for (const [i, a] of alerts.entries()) a.rank = i + 1;
  const tested = screen.tests.length;
  return {
    period,
    group: group.code,
    measure: request.measure ?? null,
    alerts,
    reclassifications: screen.reclassifications,
    notAssessed: screen.notAssessed,
    family: {
      tests: tested,
      significantBeforeControl: screen.tests.filter((t) => t.prediction.p < 0.05).length,
      expectedFalseAlarmsUncorrected: tested * 0.05,
      falseDiscoveryRate: ALERT_RULES.falseDiscoveryRate,
    },
    hitRate: hitRate(index, indicators, series, Number.isFinite(firstYear) ? firstYear : parsed.year, parsed.year),
    rules: { ...ALERT_RULES },
  };
}

/**
 * The default period: the latest year in which at least half of the group's geos have a figure that can
 * be a rate and a population (so that a year one country already reported, or a count the observatory
 * computed this year, does not empty the page); else the latest year with any figure.
 */
export async function latestYear(db: DbOrTx, geos: string[], asOf: string | null): Promise<string | undefined> {
  const versions = asOf
    ? cellVersions(db)
    : db.selectFrom('observations').select(['geo', 'indicator', 'period_start', 'recorded_at']).as('v');
  // Each geo's years, each marked for whether the geo has a figure that can be a rate, and a population.
  const geoYears = db
    .selectFrom(versions)
    .innerJoin('indicators as i', 'i.code', 'v.indicator')
    .where('v.geo', 'in', geos)
    .$if(asOf !== null, (q) => q.where('v.recorded_at', '<=', asOf!))
    .select((eb) => {
      const isPopulation = eb('v.indicator', '=', POPULATION_INDICATOR);
      const isFigure = eb.and([eb('i.rate_derivable', '=', 1), eb('i.rate_denominator', '=', POPULATION_INDICATOR)]);
      return [
        'v.geo',
        eb.fn<string>('substr', ['v.period_start', eb.lit(1), eb.lit(4)]).as('year'),
        eb.fn.max(eb.case().when(isFigure).then(1).else(0).end()).as('figure'),
        eb.fn.max(eb.case().when(isPopulation).then(1).else(0).end()).as('population'),
      ];
    })
    .groupBy((eb) => ['v.geo', eb.fn('substr', ['v.period_start', eb.lit(1), eb.lit(4)])])
    .as('g');
  const covered = await db
    .selectFrom(geoYears)
    .select('g.year')
    .where('g.figure', '=', 1)
    .groupBy('g.year')
    .having((eb) => eb.fn.sum('g.population'), '>=', Math.ceil(geos.length / 2))
    .orderBy('g.year', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (covered) return covered.year;
  const latest = await db
    .selectFrom(geoYears)
    .select((eb) => eb.fn.max('g.year').as('year'))
    .where('g.figure', '=', 1)
    .executeTakeFirst();
  return latest?.year ?? undefined;
}
