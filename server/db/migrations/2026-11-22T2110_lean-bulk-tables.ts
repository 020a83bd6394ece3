import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: this migration must never import application code.

/**
 * Fewer B-trees to write per staged cell and per revision (measured on the 1M-row bench:ingest file).
 *
 * - `submission_cells_submission` (submission_id) is a prefix of `submission_cells_cell`
 *   (submission_id, indicator, geo, period): every query it served, the longer index serves too.
 * - `revisions_submission` (submission_id) served one query, the commit's observation upsert, which
 *   now reads the commit's own id range instead (commits are serialised, so a commit's revisions are
 *   the ids above the largest id before it).
 * - SQLite only: `submission_cells` becomes a WITHOUT ROWID table clustered on
 *   (submission_id, indicator, geo, period, source_row). A staged cell is then written once, not to a
 *   table and two indexes, and the checks, the diff and the commit read a submission's cells as one
 *   sorted range instead of looking each one up through an index. PostgreSQL has no clustered tables:
 *   it keeps its heap and the composite index.
 *
 * Staged cells of submissions that are validated but not yet committed are copied over unchanged.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('revisions_submission').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema.dropIndex('submission_cells_submission').execute();
    return;
  }
  await clusterSqliteStagedCells(db);
}

/** The staged-cells columns as migration 1800 declared them. */
function stagedCellsTable(db: Kysely<any>, name: string) {
  return db.schema
    .createTable(name)
    .addColumn('submission_id', 'integer', (c) => c.notNull().references('submissions.id'))
    .addColumn('geo', 'varchar(16)', (c) => c.notNull())
    .addColumn('indicator', 'varchar(32)', (c) => c.notNull())
    .addColumn('period', 'varchar(16)', (c) => c.notNull())
    .addColumn('period_start', 'varchar(10)', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('flags', 'varchar(16)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('source_row', 'integer', (c) => c.notNull());
}

async function clusterSqliteStagedCells(db: Kysely<any>): Promise<void> {
  await stagedCellsTable(db, 'submission_cells_clustered')
    .addPrimaryKeyConstraint('submission_cells_pk', ['submission_id', 'indicator', 'geo', 'period', 'source_row'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await sql`insert into submission_cells_clustered (submission_id, geo, indicator, period, period_start, value, flags, note, source_row)
    select submission_id, geo, indicator, period, period_start, value, flags, note, source_row from submission_cells`.execute(
    db,
  );
  await db.schema.dropTable('submission_cells').execute();
  await db.schema.alterTable('submission_cells_clustered').renameTo('submission_cells').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('revisions_submission').on('revisions').column('submission_id').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema.createIndex('submission_cells_submission').on('submission_cells').column('submission_id').execute();
    return;
  }
  await stagedCellsTable(db, 'submission_cells_heap').execute();
  await sql`insert into submission_cells_heap select submission_id, geo, indicator, period, period_start, value, flags, note, source_row from submission_cells`.execute(
    db,
  );
  await db.schema.dropTable('submission_cells').execute();
  await db.schema.alterTable('submission_cells_heap').renameTo('submission_cells').execute();
  await db.schema.createIndex('submission_cells_submission').on('submission_cells').column('submission_id').execute();
  await db.schema
    .createIndex('submission_cells_cell')
    .on('submission_cells')
    .columns(['submission_id', 'indicator', 'geo', 'period'])
    .execute();
}
