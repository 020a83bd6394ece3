import type { Kysely } from 'kysely';

// Frozen: this migration must never import application code.

/**
 * The sign-in limiter counts an address's recent failed sign-ins in the audit log, so that every
 * server process and instance sees the same count: by address and action, newest first.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('audit_log_address').on('audit_log').columns(['ip', 'action', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_address').execute();
}
