import { toCsv } from '../http/csv';
import { translate } from '../i18n/translate';
import type { Locale } from '../shared/i18n';
import type {
  AlertsResponse,
  CompareResponse,
  GeoProfileResponse,
  IndicatorSummary,
  MeasuredValue,
  TrendResponse,
} from '../shared/api/analytics';

/** Every export carries flags, unit, source and the data version alongside each figure. */
function provenance(indicator: IndicatorSummary, measure: string, dataVersion: string | null) {
  return {
    indicator: indicator.code,
    measure,
    unit: indicator.measureUnit,
    source: indicator.source ?? '',
    data_version: dataVersion ?? '',
  };
}

function measuredColumns(m: MeasuredValue) {
  return {
    value: m.value,
    flags: m.flags,
    count: m.count,
    count_flags: m.countFlags,
    population: m.denominator?.value ?? null,
    population_period: m.denominator?.period ?? '',
    population_flags: m.denominator?.flags ?? '',
    reason: m.reason ?? '',
  };
}

const MEASURED = [
  'value',
  'flags',
  'count',
  'count_flags',
  'population',
  'population_period',
  'population_flags',
  'reason',
];
const PROVENANCE = ['unit', 'source', 'data_version'];

/**
 * Headers and codes stay machine-readable (English); the words a person reads (the aggregate's
 * name, the reasons and notes, which the answer already holds in the reader's language) follow it.
 */
export function compareCsv(answer: CompareResponse, locale: Locale = 'en'): string {
  const base = provenance(answer.indicator, answer.measure, answer.meta.dataVersion);
  const rows: Record<string, unknown>[] = answer.rows.map((r) => ({
    geo: r.geo,
    geo_name: r.geoName,
    period: r.period,
    ...base,
    ...measuredColumns(r),
    rank: r.rank,
    percentile: r.percentile,
    z_score: r.zScore,
    robust_z: r.robustZ,
    deviation: r.deviation,
    share_of_aggregate: r.shareOfAggregate,
  }));
  const agg = answer.aggregate;
  if (agg) {
    rows.push({
      geo: agg.group,
      geo_name: translate(locale, {
        key: 'analytics.aggregate.csv-name',
        params: { group: agg.group, rule: agg.rule },
      }),
      period: answer.period,
      ...base,
      value: agg.value,
      flags: agg.flags,
      reason: agg.note,
    });
  }
  return toCsv(rows, [
    'geo',
    'geo_name',
    'indicator',
    'period',
    'measure',
    ...MEASURED,
    'rank',
    'percentile',
    'z_score',
    'robust_z',
    'deviation',
    'share_of_aggregate',
    ...PROVENANCE,
  ]);
}

export function trendCsv(answer: TrendResponse): string {
  const base = provenance(answer.indicator, answer.measure, answer.meta.dataVersion);
  const rows: Record<string, unknown>[] = answer.points.map((p) => ({
    geo: answer.geo,
    period: p.period,
    segment: p.segment,
    ...base,
    ...measuredColumns(p),
    year_over_year: p.yearOverYear,
    year_over_year_percent: p.yearOverYearPercent,
    moving_average_3: p.movingAverage3,
  }));
  return toCsv(rows, [
    'geo',
    'indicator',
    'period',
    'segment',
    'measure',
    ...MEASURED,
    'year_over_year',
    'year_over_year_percent',
    'moving_average_3',
    ...PROVENANCE,
  ]);
}

export function alertsCsv(answer: AlertsResponse): string {
  const rows = answer.alerts.map((a) => ({
    rank: a.rank,
    indicator: a.indicator,
    geo: a.geo,
    period: a.period,
    measure: a.measure,
    unit: a.unit,
    value: a.value,
    flags: a.flags,
    previous: a.previous,
    change_percent: a.changePercent,
    count: a.current.count,
    previous_count: a.prior.count,
    population: a.current.population,
    previous_population: a.prior.population,
    expected_lower: a.expected.lower,
    expected_upper: a.expected.upper,
    p: a.p,
    q: a.q,
    strength: a.strength,
    persistence: a.persistence.status,
    notices: a.notices.map((n) => n.kind).join(' '),
    explanation: a.explanation,
    source: a.source ?? '',
    data_version: answer.meta.dataVersion ?? '',
  }));
  return toCsv(rows, [
    'rank',
    'indicator',
    'geo',
    'period',
    'measure',
    'unit',
    'value',
    'flags',
    'previous',
    'change_percent',
    'count',
    'previous_count',
    'population',
    'previous_population',
    'expected_lower',
    'expected_upper',
    'p',
    'q',
    'strength',
    'persistence',
    'notices',
    'explanation',
    'source',
    'data_version',
  ]);
}

export function profileCsv(answer: GeoProfileResponse): string {
  const rows = answer.indicators.map((p) => ({
    geo: answer.geo.code,
    indicator: p.indicator.code,
    indicator_name: p.indicator.name,
    period: p.period ?? '',
    unit: p.indicator.unit,
    value: p.count?.value ?? null,
    flags: p.flags,
    rate_per_100k: p.rate?.value ?? null,
    rate_period: p.ratePeriod ?? '',
    rate_flags: p.rate?.flags ?? '',
    population: p.rate?.denominator?.value ?? null,
    population_flags: p.rate?.denominator?.flags ?? '',
    trend: p.trend?.direction ?? '',
    theil_sen_slope: p.trend?.theilSenSlope ?? null,
    mann_kendall_p: p.trend?.mannKendallP ?? null,
    eu_rank: p.euRank,
    eu_rank_basis: p.rankBasis ? `${p.rankBasis.measure} ${p.rankBasis.period}` : '',
    eu_members_ranked: p.euMembersRanked,
    source: p.indicator.source ?? '',
    data_version: answer.meta.dataVersion ?? '',
  }));
  return toCsv(rows, [
    'geo',
    'indicator',
    'indicator_name',
    'period',
    'unit',
    'value',
    'flags',
    'rate_per_100k',
    'rate_period',
    'rate_flags',
    'population',
    'population_flags',
    'trend',
    'theil_sen_slope',
    'mann_kendall_p',
    'eu_rank',
    'eu_rank_basis',
    'eu_members_ranked',
    'source',
    'data_version',
  ]);
}
