import type { Kysely } from 'kysely';

// Frozen: this migration must never import application code.

/** Import profiles, the profile a submission used, withdrawal time, and a cell index for staging checks. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_profiles')
    .addColumn('name', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('geo', 'varchar(16)', (c) => c.references('geos.code'))
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('submissions').addColumn('profile', 'varchar(64)').execute();
  await db.schema.alterTable('submissions').addColumn('withdrawn_at', 'varchar(32)').execute();
  await db.schema
    .createIndex('submission_cells_cell')
    .on('submission_cells')
    .columns(['submission_id', 'indicator', 'geo', 'period'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('submission_cells_cell').execute();
  await db.schema.alterTable('submissions').dropColumn('withdrawn_at').execute();
  await db.schema.alterTable('submissions').dropColumn('profile').execute();
  await db.schema.dropTable('import_profiles').execute();
}
