import type { Kysely } from 'kysely';

// Frozen: this migration must never import application code.

/** The data version (latest revision time, also as of a moment) is read on every analytics request. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('revisions_recorded_at').on('revisions').column('recorded_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('revisions_recorded_at').execute();
}
