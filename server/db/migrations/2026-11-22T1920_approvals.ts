import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen: this migration must never import application code.

/** Approval requests and decisions for submissions, when a deployment requires approval. */
export async function up(db: Kysely<any>): Promise<void> {
  const idType = db.getExecutor().adapter instanceof PostgresAdapter ? 'serial' : 'integer';
  await db.schema
    .createTable('submission_approvals')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('submission_id', 'integer', (c) => c.notNull().references('submissions.id'))
    .addColumn('geo', 'varchar(16)', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('decision', 'varchar(16)')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('message', 'text')
    .execute();
  await db.schema
    .createIndex('submission_approvals_submission')
    .on('submission_approvals')
    .column('submission_id')
    .execute();
  await db.schema
    .createIndex('submission_approvals_decision')
    .on('submission_approvals')
    .columns(['decision', 'geo'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('submission_approvals').execute();
}
