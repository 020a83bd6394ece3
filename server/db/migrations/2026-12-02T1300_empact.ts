import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen: this migration must never import application code.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * EMPACT monitoring: cycles with their priorities and common horizontal strategic goals (CHSGs),
 * published results, operational action plans (OAPs), operational actions, SMART KPIs with their
 * append-only reports, and assessments whose frozen snapshot never changes. Lists (co-drivers,
 * participants) are JSON text; every OAP, action, KPI and assessment carries a classification.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = isPostgres(db) ? 'serial' : 'integer';
  const stamp = 'varchar(32)' as const;

  await db.schema
    .createTable('empact_cycles')
    .addColumn('code', 'varchar(9)', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start_year', 'integer', (c) => c.notNull())
    .addColumn('end_year', 'integer', (c) => c.notNull())
    .addColumn('plan_years', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('empact_priorities')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('cycle', 'varchar(9)', (c) => c.notNull().references('empact_cycles.code'))
    .addColumn('code', 'varchar(40)', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addUniqueConstraint('empact_priorities_cycle_code', ['cycle', 'code'])
    .execute();

  await db.schema
    .createTable('empact_chsgs')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('cycle', 'varchar(9)', (c) => c.notNull().references('empact_cycles.code'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addUniqueConstraint('empact_chsgs_cycle_number', ['cycle', 'number'])
    .execute();

  await db.schema
    .createTable('empact_results')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('cycle', 'varchar(9)', (c) => c.notNull().references('empact_cycles.code'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('measure', 'varchar(40)', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('unit', 'varchar(16)', (c) => c.notNull())
    .addColumn('qualifier', 'varchar(16)', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text', (c) => c.notNull())
    .addUniqueConstraint('empact_results_cycle_year_measure', ['cycle', 'year', 'measure'])
    .execute();

  await db.schema
    .createTable('empact_priority_indicators')
    .addColumn('priority_id', 'integer', (c) => c.notNull().references('empact_priorities.id'))
    .addColumn('indicator', 'varchar(40)', (c) => c.notNull())
    .addPrimaryKeyConstraint('empact_priority_indicators_pk', ['priority_id', 'indicator'])
    .execute();

  await db.schema
    .createTable('empact_coordinators')
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('priority_id', 'integer', (c) => c.notNull().references('empact_priorities.id'))
    .addPrimaryKeyConstraint('empact_coordinators_pk', ['user_id', 'priority_id'])
    .execute();

  await createPlanTables(db, id, stamp);
  await createKpiTables(db, id, stamp);
}

async function createPlanTables(db: Kysely<any>, id: 'serial' | 'integer', stamp: 'varchar(32)'): Promise<void> {
  await db.schema
    .createTable('empact_oaps')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('priority_id', 'integer', (c) => c.notNull().references('empact_priorities.id'))
    .addColumn('first_year', 'integer', (c) => c.notNull())
    .addColumn('last_year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('driver', 'varchar(40)', (c) => c.notNull())
    .addColumn('co_drivers', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('classification', 'varchar(16)', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', stamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('empact_actions')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('oap_id', 'integer', (c) => c.notNull().references('empact_oaps.id'))
    .addColumn('number', 'varchar(16)', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('chsg_id', 'integer', (c) => c.notNull().references('empact_chsgs.id'))
    .addColumn('leader', 'varchar(40)', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('expected_output', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('classification', 'varchar(16)', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', stamp, (c) => c.notNull())
    .addUniqueConstraint('empact_actions_oap_number', ['oap_id', 'number'])
    .execute();

  await db.schema
    .createTable('empact_action_practices')
    .addColumn('action_id', 'integer', (c) => c.notNull().references('empact_actions.id'))
    .addColumn('practice_slug', 'varchar(80)', (c) => c.notNull())
    .addColumn('relation', 'varchar(16)', (c) => c.notNull())
    .addPrimaryKeyConstraint('empact_action_practices_pk', ['action_id', 'practice_slug'])
    .execute();
  await db.schema
    .createIndex('empact_action_practices_slug')
    .on('empact_action_practices')
    .column('practice_slug')
    .execute();
}

async function createKpiTables(db: Kysely<any>, id: 'serial' | 'integer', stamp: 'varchar(32)'): Promise<void> {
  await db.schema
    .createTable('empact_kpis')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('oap_id', 'integer', (c) => c.notNull().references('empact_oaps.id'))
    .addColumn('action_id', 'integer', (c) => c.references('empact_actions.id'))
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('unit', 'varchar(40)', (c) => c.notNull())
    .addColumn('baseline_value', 'double precision', (c) => c.notNull())
    .addColumn('baseline_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('target_value', 'double precision', (c) => c.notNull())
    .addColumn('target_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('frequency', 'varchar(16)', (c) => c.notNull())
    .addColumn('data_source', 'text', (c) => c.notNull())
    .addColumn('indicator', 'varchar(40)')
    .addColumn('indicator_geo', 'varchar(20)')
    .addColumn('classification', 'varchar(16)', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', stamp, (c) => c.notNull())
    .execute();

  // Append-only: a correction adds a row with the next revision; the live view reads the latest.
  await db.schema
    .createTable('empact_kpi_reports')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('kpi_id', 'integer', (c) => c.notNull().references('empact_kpis.id'))
    .addColumn('period', 'varchar(10)', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('flags', 'varchar(16)', (c) => c.notNull())
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', stamp, (c) => c.notNull())
    .addUniqueConstraint('empact_kpi_reports_kpi_period_revision', ['kpi_id', 'period', 'revision'])
    .execute();

  // Append-only: every state of every plan, action (with its practice links) and KPI, as JSON, with who and when.
  await db.schema
    .createTable('empact_revisions')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('record', 'varchar(16)', (c) => c.notNull())
    .addColumn('record_id', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', stamp, (c) => c.notNull())
    .addUniqueConstraint('empact_revisions_record_revision', ['record', 'record_id', 'revision'])
    .execute();

  await db.schema
    .createTable('empact_assessments')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('cycle', 'varchar(9)', (c) => c.notNull().references('empact_cycles.code'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('as_of', 'varchar(10)', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('classification', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', stamp, (c) => c.notNull())
    .addColumn('frozen_by', 'text')
    .addColumn('frozen_at', stamp)
    .addColumn('snapshot', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'empact_assessments',
    'empact_revisions',
    'empact_kpi_reports',
    'empact_kpis',
    'empact_action_practices',
    'empact_actions',
    'empact_oaps',
    'empact_coordinators',
    'empact_priority_indicators',
    'empact_results',
    'empact_chsgs',
    'empact_priorities',
    'empact_cycles',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
