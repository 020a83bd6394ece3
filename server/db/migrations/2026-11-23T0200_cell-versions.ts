import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: this migration must never import application code.

/**
 * Each cell written once per commit instead of three times (measured on the 1M-row bench: staged
 * rows, revision rows and current rows cost 2 µs a cell on SQLite and 5 µs on PostgreSQL, each write
 * into indexed tables).
 *
 * - `observations` holds each cell's current version in full: it gains the note and the submission
 *   of its revision, and no longer points into `revisions`.
 * - `revisions` holds only the versions a later commit superseded, with their original ids. A
 *   cell's history is the union of the two tables (the layout of SQL:2011 system-versioned tables).
 * - `submissions` records each commit's revision id range (`first_revision_id`, `last_revision_id`).
 * - Staged cells wait between preview and commit as sorted, encoded parts in `staged_parts` instead
 *   of rows of `submission_cells`. Rows staged before this migration are carried over as JSON parts
 *   (format 0 of server/submissions/staged-part.ts), sorted the way the application sorts.
 *
 * Down restores the old tables from the new ones. It refuses while binary parts (format 1, written
 * by the application after this migration) are staged: commit or withdraw those submissions first.
 */
function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

const PART_CELLS = 16_384;

type StagedRow = {
  submission_id: number;
  geo: string;
  indicator: string;
  period: string;
  period_start: string;
  value: number | null;
  flags: string;
  note: string | null;
  source_row: number;
};

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema
    .createTable('staged_parts')
    .addColumn('submission_id', 'integer', (c) => c.notNull().references('submissions.id'))
    .addColumn('run', 'integer', (c) => c.notNull())
    .addColumn('part', 'integer', (c) => c.notNull())
    .addColumn('cells', 'integer', (c) => c.notNull())
    .addColumn('data', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('staged_parts_pk', ['submission_id', 'run', 'part'])
    .execute();
  // Parts are dense binary: PostgreSQL's TOAST compression (pglz) shrinks them little and cost 1 s
  // of a 1M-cell preview to write and more to read back. Stored out of line, uncompressed.
  if (pg) await sql`alter table staged_parts alter column data set storage external`.execute(db);
  await carryStagedRowsOver(db);
  if (pg) await sql.raw(dropReferenceTriggers('submission_cells', 'submission_id', 'submissions')).execute(db);
  await db.schema.dropTable('submission_cells').execute();

  await db.schema.alterTable('submissions').addColumn('first_revision_id', 'integer').execute();
  await db.schema.alterTable('submissions').addColumn('last_revision_id', 'integer').execute();
  const ranges = await sql<{ submission_id: number; first: number; last: number }>`
    select submission_id, min(id) as first, max(id) as last from revisions group by submission_id`.execute(db);
  for (const r of ranges.rows) {
    await db
      .updateTable('submissions')
      .set({ first_revision_id: r.first, last_revision_id: r.last })
      .where('id', '=', r.submission_id)
      .execute();
  }

  if (pg) await currentVersionsPostgres(db);
  else await rebuildObservationsSqlite(db, true);
  await sql`delete from revisions where id in (select revision_id from observations)`.execute(db);
}

async function carryStagedRowsOver(db: Kysely<any>): Promise<void> {
  const pending = await sql<{ submission_id: number }>`select distinct submission_id from submission_cells`.execute(db);
  for (const { submission_id: id } of pending.rows) {
    const rows = (await sql<StagedRow>`select * from submission_cells where submission_id = ${id}`.execute(db)).rows;
    rows.sort(
      (a, b) =>
        cmp(a.indicator, b.indicator) || cmp(a.geo, b.geo) || cmp(a.period, b.period) || a.source_row - b.source_row,
    );
    for (let start = 0, part = 0; start < rows.length; start += PART_CELLS, part++) {
      const slice = rows.slice(start, start + PART_CELLS);
      const cells = slice.map((r) => [
        r.geo,
        r.indicator,
        r.period,
        r.period_start,
        r.value,
        r.flags,
        r.note,
        r.source_row,
      ]);
      await db
        .insertInto('staged_parts')
        .values({
          submission_id: id,
          run: 0,
          part,
          cells: slice.length,
          data: Buffer.from(JSON.stringify({ cells }), 'utf8'),
        })
        .execute();
    }
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const trigger = (kind: 'child' | 'parent', event: string, column: string) =>
  `observatory_ref_${kind}_${event}_${column}`;

/** Migration 2000's statement-level reference checks for one reference, dropped. */
function dropReferenceTriggers(child: string, column: string, parent: string): string {
  return [
    ...['insert', 'update'].map(
      (e) => `drop trigger if exists ${trigger('child', e, `${child}_${column}`)} on ${child};`,
    ),
    ...['update', 'delete'].map(
      (e) => `drop trigger if exists ${trigger('parent', e, `${child}_${column}`)} on ${parent};`,
    ),
  ].join('\n');
}

/** Migration 2000's statement-level reference checks for one more reference. */
function createReferenceTriggers(child: string, column: string, parent: string, key: string): string {
  const args = `'${column}', '${parent}', '${key}'`;
  const parentArgs = `'${child}', '${column}', '${key}'`;
  return [
    ...['insert', 'update'].map(
      (e) => `create trigger ${trigger('child', e, `${child}_${column}`)} after ${e} on ${child}
      referencing new table as new_rows for each statement execute function observatory_check_children(${args});`,
    ),
    ...['update', 'delete'].map(
      (e) => `create trigger ${trigger('parent', e, `${child}_${column}`)} after ${e} on ${parent}
      referencing old table as old_rows for each statement execute function observatory_check_parents(${parentArgs});`,
    ),
  ].join('\n');
}

async function currentVersionsPostgres(db: Kysely<any>): Promise<void> {
  await sql.raw(dropReferenceTriggers('observations', 'revision_id', 'revisions')).execute(db);
  await sql`alter table observations add column note text, add column submission_id integer`.execute(db);
  await sql`update observations o set note = r.note, submission_id = r.submission_id from revisions r where r.id = o.revision_id`.execute(
    db,
  );
  await sql`alter table observations alter column submission_id set not null`.execute(db);
  await sql.raw(createReferenceTriggers('observations', 'submission_id', 'submissions', 'id')).execute(db);
}

/** SQLite cannot drop a declared reference in place: the clustered table is rebuilt with the new columns. */
function observationsTable(name: string, versioned: boolean): string {
  return `create table "${name}" (
    "geo" varchar(16) not null references "geos" ("code"),
    "indicator" varchar(32) not null references "indicators" ("code"),
    "period" varchar(16) not null,
    "period_start" varchar(10) not null,
    "value" double precision,
    "flags" varchar(16) not null,
    ${versioned ? '"note" text,' : ''}
    "revision_id" integer not null${versioned ? '' : ' references "revisions" ("id")'},
    ${versioned ? '"submission_id" integer not null references "submissions" ("id"),' : ''}
    "recorded_at" varchar(32) not null,
    constraint "observations_pk" primary key ("indicator", "geo", "period")
  ) without rowid`;
}

const BASE_COLUMNS = 'geo, indicator, period, period_start, value, flags, revision_id, recorded_at';

async function rebuildObservationsSqlite(db: Kysely<any>, versioned: boolean): Promise<void> {
  const fill = versioned
    ? `insert into observations_rebuilt (${BASE_COLUMNS}, note, submission_id)
         select o.geo, o.indicator, o.period, o.period_start, o.value, o.flags, o.revision_id, o.recorded_at, r.note, r.submission_id
         from observations o join revisions r on r.id = o.revision_id order by o.indicator, o.geo, o.period`
    : `insert into observations_rebuilt (${BASE_COLUMNS}) select ${BASE_COLUMNS} from observations order by indicator, geo, period`;
  const steps = [
    observationsTable('observations_rebuilt', versioned),
    fill,
    'drop table observations',
    'alter table observations_rebuilt rename to observations',
    'create index observations_indicator_period on observations (indicator, period_start, geo)',
  ];
  for (const step of steps) await sql.raw(step).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  await sql`insert into revisions (id, submission_id, geo, indicator, period, period_start, value, flags, note, recorded_at)
    select revision_id, submission_id, geo, indicator, period, period_start, value, flags, note, recorded_at from observations`.execute(
    db,
  );
  if (pg) {
    // Revisions were written with explicit ids since up: the old code takes ids from the sequence again.
    await sql`select setval(pg_get_serial_sequence('revisions', 'id'), (select coalesce(max(id), 0) + 1 from revisions), false)`.execute(
      db,
    );
    await sql.raw(dropReferenceTriggers('observations', 'submission_id', 'submissions')).execute(db);
    await sql`alter table observations drop column note, drop column submission_id`.execute(db);
    await sql.raw(createReferenceTriggers('observations', 'revision_id', 'revisions', 'id')).execute(db);
  } else {
    await rebuildObservationsSqlite(db, false);
  }
  await db.schema.alterTable('submissions').dropColumn('first_revision_id').execute();
  await db.schema.alterTable('submissions').dropColumn('last_revision_id').execute();
  await restoreStagedRows(db, pg);
}

async function restoreStagedRows(db: Kysely<any>, pg: boolean): Promise<void> {
  const parts = (
    await sql<{
      submission_id: number;
      data: Uint8Array;
    }>`select submission_id, data from staged_parts order by submission_id, run, part`.execute(db)
  ).rows;
  const rows: StagedRow[] = [];
  for (const { submission_id, data } of parts) {
    const text = Buffer.from(data).toString('utf8');
    if (!text.startsWith('{')) {
      throw new Error(
        `Submission ${submission_id} has staged cells in a format this migration cannot restore. Commit or withdraw it, then migrate down.`,
      );
    }
    for (const [geo, indicator, period, period_start, value, flags, note, source_row] of (
      JSON.parse(text) as { cells: any[][] }
    ).cells) {
      rows.push({ submission_id, geo, indicator, period, period_start, value, flags, note, source_row });
    }
  }
  await db.schema
    .createTable('submission_cells')
    .addColumn('submission_id', 'integer', (c) => c.notNull().references('submissions.id'))
    .addColumn('geo', 'varchar(16)', (c) => c.notNull())
    .addColumn('indicator', 'varchar(32)', (c) => c.notNull())
    .addColumn('period', 'varchar(16)', (c) => c.notNull())
    .addColumn('period_start', 'varchar(10)', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('flags', 'varchar(16)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('source_row', 'integer', (c) => c.notNull())
    // As migration 2110 left it: clustered on SQLite, a heap and a composite index on PostgreSQL.
    .$call((t) =>
      pg
        ? t
        : t
            .addPrimaryKeyConstraint('submission_cells_pk', [
              'submission_id',
              'indicator',
              'geo',
              'period',
              'source_row',
            ])
            .modifyEnd(sql`without rowid`),
    )
    .execute();
  if (pg) {
    await db.schema
      .createIndex('submission_cells_cell')
      .on('submission_cells')
      .columns(['submission_id', 'indicator', 'geo', 'period'])
      .execute();
    await sql.raw(createReferenceTriggers('submission_cells', 'submission_id', 'submissions', 'id')).execute(db);
  }
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('submission_cells')
      .values(rows.slice(i, i + 500))
      .execute();
  await db.schema.dropTable('staged_parts').execute();
}
