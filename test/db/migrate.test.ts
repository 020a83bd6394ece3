import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { emptyDatabase, seededDatabase, type TestDatabase } from '../helpers/database';
import { Migrator } from 'kysely';
import { migrateToLatest } from '../../server/db/migrate';
import { migrations } from '../../server/db/migrations/index';

let database: TestDatabase;
afterEach(async () => database?.dispose());

describe('migrations', () => {
  it('create every table on an empty database', async () => {
    database = await emptyDatabase();
    const tables = await database.db.introspection.getTables();
    const names = tables.map((t) => t.name);
    for (const table of ['geos', 'geo_group_members', 'themes', 'indicators', 'submissions', 'submission_cells', 'revisions', 'observations']) {
      expect(names).toContain(table);
    }
  });

  it('are idempotent: a second run applies nothing', async () => {
    database = await emptyDatabase();
    expect(await migrateToLatest(database.db)).toEqual([]);
  });

  it('enforce foreign keys, so an observation cannot cite a missing revision', async () => {
    database = await emptyDatabase();
    await expect(
      sql`insert into observations (geo, indicator, period, period_start, value, flags, revision_id, recorded_at)
          values ('AT', 'ICCS0101', '2017', '2017-01-01', 1, '', 999, '2020-01-01')`.execute(database.db),
    ).rejects.toThrow(/foreign key/i);
  });

  it('keep the staged cells of a validated submission when the bulk tables are reshaped, both ways', async () => {
    database = await seededDatabase();
    const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('2026-11-22T2000_statement-level-references')).error).toBeUndefined();
    const { id } = await database.db.insertInto('submissions')
      .values({ geo: 'AT', submitted_by: 't', submitted_at: '2026-01-01', file_name: 'f.csv', sha256: 'x', byte_size: 1, format: 'canonical', rows_read: 1,
        cells_valid: 2, error_count: 0, warning_count: 0, status: 'validated', report: '{}', committed_at: null, profile: null })
      .returning('id').executeTakeFirstOrThrow();
    const cells = [
      { submission_id: id, geo: 'AT', indicator: 'ICCS0101', period: '2019', period_start: '2019-01-01', value: 61, flags: 'p', note: 'n', source_row: 2 },
      { submission_id: id, geo: 'AT', indicator: 'ICCS0101', period: '2020', period_start: '2020-01-01', value: null, flags: 'c', note: null, source_row: 3 },
    ];
    await database.db.insertInto('submission_cells').values(cells).execute();

    expect(await migrateToLatest(database.db)).toContain('2026-11-22T2110_lean-bulk-tables');
    const staged = () => database.db.selectFrom('submission_cells').selectAll().orderBy('period').execute();
    expect(await staged()).toEqual(cells);
    await expect(database.db.insertInto('submission_cells').values({ ...cells[0]!, submission_id: id + 1000 }).execute()).rejects.toThrow(/foreign key/i);

    expect((await migrator.migrateTo('2026-11-22T2000_statement-level-references')).error).toBeUndefined();
    expect(await staged()).toEqual(cells);
    await migrateToLatest(database.db);
  });
});
