import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen: this migration must never import application code.

/**
 * Collection rounds (DHIS2's data sets with expiry, timeliness and approval): what each geo owes,
 * each geo's part of a round, figures declared not available, lock exceptions, notices, and the
 * contact points who represent their country in two-level approval.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const idType = db.getExecutor().adapter instanceof PostgresAdapter ? 'serial' : 'integer';
  await db.schema
    .createTable('collection_rounds')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('indicators', 'text', (c) => c.notNull())
    .addColumn('periods', 'text', (c) => c.notNull())
    .addColumn('geos', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('locks_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('clean_validation', 'integer', (c) => c.notNull())
    .addColumn('two_level_approval', 'integer', (c) => c.notNull())
    .addColumn('guidance', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('collection_round_versions')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('collection_rounds.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('after_opening', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('collection_round_versions_pk', ['round_id', 'version'])
    .execute();
  await db.schema
    .createTable('round_parts')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('collection_rounds.id'))
    .addColumn('geo', 'varchar(16)', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('completed_at', 'varchar(32)')
    .addColumn('completed_by', 'text')
    .addColumn('approved_at', 'varchar(32)')
    .addColumn('approved_by', 'text')
    .addColumn('accepted_at', 'varchar(32)')
    .addColumn('accepted_by', 'text')
    .addPrimaryKeyConstraint('round_parts_pk', ['round_id', 'geo'])
    .execute();
  await db.schema
    .createTable('round_unavailable_cells')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('collection_rounds.id'))
    .addColumn('geo', 'varchar(16)', (c) => c.notNull())
    .addColumn('indicator', 'varchar(64)', (c) => c.notNull())
    .addColumn('period', 'varchar(16)', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('declared_by', 'text', (c) => c.notNull())
    .addColumn('declared_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('round_unavailable_cells_pk', ['round_id', 'geo', 'indicator', 'period'])
    .execute();
  await db.schema
    .createTable('round_lock_exceptions')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('round_id', 'integer', (c) => c.notNull().references('collection_rounds.id'))
    .addColumn('geo', 'varchar(16)', (c) => c.notNull())
    .addColumn('until', 'varchar(32)', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('round_lock_exceptions_round_geo')
    .on('round_lock_exceptions')
    .columns(['round_id', 'geo'])
    .execute();
  await db.schema
    .createTable('round_notices')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('round_id', 'integer', (c) => c.notNull().references('collection_rounds.id'))
    .addColumn('geo', 'varchar(16)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('occasion', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('emailed_to', 'text')
    .addColumn('emailed_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('round_notices_geo').on('round_notices').columns(['geo', 'id']).execute();
  await db.schema
    .createTable('national_representatives')
    .addColumn('geo', 'varchar(16)', (c) => c.notNull())
    .addColumn('email', 'varchar(320)', (c) => c.notNull())
    .addColumn('granted_by', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('national_representatives_pk', ['geo', 'email'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'national_representatives',
    'round_notices',
    'round_lock_exceptions',
    'round_unavailable_cells',
    'round_parts',
    'collection_round_versions',
    'collection_rounds',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
