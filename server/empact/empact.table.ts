import type { Generated, Kysely, Selectable } from 'kysely';
import type { Database, DbOrTx } from '../db/database';

export interface EmpactCycleTable {
  code: string;
  title: string;
  start_year: number;
  end_year: number;
  /** Years an operational action plan spans: 1 in 2022–2025, 2 (biannual) from 2026. */
  plan_years: number;
  source: string;
}

export interface EmpactPriorityTable {
  id: Generated<number>;
  cycle: string;
  code: string;
  number: number;
  name: string;
  description: string;
}

export interface EmpactChsgTable {
  id: Generated<number>;
  cycle: string;
  number: number;
  title: string;
  source: string;
}

export interface EmpactResultTable {
  id: Generated<number>;
  cycle: string;
  year: number;
  measure: string;
  label: string;
  value: number;
  unit: string;
  /** "over" when the source says "over €797 million". */
  qualifier: 'exact' | 'over';
  source: string;
  source_url: string;
}

export interface EmpactPriorityIndicatorTable {
  priority_id: number;
  indicator: string;
}

/** An EMPACT coordinator: a curator account that may edit the plans of these priorities. */
export interface EmpactCoordinatorTable {
  user_id: number;
  priority_id: number;
}

export interface EmpactOapTable {
  id: Generated<number>;
  priority_id: number;
  first_year: number;
  last_year: number;
  title: string;
  driver: string;
  /** JSON array of member-state or agency codes. */
  co_drivers: string;
  status: string;
  classification: string;
  updated_by: string;
  updated_at: string;
}

export interface EmpactActionTable {
  id: Generated<number>;
  oap_id: number;
  number: string;
  title: string;
  chsg_id: number;
  leader: string;
  /** JSON array of member-state or agency codes. */
  participants: string;
  start_date: string;
  end_date: string;
  expected_output: string;
  status: string;
  classification: string;
  updated_by: string;
  updated_at: string;
}

export interface EmpactActionPracticeTable {
  action_id: number;
  practice_slug: string;
  relation: string;
}

export interface EmpactKpiTable {
  id: Generated<number>;
  oap_id: number;
  action_id: number | null;
  definition: string;
  unit: string;
  baseline_value: number;
  baseline_date: string;
  target_value: number;
  target_date: string;
  frequency: string;
  data_source: string;
  indicator: string | null;
  indicator_geo: string | null;
  classification: string;
  updated_by: string;
  updated_at: string;
}

/** Append-only: a correction is a new row with the next revision for the same period. */
export interface EmpactKpiReportTable {
  id: Generated<number>;
  kpi_id: number;
  period: string;
  revision: number;
  value: number;
  flags: string;
  narrative: string;
  recorded_by: string;
  recorded_at: string;
}

/** Append-only: each create or edit of a plan, an action (or its practice links) or a KPI adds its new state. */
export interface EmpactRevisionTable {
  id: Generated<number>;
  record: 'oap' | 'action' | 'kpi';
  record_id: number;
  revision: number;
  document: string;
  recorded_by: string;
  recorded_at: string;
}

export interface EmpactAssessmentTable {
  id: Generated<number>;
  cycle: string;
  kind: string;
  as_of: string;
  title: string;
  narrative: string;
  classification: string;
  created_by: string;
  created_at: string;
  frozen_by: string | null;
  frozen_at: string | null;
  /** The AssessmentSnapshot as JSON, written once when the assessment is frozen. */
  snapshot: string | null;
}

/** The EMPACT tables; the feature adds them to the shared Database type through `empactDb`. */
// A type alias (not an interface) so that it meets withTables' index-signature constraint.
export type EmpactTables = {
  empact_cycles: EmpactCycleTable;
  empact_priorities: EmpactPriorityTable;
  empact_chsgs: EmpactChsgTable;
  empact_results: EmpactResultTable;
  empact_priority_indicators: EmpactPriorityIndicatorTable;
  empact_coordinators: EmpactCoordinatorTable;
  empact_oaps: EmpactOapTable;
  empact_actions: EmpactActionTable;
  empact_action_practices: EmpactActionPracticeTable;
  empact_kpis: EmpactKpiTable;
  empact_kpi_reports: EmpactKpiReportTable;
  empact_assessments: EmpactAssessmentTable;
  empact_revisions: EmpactRevisionTable;
};

export type EmpactPriorityRow = Selectable<EmpactPriorityTable>;
export type EmpactChsgRow = Selectable<EmpactChsgTable>;
export type EmpactOapRow = Selectable<EmpactOapTable>;
export type EmpactActionRow = Selectable<EmpactActionTable>;
export type EmpactKpiRow = Selectable<EmpactKpiTable>;
export type EmpactKpiReportRow = Selectable<EmpactKpiReportTable>;
export type EmpactAssessmentRow = Selectable<EmpactAssessmentTable>;

/** The database (or transaction) with the EMPACT tables visible to the type checker. */
export function empactDb(db: DbOrTx) {
  // A transaction is a Kysely too, and its withTables keeps it one; the cast only unifies the union's signatures.
  return (db as Kysely<Database>).withTables<EmpactTables>();
}
export type EmpactDb = ReturnType<typeof empactDb>;
