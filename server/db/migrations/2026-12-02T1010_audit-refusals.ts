import type { Kysely } from 'kysely';

// Frozen: this migration must never import application code.

/**
 * Refused anonymous requests, aggregated: one row per address, route family and minute, with how
 * many there were. An anonymous flood then grows this table by at most one row per address, route
 * and minute, instead of the append-only audit log by a row per request. Unlike audit_log it has no
 * triggers against UPDATE and DELETE: counts are added to, and rows past their retention removed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_refusals')
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('family', 'text', (c) => c.notNull())
    .addColumn('minute', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_refusals_key', ['ip', 'family', 'minute'])
    .execute();
  await db.schema.createIndex('audit_refusals_minute').on('audit_refusals').column('minute').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_refusals').execute();
}
