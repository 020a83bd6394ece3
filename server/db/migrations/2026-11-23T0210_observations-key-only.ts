import type { Kysely } from 'kysely';

// Frozen: this migration must never import application code.

/**
 * Drops the (indicator, period_start, geo) index of observations. Every analytics read names its
 * geos (compare, trends, profiles and alerts name a group's members or one geo), so the primary key
 * (indicator, geo, period) serves them with one seek per geo; a read without geos (all populations,
 * the observations API without a geo filter) scans one indicator's range of the key. Measured on the
 * 1M-row bench: maintaining the index was 2 s of a 4.7 s commit on SQLite, its entries arriving in
 * an order unrelated to the key's.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('observations_indicator_period').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('observations_indicator_period')
    .on('observations')
    .columns(['indicator', 'period_start', 'geo'])
    .execute();
}
