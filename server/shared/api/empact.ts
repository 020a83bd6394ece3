import { z } from 'zod';

/**
 * EMPACT answers shared by the server's routes and the dashboard (pure zod: the client imports
 * these types with `import type`, the routes describe their answers with the schemas).
 */

export const CLASSIFICATIONS = ['public', 'restricted'] as const;
export const PLAN_STATUSES = ['draft', 'adopted', 'implementing', 'closed'] as const;
export const ACTION_STATUSES = ['planned', 'ongoing', 'completed', 'delayed', 'cancelled'] as const;
export const FREQUENCIES = ['annual', 'semiannual', 'quarterly', 'monthly'] as const;
export const RAG_STATUSES = ['green', 'amber', 'red', 'not_reported'] as const;
export const ASSESSMENT_KINDS = ['mid_term', 'final', 'independent_evaluation'] as const;
export const PRACTICE_RELATIONS = ['uses', 'produced'] as const;

export const Classification = z.enum(CLASSIFICATIONS);
export const RagStatus = z.enum(RAG_STATUSES);

export const EmpactPriority = z.object({
  id: z.number(),
  cycle: z.string(),
  code: z.string(),
  number: z.number(),
  name: z.string(),
  description: z.string(),
  indicators: z.array(z.string()),
});

export const EmpactChsg = z.object({
  id: z.number(),
  cycle: z.string(),
  number: z.number(),
  title: z.string(),
  source: z.string(),
});

export const EmpactResult = z.object({
  year: z.number(),
  measure: z.string(),
  label: z.string(),
  value: z.number(),
  unit: z.string(),
  qualifier: z.enum(['exact', 'over']),
  source: z.string(),
  sourceUrl: z.string(),
});

export const AssessmentSummary = z.object({
  id: z.number(),
  cycle: z.string(),
  kind: z.enum(ASSESSMENT_KINDS),
  asOf: z.string(),
  title: z.string(),
  classification: Classification,
  frozenAt: z.string().nullable(),
  frozenBy: z.string().nullable(),
});

export const EmpactCycle = z.object({
  code: z.string(),
  title: z.string(),
  startYear: z.number(),
  endYear: z.number(),
  planYears: z.number(),
  source: z.string(),
  priorities: z.array(EmpactPriority),
  chsgs: z.array(EmpactChsg),
  results: z.array(EmpactResult),
  assessments: z.array(AssessmentSummary),
});

export const KpiReport = z.object({
  period: z.string(),
  periodEnd: z.string(),
  value: z.number(),
  flags: z.string(),
  narrative: z.string(),
  revision: z.number(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

export const KpiProgress = z.object({
  latest: KpiReport.nullable(),
  /** (latest − baseline) ÷ (target − baseline); 1 means the target is met. */
  progress: z.number().nullable(),
  /** The share of the baseline-to-target time that had passed at the latest report's period end. */
  expected: z.number().nullable(),
  rag: RagStatus,
  /** Why the status, in the reader's language (English in a snapshot frozen before messages). */
  reason: z.string(),
  /** The reason as its message key and values (server/i18n/catalogues/empact.*.json). */
  reasonMessage: z.object({ key: z.string(), params: z.record(z.string(), z.unknown()).optional() }).optional(),
});

export const EmpactKpi = z.object({
  id: z.number(),
  oapId: z.number(),
  actionId: z.number().nullable(),
  definition: z.string(),
  unit: z.string(),
  baselineValue: z.number(),
  baselineDate: z.string(),
  targetValue: z.number(),
  targetDate: z.string(),
  frequency: z.enum(FREQUENCIES),
  dataSource: z.string(),
  indicator: z.string().nullable(),
  indicatorGeo: z.string().nullable(),
  classification: Classification,
  reports: z.array(KpiReport),
  progress: KpiProgress,
});

export const ActionPractice = z.object({
  slug: z.string(),
  title: z.string().nullable(),
  relation: z.enum(PRACTICE_RELATIONS),
});

export const EmpactAction = z.object({
  id: z.number(),
  oapId: z.number(),
  number: z.string(),
  title: z.string(),
  chsgId: z.number(),
  chsgNumber: z.number(),
  leader: z.string(),
  participants: z.array(z.string()),
  startDate: z.string(),
  endDate: z.string(),
  expectedOutput: z.string(),
  status: z.enum(ACTION_STATUSES),
  classification: Classification,
  practices: z.array(ActionPractice),
  kpis: z.array(EmpactKpi),
});

export const EmpactOap = z.object({
  id: z.number(),
  priorityId: z.number(),
  firstYear: z.number(),
  lastYear: z.number(),
  title: z.string(),
  driver: z.string(),
  coDrivers: z.array(z.string()),
  status: z.enum(PLAN_STATUSES),
  classification: Classification,
  actions: z.array(EmpactAction),
  kpis: z.array(EmpactKpi),
});

export const PriorityDetail = z.object({
  priority: EmpactPriority,
  cycle: z.string(),
  chsgs: z.array(EmpactChsg),
  oaps: z.array(EmpactOap),
  /** True when the caller may add and edit this priority's plans (the secretariat, or its EMPACT coordinators). */
  editable: z.boolean(),
  /** The priority's EMPACT coordinators' email addresses: shown to the secretariat only (null for others). */
  coordinators: z.array(z.string()).nullable(),
});

export const CycleList = z.object({ cycles: z.array(EmpactCycle) });

export const AssessmentSnapshot = z.object({
  asOf: z.string(),
  narrative: z.string(),
  priorities: z.array(z.object({ priority: EmpactPriority, oaps: z.array(EmpactOap) })),
});

export const AssessmentDetail = AssessmentSummary.extend({
  narrative: z.string(),
  snapshot: AssessmentSnapshot.nullable(),
});

export const AssessmentChange = z.object({
  record: z.enum(['kpi', 'action', 'oap']),
  id: z.number(),
  label: z.string(),
  field: z.string(),
  // biome-ignore lint/suspicious/noThenProperty: "then" is the value at the assessment (beside "now"), an API field name; no object here is awaited
  then: z.string().nullable(),
  now: z.string().nullable(),
});

export const AssessmentDiff = z.object({
  assessmentId: z.number(),
  asOf: z.string(),
  today: z.string(),
  changes: z.array(AssessmentChange),
});

export const PracticeActions = z.object({
  slug: z.string(),
  actions: z.array(
    z.object({
      id: z.number(),
      number: z.string(),
      title: z.string(),
      cycle: z.string(),
      priorityId: z.number(),
      priorityName: z.string(),
      chsgNumber: z.number(),
      relation: z.enum(PRACTICE_RELATIONS),
      status: z.enum(ACTION_STATUSES),
    }),
  ),
});

export const Created = z.object({ id: z.number() });

/** Every state a plan, action or KPI has had: data is never overwritten. */
export const RecordHistory = z.object({
  record: z.enum(['oap', 'action', 'kpi']),
  id: z.number(),
  revisions: z.array(
    z.object({
      revision: z.number(),
      recordedBy: z.string(),
      recordedAt: z.string(),
      document: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type RecordHistory = z.infer<typeof RecordHistory>;

export type EmpactCycle = z.infer<typeof EmpactCycle>;
export type EmpactPriority = z.infer<typeof EmpactPriority>;
export type EmpactChsg = z.infer<typeof EmpactChsg>;
export type EmpactResult = z.infer<typeof EmpactResult>;
export type EmpactOap = z.infer<typeof EmpactOap>;
export type EmpactAction = z.infer<typeof EmpactAction>;
export type EmpactKpi = z.infer<typeof EmpactKpi>;
export type KpiReport = z.infer<typeof KpiReport>;
export type KpiProgress = z.infer<typeof KpiProgress>;
export type RagStatus = z.infer<typeof RagStatus>;
export type Classification = z.infer<typeof Classification>;
export type PriorityDetail = z.infer<typeof PriorityDetail>;
export type CycleList = z.infer<typeof CycleList>;
export type AssessmentSummary = z.infer<typeof AssessmentSummary>;
export type AssessmentSnapshot = z.infer<typeof AssessmentSnapshot>;
export type AssessmentDetail = z.infer<typeof AssessmentDetail>;
export type AssessmentChange = z.infer<typeof AssessmentChange>;
export type AssessmentDiff = z.infer<typeof AssessmentDiff>;
export type PracticeActions = z.infer<typeof PracticeActions>;
export type Frequency = (typeof FREQUENCIES)[number];
