import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { emptyDatabase, type TestDatabase } from '../helpers/database';
import { migrateToLatest } from '../../server/db/migrate';

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
});
