import type { Kysely } from 'kysely';

// Frozen: this migration must never import application code.

/**
 * NUTS regions as geos (issue 19): a region records its NUTS level and version, its country and its
 * parent in the hierarchy (country → NUTS 1 → 2 → 3); extra-regio codes (…Z, …ZZ, …ZZZ) are geos
 * without territory. Eurostat's own published regional rates are kept apart from the observatory's
 * cells: they are shown, labelled as Eurostat's, only where the observatory has no regional population.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('geos').addColumn('nuts_level', 'integer').execute();
  await db.schema.alterTable('geos').addColumn('nuts_version', 'varchar(8)').execute();
  await db.schema.alterTable('geos').addColumn('country', 'varchar(16)').execute();
  await db.schema.alterTable('geos').addColumn('parent', 'varchar(16)').execute();
  await db.schema
    .alterTable('geos')
    .addColumn('territorial', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('geos_country_level').on('geos').columns(['country', 'nuts_level']).execute();

  await db.schema
    .createTable('published_rates')
    .addColumn('geo', 'varchar(16)', (c) => c.notNull().references('geos.code'))
    .addColumn('indicator', 'varchar(32)', (c) => c.notNull().references('indicators.code'))
    .addColumn('period', 'varchar(16)', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('source', 'varchar(64)', (c) => c.notNull())
    .addColumn('recorded_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('published_rates_pk', ['indicator', 'period', 'geo', 'source'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('published_rates').execute();
  await db.schema.dropIndex('geos_country_level').execute();
  for (const column of ['territorial', 'parent', 'country', 'nuts_version', 'nuts_level']) {
    await db.schema.alterTable('geos').dropColumn(column).execute();
  }
}
