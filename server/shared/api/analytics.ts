import { z } from 'zod';

/**
 * The answers of the analytics API (/api/compare, /api/trends, /api/alerts, profiles), defined once:
 * the routes validate and document them (OpenAPI), the server code and the dashboard take their types
 * from here (`z.infer`; the client with `import type`). Pure zod: nothing else may be imported.
 */
export const MeasureSchema = z.enum(['count', 'rate']);
export type Measure = z.infer<typeof MeasureSchema>;
const nullableNumber = z.number().nullable();

export const VersionMetaSchema = z.object({
  dataVersion: z.string().nullable().describe('Time of the latest revision included (ISO-8601 UTC)'),
  asOf: z.string().nullable().describe('The asOf moment asked for, normalised; null means now'),
});
export type VersionMeta = z.infer<typeof VersionMetaSchema>;

export const DenominatorSchema = z.object({
  indicator: z.string(),
  geo: z.string(),
  period: z.string(),
  value: z.number(),
  flags: z.string(),
  source: z.string().describe('The source of the population (sources.code), e.g. estat.demo_pjan'),
});
export type Denominator = z.infer<typeof DenominatorSchema>;

/**
 * A sentence as its message key and values (server/i18n/catalogues; a value may itself be a message,
 * or a list of them): the answer renders it in the reader's language beside, for programs that
 * render or group it themselves.
 */
export const MessageSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
});

/** The fields of a figure with its provenance, for schemas that extend it. */
export const measuredShape = {
  value: nullableNumber.describe('The count, or the per-100k rate unrounded (count ÷ population × 100,000)'),
  flags: z.string().describe('Union of the inputs’ flags'),
  count: nullableNumber.describe('The raw count behind a rate (or the value itself for measure=count)'),
  countFlags: z.string(),
  source: z
    .string()
    .nullable()
    .describe('The source of the count (sources.code): the preferred one, or the one asked for'),
  denominator: DenominatorSchema.nullable().describe('The population a rate was divided by'),
  reason: z
    .string()
    .nullable()
    .describe('Why value is null, in the reader\'s language, e.g. "no population for AT 2022"'),
  reasonMessage: MessageSchema.optional().describe('The reason as a message key and values (when there is a reason)'),
  rateSource: z
    .string()
    .optional()
    .describe(
      'Set when the rate is one a source published (e.g. "estat.crim_gen_reg" for a region the observatory holds no population of), not count ÷ population',
    ),
};
export const MeasuredValueSchema = z.object(measuredShape);
export type MeasuredValue = z.infer<typeof MeasuredValueSchema>;

export const IndicatorSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  measureUnit: z.string().describe('The unit of the figures in this answer: the indicator’s, or per_100k_inhabitants'),
  source: z.string().nullable(),
  aggregation: z.string(),
  polarity: z.string(),
});
export type IndicatorSummary = z.infer<typeof IndicatorSummarySchema>;

export const CoverageSchema = z.object({
  membersReporting: z.number(),
  members: z.number(),
  populationShare: nullableNumber.describe(
    'Share (0–1) of the group’s population in reporting members; null when unknown',
  ),
  missing: z.array(z.string()).describe('Members that reported no usable figure'),
});
export type Coverage = z.infer<typeof CoverageSchema>;

export const GroupAggregateSchema = z.object({
  group: z.string(),
  rule: z.string().describe('"sum" of counts, or "population_weighted" rate/mean'),
  value: nullableNumber,
  flags: z.string().describe('Flags carried by the weighted rule (docs/methodology-trends.md), plus i when partial'),
  flagShares: z
    .record(z.string(), z.number())
    .describe('Flag → share (0–1) of the aggregate held by members carrying it'),
  coverage: CoverageSchema,
  withheld: z.boolean().describe('True when coverage is below the threshold or cannot be measured'),
  threshold: z.number(),
  note: z.string().describe("Whether and how the aggregate is computed, in the reader's language"),
  noteMessage: MessageSchema.optional().describe('The note as a message key and values'),
});
export type GroupAggregate = z.infer<typeof GroupAggregateSchema>;

export const ComparabilityWarningSchema = z.object({
  geo: z.string(),
  flags: z.string(),
  reason: z.string().describe('Each reason in the reader\'s language, joined with "; "'),
  reasonMessage: MessageSchema.optional().describe('The reasons as a message whose `reasons` are the list of messages'),
});
export type ComparabilityWarning = z.infer<typeof ComparabilityWarningSchema>;

export const CompareRowSchema = z.object({
  ...measuredShape,
  geo: z.string(),
  geoName: z.string(),
  period: z.string(),
  rank: nullableNumber.describe('1 = highest value; ties broken by geo code'),
  percentile: nullableNumber,
  zScore: nullableNumber,
  robustZ: nullableNumber,
  deviation: nullableNumber.describe('value − aggregate, for rates and means'),
  relativeDeviation: nullableNumber,
  shareOfAggregate: nullableNumber.describe('value ÷ aggregate, for summed counts'),
});
export type CompareRow = z.infer<typeof CompareRowSchema>;

export const CompareResponseSchema = z.object({
  indicator: IndicatorSummarySchema,
  period: z.string(),
  measure: MeasureSchema,
  group: z.string(),
  rows: z.array(CompareRowSchema),
  aggregate: GroupAggregateSchema.nullable(),
  warnings: z.array(ComparabilityWarningSchema),
  meta: VersionMetaSchema,
});
export type CompareResponse = z.infer<typeof CompareResponseSchema>;

export const SlopeEstimateSchema = z.object({ slope: z.number(), lower: z.number(), upper: z.number() });
export type SlopeEstimate = z.infer<typeof SlopeEstimateSchema>;

export const MannKendallResultSchema = z.object({
  n: z.number(),
  s: z.number(),
  tau: z.number(),
  variance: z.number().describe('Var(S) with the tie correction'),
  z: z.number(),
  p: z.number().describe('Two-sided p-value (normal approximation with continuity correction, exact erfc)'),
});
export type MannKendallResult = z.infer<typeof MannKendallResultSchema>;

export const SegmentStatisticsSchema = z.object({
  from: z.string().describe('First period with a value'),
  to: z.string().describe('Last period with a value'),
  n: z.number(),
  ols: SlopeEstimateSchema.extend({ intercept: z.number(), rSquared: z.number() }).nullable(),
  theilSen: SlopeEstimateSchema.nullable(),
  mannKendall: MannKendallResultSchema.nullable(),
  /** The median of the segment's values: the level a Theil–Sen slope is expressed against. */
  medianLevel: nullableNumber.describe('Median of the values: Theil–Sen slope ÷ this is the relative trend'),
  percentChange: nullableNumber.describe('Endpoint change, first to last value (secondary figure)'),
  cagr: nullableNumber.describe('Endpoint compound annual growth (secondary figure)'),
  gaps: z
    .array(z.string())
    .describe('Periods between from and to with no value: the statistics are fitted across them'),
  note: z.string().nullable(),
});
export type SegmentStatistics = z.infer<typeof SegmentStatisticsSchema>;

export const TrendPointSchema = z.object({
  ...measuredShape,
  period: z.string(),
  segment: z.number(),
  yearOverYear: nullableNumber.describe(
    'Change from the previous period in the same segment; null across a break or gap',
  ),
  yearOverYearPercent: nullableNumber,
  movingAverage3: nullableNumber,
});
export type TrendPoint = z.infer<typeof TrendPointSchema>;

export const TrendBreakSchema = z.object({
  period: z.string(),
  reason: z.string().describe('Why a new segment starts here: a break flag, or a change of population source'),
});

export const TrendResponseSchema = z.object({
  indicator: IndicatorSummarySchema,
  geo: z.string(),
  measure: MeasureSchema,
  points: z.array(TrendPointSchema),
  segments: z.array(SegmentStatisticsSchema),
  breaks: z.array(z.string()).describe('The periods where a new segment starts'),
  breakReasons: z.array(TrendBreakSchema),
  meta: VersionMetaSchema,
});
export type TrendResponse = z.infer<typeof TrendResponseSchema>;

export const ProfileIndicatorSchema = z.object({
  indicator: IndicatorSummarySchema,
  period: z.string().nullable().describe('The latest period with a value'),
  count: MeasuredValueSchema.nullable(),
  rate: MeasuredValueSchema.nullable(),
  ratePeriod: z.string().nullable(),
  trend: z
    .object({
      measure: MeasureSchema,
      from: z.string(),
      to: z.string(),
      theilSenSlope: nullableNumber,
      mannKendallP: nullableNumber,
      direction: z.enum(['rising', 'falling', 'no clear trend']),
    })
    .nullable(),
  euRank: nullableNumber,
  euMembersRanked: nullableNumber,
  rankBasis: z.object({ measure: MeasureSchema, period: z.string() }).nullable(),
  flags: z.string(),
});
export type ProfileIndicator = z.infer<typeof ProfileIndicatorSchema>;

export const GeoProfileResponseSchema = z.object({
  geo: z.object({ code: z.string(), name: z.string(), groups: z.array(z.string()) }),
  indicators: z.array(ProfileIndicatorSchema),
  meta: VersionMetaSchema,
});
export type GeoProfileResponse = z.infer<typeof GeoProfileResponseSchema>;

/** One of the two compared years of an alert: what a reader needs to judge it. */
export const AlertYearSchema = z.object({
  period: z.string(),
  count: nullableNumber,
  countFlags: z.string(),
  population: nullableNumber,
  populationFlags: z.string(),
  /** The population's source (data/sources.json), e.g. estat.demo_pjan; null without a population. */
  populationSource: z.string().nullable(),
  /** Unrounded count ÷ population × 100,000; null without a population. */
  rate: nullableNumber,
});
export type AlertYear = z.infer<typeof AlertYearSchema>;

export const AlertNoticeSchema = z.object({
  kind: z.enum(['possible-reclassification', 'population-source-change', 'break', 'parent-child']),
  text: z.string(),
  /** The series (indicator codes) the notice names. */
  series: z.array(z.string()),
});
export type AlertNotice = z.infer<typeof AlertNoticeSchema>;

export const AlertStrengthSchema = z.enum(['very strong', 'strong', 'moderate']);
export type AlertStrength = z.infer<typeof AlertStrengthSchema>;

export const AlertSchema = z.object({
  rank: z.number().describe('1 = strongest evidence (smallest p); ties by indicator and geo'),
  indicator: z.string(),
  indicatorName: z.string(),
  theme: z.string(),
  geo: z.string(),
  geoName: z.string(),
  period: z.string(),
  measure: MeasureSchema,
  unit: z.string(),
  source: z.string().nullable(),
  value: z.number().describe('The latest figure in the measure, unrounded'),
  previous: nullableNumber,
  changePercent: nullableNumber.describe('Change from the year before, from unrounded figures'),
  current: AlertYearSchema,
  prior: AlertYearSchema,
  expected: z
    .object({ lower: z.number(), upper: z.number(), fitted: z.number(), from: z.string(), to: z.string() })
    .describe('95 % prediction interval (quasi-Poisson trend of the window), in the measure'),
  direction: z.enum(['rise', 'fall']),
  z: z.number(),
  p: z.number().describe('Two-sided p of the quasi-Poisson prediction test'),
  q: z.number().describe('Benjamini–Hochberg adjusted p across the whole family of the period and group'),
  strength: AlertStrengthSchema.describe('q < 0.001 very strong, < 0.01 strong, < 0.05 moderate'),
  persistence: z.object({
    status: z.enum(['sustained', 'one-year spike', 'pending']),
    nextPeriod: z.string(),
    nextCount: nullableNumber,
    note: z.string(),
  }),
  linked: z.array(z.object({ indicator: z.string(), relation: z.enum(['parent', 'child']), p: nullableNumber })),
  notices: z.array(AlertNoticeSchema),
  flags: z.string(),
  explanation: z.string(),
});
export type Alert = z.infer<typeof AlertSchema>;

export const ReclassificationNoticeSchema = z.object({
  geo: z.string(),
  geoName: z.string(),
  period: z.string(),
  parent: z.string(),
  rising: z.string(),
  falling: z.string(),
  counts: z.record(z.string(), z.object({ previous: z.number(), current: z.number() })),
  text: z.string(),
});
export type ReclassificationNotice = z.infer<typeof ReclassificationNoticeSchema>;

export const NotAssessedSchema = z.object({
  indicator: z.string(),
  geo: z.string(),
  previousCount: nullableNumber,
  count: nullableNumber,
  reason: z.string().describe('Why, in the reader\'s language, e.g. "small numbers: not assessed"'),
  reasonMessage: MessageSchema.describe(
    'The reason as a message key and values, e.g. alerts.not-assessed-small: what a program groups by in any language',
  ),
});

export const AlertsResponseSchema = z.object({
  period: z.string(),
  group: z.string(),
  measure: MeasureSchema.nullable(),
  alerts: z.array(AlertSchema),
  reclassifications: z.array(ReclassificationNoticeSchema),
  notAssessed: z.array(NotAssessedSchema),
  family: z.object({
    tests: z.number().describe('Tests run for this period and group: the Benjamini–Hochberg family'),
    significantBeforeControl: z.number().describe('Tests with p < 0.05 before the false-discovery-rate control'),
    expectedFalseAlarmsUncorrected: z.number().describe('tests × 0.05: false alarms expected with no control'),
    falseDiscoveryRate: z.number(),
  }),
  hitRate: z.object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    judged: z.number().describe('Past alerts whose next year is known'),
    sustained: z.number(),
    rate: nullableNumber.describe('sustained ÷ judged'),
  }),
  rules: z.object({
    window: z.number(),
    minimumPoints: z.number(),
    minimumCount: z.number(),
    falseDiscoveryRate: z.number(),
    interval: z.number(),
  }),
  meta: VersionMetaSchema,
});
export type AlertsResponse = z.infer<typeof AlertsResponseSchema>;
