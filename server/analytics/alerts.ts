import type { DbOrTx } from '../db/database';
import { cellVersions } from '../observations/cell-versions';
import { badRequest } from '../http/errors';
import type { IndicatorRow } from '../db/tables/indicator.table';
import { parsePeriod } from '../observations/period';
import type { Alert, AlertsResponse, Measure, MeasuredValue } from './analytics.types';
import { type Catalogue, canBeRate, groupFor, type GroupInfo } from './catalogue';
import { type CellRecord, cellIndex, cellKey, readCells } from './cell.repository';
import { measuredCount, measuredRate, PER_100K_UNIT, POPULATION_INDICATOR } from './rate';
import { explainAlert } from './alert-explanation';
import { olsFit, predictionInterval } from './statistics/ols';
import { robustZ, spreadOf } from './statistics/robust';

/** The documented alert rules. */
export const ALERT_RULES = { window: 7, minimumPoints: 5, robustZThreshold: 3, interval: 0.95 } as const;

export interface AlertsRequest {
  period?: string;
  group: string;
  /** rate: per-100k rates only (indicators that have one); count: values as published; absent: the rate where one exists. */
  measure?: Measure;
  asOf: string | null;
}

interface Candidate {
  geo: string;
  geoName: string;
  value: MeasuredValue & { value: number };
  previous: number | null;
  change: number | null;
  expected: Alert['expected'];
  piScore: number | null;
  robustZ: number | null;
}

/**
 * Emerging trends: for each indicator × member geo, the latest value (a) outside the 95 % prediction
 * interval of an OLS fit to the previous `window` years of the same segment, or (b) whose relative
 * change from the year before has a robust z-score above 3 across the group's members.
 */
export async function emergingTrends(db: DbOrTx, catalogue: Catalogue, request: AlertsRequest): Promise<Omit<AlertsResponse, 'meta'>> {
  const group = groupFor(catalogue, request.group);
  const geos = group.members.map((m) => m.code);
  const indicators = [...catalogue.indicators.values()].filter(
    (i) => i.code !== POPULATION_INDICATOR && (request.measure !== 'rate' || canBeRate(i)),
  );
  const period = request.period ?? (await latestYear(db, geos, request.asOf));
  const year = parsePeriod(period ?? '')?.year;
  if (!period || year === undefined || parsePeriod(period)!.kind !== 'year') {
    throw badRequest(period ? `period "${period}" must be a year, e.g. 2021.` : 'No data yet: there is no period to look for alerts in.');
  }
  const cells = await readCells(
    db,
    { indicators: [...indicators.map((i) => i.code), POPULATION_INDICATOR], geos, fromStart: `${year - ALERT_RULES.window}-01-01`, toStart: `${year}-01-01` },
    request.asOf,
  );
  const index = cellIndex(cells);
  const present = new Set(cells.filter((c) => c.period === period).map((c) => c.indicator));
  const alerts = indicators
    .filter((i) => present.has(i.code))
    .flatMap((indicator) => alertsFor(indicator, request.measure ?? (canBeRate(indicator) ? 'rate' : 'count'), group, year, index));
  alerts.sort((a, b) => b.score - a.score || a.indicator.localeCompare(b.indicator) || a.geo.localeCompare(b.geo));
  alerts.forEach((a, i) => (a.rank = i + 1));
  return { period, group: group.code, alerts, rules: { ...ALERT_RULES } };
}

/** The default period: the latest year with both figures and populations (so rates exist), else the latest with figures. */
async function latestYear(db: DbOrTx, geos: string[], asOf: string | null): Promise<string | undefined> {
  const latest = async (population: boolean) => {
    const query = db
      .selectFrom(asOf ? cellVersions(db) : db.selectFrom('observations').select(['geo', 'indicator', 'period_start', 'recorded_at']).as('v'))
      .select((eb) => eb.fn.max('v.period_start').as('latest'))
      .where('v.geo', 'in', geos)
      .where('v.indicator', population ? '=' : '!=', POPULATION_INDICATOR)
      .$if(asOf !== null, (q) => q.where('v.recorded_at', '<=', asOf!));
    return ((await query.executeTakeFirst())?.latest as string | null | undefined)?.slice(0, 4);
  };
  const [figures, populations] = await Promise.all([latest(false), latest(true)]);
  return figures && populations && populations < figures ? populations : figures;
}

function alertsFor(indicator: IndicatorRow, measure: Measure, group: GroupInfo, year: number, index: Map<string, CellRecord>): Alert[] {
  const measured = (geo: string, y: number) => {
    const period = String(y);
    const cell = index.get(cellKey(indicator.code, geo, period));
    return measure === 'rate'
      ? measuredRate(cell, index.get(cellKey(POPULATION_INDICATOR, geo, period)), geo, period)
      : measuredCount(cell, geo, period);
  };
  const candidates: Candidate[] = [];
  for (const { code, name } of group.members) {
    const latest = measured(code, year);
    if (latest.value === null) continue;
    const candidate = candidateFor(code, name, latest as Candidate['value'], year, (y) => measured(code, y));
    if (candidate) candidates.push(candidate);
  }
  const changes = candidates.filter((c) => c.change !== null).map((c) => c.change!);
  const spread = changes.length >= 5 ? spreadOf(changes) : null;
  const largestRise = Math.max(...changes);
  const largestFall = Math.min(...changes);
  return candidates.flatMap((c) => {
    c.robustZ = spread && c.change !== null ? robustZ(c.change, spread) : null;
    const rules: Alert['rules'] = [];
    if (c.piScore !== null) rules.push('prediction-interval');
    if (c.robustZ !== null && Math.abs(c.robustZ) > ALERT_RULES.robustZThreshold) rules.push('robust-z-change');
    if (!rules.length) return [];
    const changePercent = c.change === null ? null : 100 * c.change;
    const alert: Alert = {
      rank: 0,
      indicator: indicator.code,
      indicatorName: indicator.name,
      geo: c.geo,
      geoName: c.geoName,
      period: String(year),
      measure,
      unit: measure === 'rate' ? PER_100K_UNIT : indicator.unit,
      source: indicator.source,
      value: c.value.value,
      previous: c.previous,
      changePercent,
      expected: rules.includes('prediction-interval') ? c.expected : null,
      robustZOfChange: c.robustZ,
      rules,
      score: Math.max(c.piScore ?? 0, rules.includes('robust-z-change') ? Math.abs(c.robustZ!) : 0),
      flags: c.value.flags,
      explanation: '',
    };
    alert.explanation = explainAlert(alert, group.code, c.change !== null && (c.change === largestRise || c.change === largestFall));
    return [alert];
  });
}

/** The prediction-interval test for one geo (counts and rates cannot be negative, so the lower bound stops at 0), and its change from the year before. */
function candidateFor(geo: string, geoName: string, latest: Candidate['value'], year: number, measured: (y: number) => MeasuredValue): Candidate | null {
  const before = measured(year - 1);
  const brokenNow = latest.flags.includes('b');
  const previous = before.value;
  const change = !brokenNow && previous !== null && previous !== 0 ? (latest.value - previous) / previous : null;
  const candidate: Candidate = { geo, geoName, value: latest, previous, change, expected: null, piScore: null, robustZ: null };
  if (brokenNow) return candidate;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = year - 1; y >= year - ALERT_RULES.window; y--) {
    const point = measured(y);
    if (point.value === null) continue;
    xs.unshift(y);
    ys.unshift(point.value);
    if (point.flags.includes('b')) break;
  }
  const fit = xs.length >= ALERT_RULES.minimumPoints ? olsFit(xs, ys, ALERT_RULES.interval) : null;
  if (!fit) return candidate;
  const pi = predictionInterval(fit, year);
  candidate.expected = { lower: Math.max(0, pi.lower), upper: pi.upper, from: String(xs[0]), to: String(xs[xs.length - 1]) };
  if ((latest.value < pi.lower || latest.value > pi.upper) && pi.standardError > 0) {
    candidate.piScore = Math.abs(latest.value - pi.fitted) / pi.standardError;
  }
  return candidate;
}
