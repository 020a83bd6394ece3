/**
 * Response shapes of the analytics API. The dashboard imports these with `import type`, so they
 * are the one description of what /api/compare, /api/trends, /api/alerts and profiles answer.
 */

export type Measure = 'count' | 'rate';

/** Which data an answer was computed from: the last revision time and the asOf moment asked for. */
export interface VersionMeta {
  /** Time of the latest revision included (ISO-8601 UTC), or null on an empty database. */
  dataVersion: string | null;
  /** The asOf moment the caller asked for, normalised to ISO-8601 UTC; null means "now". */
  asOf: string | null;
}

/** The population a rate was divided by. */
export interface Denominator {
  indicator: string;
  geo: string;
  period: string;
  value: number;
  flags: string;
}

/** One figure in the requested measure, with its provenance. */
export interface MeasuredValue {
  /** The count, or the per-100k rate rounded to 2 decimals; null when it cannot be given. */
  value: number | null;
  /** Union of the inputs' flags (the count's and, for a rate, the population's). */
  flags: string;
  /** The raw count behind a rate (or the value itself for measure=count). */
  count: number | null;
  countFlags: string;
  denominator: Denominator | null;
  /** Why value is null, e.g. "no population for AT 2022". */
  reason: string | null;
}

export interface IndicatorSummary {
  code: string;
  name: string;
  unit: string;
  /** The unit of the figures in this answer: the indicator's unit, or "per_100k_inhabitants". */
  measureUnit: string;
  source: string | null;
  aggregation: string;
  polarity: string;
}

export interface Coverage {
  membersReporting: number;
  members: number;
  /** Share (0–1) of the group's population living in reporting members; null when unknown. */
  populationShare: number | null;
  /** Members that reported no usable figure. */
  missing: string[];
}

export interface GroupAggregate {
  group: string;
  /** "sum" of counts, or "population_weighted" rate/mean. */
  rule: string;
  value: number | null;
  flags: string;
  coverage: Coverage;
  /** True when coverage is below the threshold and the value is withheld. */
  withheld: boolean;
  threshold: number;
  note: string;
}

export interface ComparabilityWarning {
  geo: string;
  flags: string;
  reason: string;
}

export interface CompareRow extends MeasuredValue {
  geo: string;
  geoName: string;
  period: string;
  /** 1 = highest value; ties broken by geo code, so ranks are a permutation of 1..n. */
  rank: number | null;
  /** 100 for the highest value, 0 for the lowest. */
  percentile: number | null;
  zScore: number | null;
  robustZ: number | null;
  /** value − aggregate, for levels comparable with the aggregate (rates and means). */
  deviation: number | null;
  relativeDeviation: number | null;
  /** value ÷ aggregate, for summed counts. */
  shareOfAggregate: number | null;
}

export interface CompareResponse {
  indicator: IndicatorSummary;
  period: string;
  measure: Measure;
  group: string;
  rows: CompareRow[];
  aggregate: GroupAggregate | null;
  warnings: ComparabilityWarning[];
  meta: VersionMeta;
}

export interface SlopeEstimate {
  slope: number;
  lower: number;
  upper: number;
}

export interface MannKendallResult {
  n: number;
  s: number;
  tau: number;
  /** Var(S) with the tie correction. */
  variance: number;
  z: number;
  /** Two-sided p-value (normal approximation with continuity correction). */
  p: number;
}

export interface SegmentStatistics {
  /** First and last periods with a value: the span the statistics cover (the whole segment when it has none). */
  from: string;
  to: string;
  n: number;
  /** Ordinary least squares, per year; null with fewer than 3 points. */
  ols: (SlopeEstimate & { intercept: number; rSquared: number }) | null;
  theilSen: SlopeEstimate | null;
  mannKendall: MannKendallResult | null;
  percentChange: number | null;
  /** Compound annual growth rate (0.05 = 5 % a year). */
  cagr: number | null;
  note: string | null;
}

export interface TrendPoint extends MeasuredValue {
  period: string;
  segment: number;
  /** Change from the previous period in the same segment; null across a break or a gap. */
  yearOverYear: number | null;
  yearOverYearPercent: number | null;
  /** Mean of this and the two previous periods, all in the same segment. */
  movingAverage3: number | null;
}

export interface TrendResponse {
  indicator: IndicatorSummary;
  geo: string;
  measure: Measure;
  points: TrendPoint[];
  segments: SegmentStatistics[];
  /** The periods where a break (flag b) starts a new segment. */
  breaks: string[];
  meta: VersionMeta;
}

export interface Alert {
  rank: number;
  indicator: string;
  indicatorName: string;
  geo: string;
  geoName: string;
  period: string;
  measure: Measure;
  unit: string;
  source: string | null;
  value: number;
  previous: number | null;
  changePercent: number | null;
  /** 95 % prediction interval from the previous years' fit, when that rule applied. */
  expected: { lower: number; upper: number; from: string; to: string } | null;
  robustZOfChange: number | null;
  rules: ('prediction-interval' | 'robust-z-change')[];
  score: number;
  flags: string;
  explanation: string;
}

export interface AlertsResponse {
  period: string;
  group: string;
  alerts: Alert[];
  rules: { window: number; minimumPoints: number; robustZThreshold: number; interval: number };
  meta: VersionMeta;
}

export interface ProfileIndicator {
  indicator: IndicatorSummary;
  /** The latest period with a value. */
  period: string | null;
  count: MeasuredValue | null;
  /** The latest computable rate; its period (ratePeriod) can be earlier when population is not yet known. */
  rate: MeasuredValue | null;
  ratePeriod: string | null;
  trend: { measure: Measure; from: string; to: string; theilSenSlope: number | null; mannKendallP: number | null; direction: 'rising' | 'falling' | 'no clear trend' } | null;
  euRank: number | null;
  euMembersRanked: number | null;
  /** What the EU rank compares: the rate of ratePeriod, or else the value of the latest period. */
  rankBasis: { measure: Measure; period: string } | null;
  flags: string;
}

export interface GeoProfileResponse {
  geo: { code: string; name: string; groups: string[] };
  indicators: ProfileIndicator[];
  meta: VersionMeta;
}
