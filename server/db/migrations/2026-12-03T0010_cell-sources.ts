import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: this migration must never import application code.

/**
 * Sources as first-class data (issue 17 item 4).
 *
 * - `sources` lists the datasets cells come from, each with a rank: the preferred source of a cell
 *   is the best-ranked one that has it (the contact point's own figure, then Eurostat, then UNODC,
 *   then the World Bank). data/sources.json adds more at start-up; this migration inserts the four
 *   that existing revisions came from.
 * - `submissions` records the source it delivers (`source`) and its edition (`edition`).
 * - `observations` and `revisions` record each version's source; the key of a current cell becomes
 *   (indicator, geo, period, source), so two sources of one cell are both kept. A later submission
 *   from the same source is a revision of its own earlier version, never of another source's.
 *
 * Existing submissions: the seed's files are named by their source folder (eurostat-crim_off_cat/,
 * eurostat-tps00001/, worldbank-sp-pop-totl/, the regions' eurostat-crim_gen_reg/, the surveys' and UNODC's
 * folders; later seeds also eurostat-crim_off_cat-2025/ and eurostat-demo_pjan/); the practice catalogue's
 * counts are the observatory's; every other submission (the BKA's national total included) is a contact
 * point's own figure. A contact point's upload that had superseded a seed cell now stands beside it: the latest
 * version of each (cell, source) becomes current, the others stay superseded.
 */
const SOURCES: [string, string, string, string, number][] = [
  ['national', 'contact point', 'national figures', "The contact point's own national figures", 10],
  ['estat.crim_off_cat', 'Eurostat', 'crim_off_cat', 'Police-recorded offences by offence category', 20],
  ['estat.crim_gen_reg', 'Eurostat', 'crim_gen_reg', 'Police-recorded offences by NUTS 3 region', 21],
  ['estat.ilc_mddw03', 'Eurostat', 'ilc_mddw03', 'Crime, violence or vandalism in the area (EU-SILC)', 22],
  ['estat.gbv', 'Eurostat', 'gbv_ipv_lim, gbv_dv_lim', 'EU survey on gender-based violence 2021', 23],
  ['estat.demo_pjan', 'Eurostat', 'demo_pjan', 'Population on 1 January by age and sex', 25],
  ['estat.tps00001', 'Eurostat', 'tps00001', 'Population on 1 January', 26],
  ['unodc.cts', 'UNODC', 'data_cts_violent_and_sexual_crime', 'Violent and sexual crime (CTS)', 30],
  ['observatory', 'the observatory', 'practice catalogue', 'Computed by the observatory from its own catalogues', 35],
  ['wb.sp_pop_totl', 'World Bank', 'SP.POP.TOTL', 'Population, total (mid-year estimate)', 40],
];

const SEED_FOLDERS: [string, string][] = [
  // Every edition's folder: eurostat-crim_off_cat/ (the 2022 TSV), eurostat-crim_off_cat-2025/.
  ['eurostat-crim_off_cat%', 'estat.crim_off_cat'],
  ['eurostat-demo_pjan/%', 'estat.demo_pjan'],
  ['eurostat-tps00001/%', 'estat.tps00001'],
  ['worldbank-sp-pop-totl/%', 'wb.sp_pop_totl'],
  ['eurostat-crim_gen_reg/%', 'estat.crim_gen_reg'],
  ['eurostat-ilc_mddw03/%', 'estat.ilc_mddw03'],
  ['eurostat-gbv_%', 'estat.gbv'],
  ['unodc-cts/%', 'unodc.cts'],
];

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sources')
    .addColumn('code', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('publisher', 'text', (c) => c.notNull())
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('sources')
    .values(SOURCES.map(([code, publisher, dataset, title, rank]) => ({ code, publisher, dataset, title, rank })))
    .execute();
  await db.schema
    .alterTable('submissions')
    .addColumn('source', 'varchar(64)', (c) => c.notNull().defaultTo('national'))
    .execute();
  await db.schema.alterTable('submissions').addColumn('edition', 'text').execute();
  for (const [pattern, code] of SEED_FOLDERS) {
    await sql`update submissions set source = ${code} where submitted_by = 'seed' and file_name like ${pattern}`.execute(
      db,
    );
  }
  // The practice catalogue's counts of evaluated practices are the observatory's own computation.
  await sql`update submissions set source = 'observatory' where submitted_by = 'practice-catalogue'`.execute(db);
  for (const table of ['revisions', 'observations']) {
    await sql`alter table ${sql.table(table)} add column source varchar(64) not null default 'national'`.execute(db);
    await sql`update ${sql.table(table)} set source = (select s.source from submissions s where s.id = ${sql.ref(`${table}.submission_id`)})`.execute(
      db,
    );
  }
  if (isPostgres(db)) {
    await sql`alter table observations drop constraint observations_pk, add constraint observations_pk primary key (indicator, geo, period, source)`.execute(
      db,
    );
  } else {
    await rebuildObservationsSqlite(db, ['indicator', 'geo', 'period', 'source']);
  }
  await promoteLatestOfEachSource(db);
  await sql`create index revisions_cell_source on revisions (indicator, geo, period, source)`.execute(db);
}

/** The latest superseded version of a (cell, source) that has no current version becomes current. */
async function promoteLatestOfEachSource(db: Kysely<any>): Promise<void> {
  await sql`insert into observations (geo, indicator, period, period_start, value, flags, note, revision_id, submission_id, recorded_at, source)
    select r.geo, r.indicator, r.period, r.period_start, r.value, r.flags, r.note, r.id, r.submission_id, r.recorded_at, r.source
    from revisions r
    where not exists (select 1 from observations o
        where o.indicator = r.indicator and o.geo = r.geo and o.period = r.period and o.source = r.source)
      and not exists (select 1 from revisions l
        where l.indicator = r.indicator and l.geo = r.geo and l.period = r.period and l.source = r.source and l.id > r.id)`.execute(
    db,
  );
  await sql`delete from revisions where id in (select revision_id from observations)`.execute(db);
}

const COLUMNS = 'geo, indicator, period, period_start, value, flags, note, revision_id, submission_id, recorded_at';

/** SQLite cannot change a primary key in place: the clustered table is rebuilt with the new key. */
async function rebuildObservationsSqlite(db: Kysely<any>, key: string[]): Promise<void> {
  const withSource = key.includes('source');
  const steps = [
    `create table "observations_rebuilt" (
      "geo" varchar(16) not null references "geos" ("code"),
      "indicator" varchar(32) not null references "indicators" ("code"),
      "period" varchar(16) not null,
      "period_start" varchar(10) not null,
      "value" double precision,
      "flags" varchar(16) not null,
      "note" text,
      "revision_id" integer not null,
      "submission_id" integer not null references "submissions" ("id"),
      "recorded_at" varchar(32) not null,
      ${withSource ? `"source" varchar(64) not null default 'national',` : ''}
      constraint "observations_pk" primary key (${key.map((k) => `"${k}"`).join(', ')})
    ) without rowid`,
    `insert into observations_rebuilt (${COLUMNS}${withSource ? ', source' : ''})
      select ${COLUMNS}${withSource ? ', source' : ''} from observations order by ${key.join(', ')}`,
    'drop table observations',
    'alter table observations_rebuilt rename to observations',
  ];
  for (const step of steps) await sql.raw(step).execute(db);
}

/**
 * Back to one version per cell: of a cell's current versions, the latest stays current and the
 * others join the superseded ones; the source columns and table go.
 */
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index revisions_cell_source`.execute(db);
  await sql`insert into revisions (id, submission_id, geo, indicator, period, period_start, value, flags, note, recorded_at, source)
    select o.revision_id, o.submission_id, o.geo, o.indicator, o.period, o.period_start, o.value, o.flags, o.note, o.recorded_at, o.source
    from observations o
    where exists (select 1 from observations l
      where l.indicator = o.indicator and l.geo = o.geo and l.period = o.period and l.revision_id > o.revision_id)`.execute(
    db,
  );
  await sql`delete from observations where revision_id in (select id from revisions)`.execute(db);
  if (isPostgres(db)) {
    await sql`alter table observations drop constraint observations_pk, add constraint observations_pk primary key (indicator, geo, period)`.execute(
      db,
    );
    await sql`alter table observations drop column source`.execute(db);
  } else {
    await rebuildObservationsSqlite(db, ['indicator', 'geo', 'period']);
  }
  await sql`alter table revisions drop column source`.execute(db);
  await db.schema.alterTable('submissions').dropColumn('edition').execute();
  await db.schema.alterTable('submissions').dropColumn('source').execute();
  await db.schema.dropTable('sources').execute();
}
