import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen: this migration must never import application code.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const idType = isPostgres(db) ? 'serial' : 'integer';

  await db.schema
    .createTable('geos')
    .addColumn('code', 'varchar(16)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('iso2', 'varchar(2)')
    .addColumn('iso3', 'varchar(3)')
    .addColumn('iso_numeric', 'varchar(3)')
    .addColumn('first_year', 'integer')
    .addColumn('last_year', 'integer')
    .addColumn('part_of', 'varchar(16)')
    .addColumn('note', 'text')
    .execute();

  await db.schema
    .createTable('geo_group_members')
    .addColumn('group_code', 'varchar(16)', (c) => c.notNull().references('geos.code'))
    .addColumn('geo_code', 'varchar(16)', (c) => c.notNull().references('geos.code'))
    .addPrimaryKeyConstraint('geo_group_members_pk', ['group_code', 'geo_code'])
    .execute();

  await db.schema
    .createTable('themes')
    .addColumn('code', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('indicators')
    .addColumn('code', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('unit', 'varchar(32)', (c) => c.notNull())
    .addColumn('polarity', 'varchar(32)', (c) => c.notNull())
    .addColumn('theme', 'varchar(32)', (c) => c.notNull().references('themes.code'))
    .addColumn('iccs', 'varchar(16)')
    .addColumn('parent', 'varchar(32)')
    .addColumn('source', 'text')
    .addColumn('intended_source', 'text')
    .addColumn('methodology', 'text', (c) => c.notNull())
    .addColumn('rate_derivable', 'integer', (c) => c.notNull())
    .addColumn('rate_denominator', 'varchar(32)')
    .addColumn('aggregation', 'varchar(32)', (c) => c.notNull())
    .addColumn('implausible_change', 'double precision', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('submissions')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('geo', 'varchar(16)', (c) => c.notNull().references('geos.code'))
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('format', 'varchar(32)', (c) => c.notNull())
    .addColumn('rows_read', 'integer', (c) => c.notNull())
    .addColumn('cells_valid', 'integer', (c) => c.notNull())
    .addColumn('error_count', 'integer', (c) => c.notNull())
    .addColumn('warning_count', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(32)', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('committed_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('submissions_geo_sha').on('submissions').columns(['geo', 'sha256']).execute();

  await db.schema
    .createTable('submission_cells')
    .addColumn('submission_id', 'integer', (c) => c.notNull().references('submissions.id'))
    .addColumn('geo', 'varchar(16)', (c) => c.notNull())
    .addColumn('indicator', 'varchar(32)', (c) => c.notNull())
    .addColumn('period', 'varchar(16)', (c) => c.notNull())
    .addColumn('period_start', 'varchar(10)', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('flags', 'varchar(16)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('source_row', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('submission_cells_submission').on('submission_cells').column('submission_id').execute();

  await db.schema
    .createTable('revisions')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('submission_id', 'integer', (c) => c.notNull().references('submissions.id'))
    .addColumn('geo', 'varchar(16)', (c) => c.notNull().references('geos.code'))
    .addColumn('indicator', 'varchar(32)', (c) => c.notNull().references('indicators.code'))
    .addColumn('period', 'varchar(16)', (c) => c.notNull())
    .addColumn('period_start', 'varchar(10)', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('flags', 'varchar(16)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('revisions_cell')
    .on('revisions')
    .columns(['indicator', 'geo', 'period', 'recorded_at'])
    .execute();
  await db.schema.createIndex('revisions_submission').on('revisions').column('submission_id').execute();

  await db.schema
    .createTable('observations')
    .addColumn('geo', 'varchar(16)', (c) => c.notNull().references('geos.code'))
    .addColumn('indicator', 'varchar(32)', (c) => c.notNull().references('indicators.code'))
    .addColumn('period', 'varchar(16)', (c) => c.notNull())
    .addColumn('period_start', 'varchar(10)', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('flags', 'varchar(16)', (c) => c.notNull())
    .addColumn('revision_id', 'integer', (c) => c.notNull().references('revisions.id'))
    .addColumn('recorded_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('observations_pk', ['indicator', 'geo', 'period'])
    .execute();
  await db.schema
    .createIndex('observations_indicator_period')
    .on('observations')
    .columns(['indicator', 'period_start', 'geo'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'observations',
    'revisions',
    'submission_cells',
    'submissions',
    'indicators',
    'themes',
    'geo_group_members',
    'geos',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
