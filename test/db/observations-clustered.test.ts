import { describe, expect, it } from 'vitest';
import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import { migrations } from '../../server/db/migrations/index';
import { describeOnSqliteOnly, type TestDatabase } from '../helpers/database';
import { useTestDatabases } from '../helpers/context';

const CLUSTERED = '2026-11-22T2120_observations-clustered';
/** The migration before it: migrating down to it undoes CLUSTERED (and any later one), wherever CLUSTERED sorts. */
const BEFORE_CLUSTERED = Object.keys(migrations).sort()[Object.keys(migrations).sort().indexOf(CLUSTERED) - 1]!;

const databases = useTestDatabases();
let database: TestDatabase;

// biome-ignore lint/suspicious/noExplicitAny: the test reads tables as they are at each migration step, outside the app's types
function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async (): Promise<Record<string, Migration>> => migrations } });
}

// biome-ignore lint/suspicious/noExplicitAny: the test reads tables as they are at each migration step, outside the app's types
async function everyObservation(db: Kysely<any>): Promise<unknown[]> {
  const { rows } = await sql`select geo, indicator, period, period_start, value, flags, revision_id, recorded_at
    from observations order by indicator, geo, period, revision_id`.execute(db);
  return rows;
}

/**
 * Every version of every cell, current or superseded, by its revision id: going down past the sources
 * migration (2026-12-03T0010) a cell keeps one current version, its other sources' join the superseded
 * ones, and nothing is lost.
 */
// biome-ignore lint/suspicious/noExplicitAny: the test reads tables as they are at each migration step, outside the app's types
async function everyVersion(db: Kysely<any>): Promise<unknown[]> {
  const { rows } = await sql`select revision_id as id, value from observations
    union select id, value from revisions order by id`.execute(db);
  return rows;
}

// biome-ignore lint/suspicious/noExplicitAny: the test reads tables as they are at each migration step, outside the app's types
async function hasRowid(db: Kysely<any>): Promise<boolean> {
  return sql`select rowid from observations limit 1`.execute(db).then(
    () => true,
    () => false,
  );
}

describe('the observations table after 2026-11-22T2120_observations-clustered', () => {
  // The seed holds ~87,000 cells since the regions (issue 19): copying them down and up takes a while on a busy machine.
  it('keeps every observation through down and up', async () => {
    database = await databases.seeded();
    const published = await everyObservation(database.db);
    const versions = await everyVersion(database.db);
    expect(published.length).toBeGreaterThan(100);

    const down = await migrator(database.db).migrateTo(BEFORE_CLUSTERED);
    expect(down.results?.map((r) => [r.migrationName, r.status])).toContainEqual([CLUSTERED, 'Success']);
    expect(await everyVersion(database.db)).toEqual(versions);

    const up = await migrator(database.db).migrateToLatest();
    expect(up.results?.map((r) => [r.migrationName, r.status])).toContainEqual([CLUSTERED, 'Success']);
    expect(await everyObservation(database.db)).toEqual(published);
  }, 120_000);

  it('upserts on (indicator, geo, period, source), one row per cell and source', async () => {
    database = await databases.seeded();
    const [cell] = (
      await sql<{
        geo: string;
        indicator: string;
        period: string;
        revision_id: number;
        submission_id: number;
        source: string;
      }>`select geo, indicator, period, revision_id, submission_id, source from observations order by indicator, geo, period limit 1`.execute(
        database.db,
      )
    ).rows;
    await sql`insert into observations (geo, indicator, period, period_start, value, flags, revision_id, submission_id, recorded_at, source)
      values (${cell!.geo}, ${cell!.indicator}, ${cell!.period}, '2000-01-01', 42, 'e', ${cell!.revision_id}, ${cell!.submission_id}, '2030-01-01', ${cell!.source})
      on conflict (indicator, geo, period, source) do update set value = excluded.value, flags = excluded.flags`.execute(
      database.db,
    );
    const { rows } = await sql<{ value: number; flags: string }>`select value, flags from observations
      where indicator = ${cell!.indicator} and geo = ${cell!.geo} and period = ${cell!.period}`.execute(database.db);
    expect(rows).toEqual([{ value: 42, flags: 'e' }]);
  });
});

describeOnSqliteOnly(
  'PostgreSQL keeps its heap table; only SQLite is rebuilt',
  'the clustered observations table',
  () => {
    it('has a rowid before the migration and none after it', async () => {
      database = await databases.seeded();
      expect(await hasRowid(database.db)).toBe(false);
      await migrator(database.db).migrateTo(BEFORE_CLUSTERED);
      expect(await hasRowid(database.db)).toBe(true);
      await migrator(database.db).migrateToLatest();
      expect(await hasRowid(database.db)).toBe(false);
    });

    it('reads a series, and a period across named geos, by the primary key alone', async () => {
      database = await databases.seeded();
      const { rows } = await sql<{
        detail: string;
      }>`explain query plan select value from observations where indicator = ${'X'} and geo = ${'AT'}`.execute(
        database.db,
      );
      expect(rows.map((r) => r.detail).join(' / ')).toMatch(/USING PRIMARY KEY \(indicator=\? AND geo=\?\)/);
      const compare = await sql<{ detail: string }>`explain query plan select value from observations
      where indicator in (${'X'}, ${'Y'}) and geo in (${'AT'}, ${'BE'}, ${'DE'}) and period in (${'2020'})`.execute(
        database.db,
      );
      expect(compare.rows.map((r) => r.detail).join(' / ')).toMatch(
        /USING PRIMARY KEY \(indicator=\? AND geo=\? AND period=\?\)/,
      );
      const indexes = await sql<{
        name: string;
      }>`select name from pragma_index_list('observations') order by name`.execute(database.db);
      expect(indexes.rows.map((r) => r.name)).toEqual(['sqlite_autoindex_observations_1']);
    });
  },
);
