import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: this migration must never import application code.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * The practice catalogue. practice_versions is the append-only history (every change, who, when);
 * practices points at the current and the published version; practice_listings holds one searchable
 * row per audience (public = the published version, staff = the current version) with its facet
 * values in practice_listing_facets; the full-text index is engine-specific (FTS5 or tsvector + GIN).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const idType = isPostgres(db) ? 'serial' : 'integer';

  await db.schema
    .createTable('practices')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('slug', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('published_version', 'integer')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('review_comment', 'text')
    .execute();

  await db.schema
    .createTable('practice_versions')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('practice_id', 'integer', (c) => c.notNull().references('practices.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('action', 'varchar(32)', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('practice_versions_practice_version', ['practice_id', 'version'])
    .execute();

  await db.schema
    .createTable('practice_listings')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('practice_id', 'integer', (c) => c.notNull().references('practices.id'))
    .addColumn('audience', 'varchar(8)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('slug', 'varchar(80)', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('search_title', 'text', (c) => c.notNull())
    .addColumn('search_body', 'text', (c) => c.notNull())
    .addColumn('rating', 'varchar(16)', (c) => c.notNull())
    .addColumn('rating_rank', 'integer', (c) => c.notNull())
    .addColumn('european_evidence', 'integer', (c) => c.notNull())
    .addColumn('start_year', 'integer')
    .addColumn('end_year', 'integer')
    .addColumn('last_evaluation_year', 'integer')
    .addColumn('review_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('practice_listings_practice_audience', ['practice_id', 'audience'])
    .execute();
  await db.schema
    .createIndex('practice_listings_audience')
    .on('practice_listings')
    .columns(['audience', 'rating_rank'])
    .execute();

  await db.schema
    .createTable('practice_listing_facets')
    .addColumn('listing_id', 'integer', (c) => c.notNull().references('practice_listings.id'))
    .addColumn('facet', 'varchar(24)', (c) => c.notNull())
    .addColumn('value', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('practice_listing_facets_pk', ['listing_id', 'facet', 'value'])
    .execute();
  await db.schema
    .createIndex('practice_listing_facets_value')
    .on('practice_listing_facets')
    .columns(['facet', 'value', 'listing_id'])
    .execute();

  if (isPostgres(db)) await createPostgresSearch(db);
  else await createSqliteSearch(db);
}

/** A weighted tsvector (title A, body B) over the normalised texts, with a GIN index. */
async function createPostgresSearch(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE practice_listings ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', search_title), 'A') || setweight(to_tsvector('simple', search_body), 'B')
  ) STORED`.execute(db);
  await sql`CREATE INDEX practice_listings_search ON practice_listings USING gin (search_vector)`.execute(db);
}

/** An external-content FTS5 index over practice_listings, kept in step by triggers. */
async function createSqliteSearch(db: Kysely<any>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE practice_search USING fts5(
    search_title, search_body, content='practice_listings', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`CREATE TRIGGER practice_listings_ai AFTER INSERT ON practice_listings BEGIN
    INSERT INTO practice_search(rowid, search_title, search_body) VALUES (new.id, new.search_title, new.search_body);
  END`.execute(db);
  await sql`CREATE TRIGGER practice_listings_ad AFTER DELETE ON practice_listings BEGIN
    INSERT INTO practice_search(practice_search, rowid, search_title, search_body) VALUES ('delete', old.id, old.search_title, old.search_body);
  END`.execute(db);
  await sql`CREATE TRIGGER practice_listings_au AFTER UPDATE ON practice_listings BEGIN
    INSERT INTO practice_search(practice_search, rowid, search_title, search_body) VALUES ('delete', old.id, old.search_title, old.search_body);
    INSERT INTO practice_search(rowid, search_title, search_body) VALUES (new.id, new.search_title, new.search_body);
  END`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await sql`DROP TABLE practice_search`.execute(db);
  for (const table of ['practice_listing_facets', 'practice_listings', 'practice_versions', 'practices']) {
    await db.schema.dropTable(table).execute();
  }
}
