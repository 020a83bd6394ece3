import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: this migration must never import application code.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Domain labels in four languages (issue 16, docs/i18n.md).
 * - label_revisions: append-only reviews of a label (indicator names, theme names, vocabulary
 *   values) in one language. The catalogue files are revision 0; a review adds a row, never edits one.
 * - label_search: one derived row per labelled thing with its names and definitions in every
 *   language, indexed for full text (FTS5 or tsvector + GIN), so "inbraak" finds Burglary.
 * - practice_translations: append-only translations of a practice's curator-written fields, and
 *   practice_listings.language: the language the listed version is written in (all earlier ones: English).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const idType = isPostgres(db) ? 'serial' : 'integer';
  await db.schema
    .createTable('label_revisions')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('subject', 'varchar(32)', (c) => c.notNull())
    .addColumn('code', 'varchar(64)', (c) => c.notNull())
    .addColumn('locale', 'varchar(8)', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('reviewer', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('recorded_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('label_revisions_key', ['subject', 'code', 'locale', 'revision'])
    .execute();

  await db.schema
    .createTable('label_search')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('subject', 'varchar(32)', (c) => c.notNull())
    .addColumn('code', 'varchar(64)', (c) => c.notNull())
    .addColumn('search_names', 'text', (c) => c.notNull())
    .addColumn('search_body', 'text', (c) => c.notNull())
    .addUniqueConstraint('label_search_key', ['subject', 'code'])
    .execute();
  if (isPostgres(db)) {
    await sql`ALTER TABLE label_search ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('simple', search_names), 'A') || setweight(to_tsvector('simple', search_body), 'B')
    ) STORED`.execute(db);
    await sql`CREATE INDEX label_search_vector ON label_search USING gin (search_vector)`.execute(db);
  } else {
    await sql`CREATE VIRTUAL TABLE label_search_fts USING fts5(
      search_names, search_body, content='label_search', content_rowid='id',
      tokenize='unicode61 remove_diacritics 2'
    )`.execute(db);
    await sql`CREATE TRIGGER label_search_ai AFTER INSERT ON label_search BEGIN
      INSERT INTO label_search_fts(rowid, search_names, search_body) VALUES (new.id, new.search_names, new.search_body);
    END`.execute(db);
    await sql`CREATE TRIGGER label_search_ad AFTER DELETE ON label_search BEGIN
      INSERT INTO label_search_fts(label_search_fts, rowid, search_names, search_body)
        VALUES ('delete', old.id, old.search_names, old.search_body);
    END`.execute(db);
    await sql`CREATE TRIGGER label_search_au AFTER UPDATE ON label_search BEGIN
      INSERT INTO label_search_fts(label_search_fts, rowid, search_names, search_body)
        VALUES ('delete', old.id, old.search_names, old.search_body);
      INSERT INTO label_search_fts(rowid, search_names, search_body) VALUES (new.id, new.search_names, new.search_body);
    END`.execute(db);
  }

  await db.schema
    .createTable('practice_translations')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('practice_id', 'integer', (c) => c.notNull().references('practices.id'))
    .addColumn('locale', 'varchar(8)', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('translated_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('practice_translations_key', ['practice_id', 'locale', 'revision'])
    .execute();
  await db.schema
    .alterTable('practice_listings')
    .addColumn('language', 'varchar(8)', (c) => c.notNull().defaultTo('en'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('practice_listings').dropColumn('language').execute();
  if (!isPostgres(db)) await sql`DROP TABLE label_search_fts`.execute(db);
  for (const table of ['practice_translations', 'label_search', 'label_revisions']) {
    await db.schema.dropTable(table).execute();
  }
}
