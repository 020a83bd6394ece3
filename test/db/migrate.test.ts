import { describe, expect, it } from 'vitest';
import { type Kysely, sql } from 'kysely';
import type { TestDatabase } from '../helpers/database';
import { Migrator } from 'kysely';
import { migrateToLatest } from '../../server/db/migrate';
import { migrations } from '../../server/db/migrations/index';
import { diffSubmission } from '../../server/submissions/check/diff';
import { cellHistory } from '../../server/cells/cell-history';
import { stagedRows } from '../helpers/staged';
import { useTestDatabases } from '../helpers/context';
import { canonicalCsv, publishCsv } from '../helpers/publish';

const databases = useTestDatabases();
let database: TestDatabase;

describe('migrations', () => {
  it('create every table on an empty database', async () => {
    database = await databases.empty();
    const tables = await database.db.introspection.getTables();
    const names = tables.map((t) => t.name);
    for (const table of [
      'geos',
      'geo_group_members',
      'themes',
      'indicators',
      'submissions',
      'staged_parts',
      'revisions',
      'observations',
    ]) {
      expect(names).toContain(table);
    }
  });

  it('are idempotent: a second run applies nothing', async () => {
    database = await databases.empty();
    expect(await migrateToLatest(database.db)).toEqual([]);
  });

  it('enforce foreign keys, so an observation cannot cite a missing submission', async () => {
    database = await databases.empty();
    await expect(
      sql`insert into observations (geo, indicator, period, period_start, value, flags, note, revision_id, submission_id, recorded_at)
          values ('AT', 'ICCS0101', '2017', '2017-01-01', 1, '', null, 1, 999, '2020-01-01')`.execute(database.db),
    ).rejects.toThrow(/foreign key/i);
  });

  it('keep the staged cells of a validated submission when the bulk tables are reshaped, both ways', async () => {
    database = await databases.seeded();
    const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('2026-11-22T2000_statement-level-references')).error).toBeUndefined();
    const { id } = await database.db
      .insertInto('submissions')
      .values({
        geo: 'AT',
        submitted_by: 't',
        submitted_at: '2026-01-01',
        file_name: 'f.csv',
        sha256: 'x',
        byte_size: 1,
        format: 'canonical',
        rows_read: 1,
        cells_valid: 2,
        error_count: 0,
        warning_count: 0,
        status: 'validated',
        report: '{}',
        committed_at: null,
        profile: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cells = [
      {
        submission_id: id,
        geo: 'AT',
        indicator: 'ICCS0101',
        period: '2019',
        period_start: '2019-01-01',
        value: 61,
        flags: 'p',
        note: 'n',
        source_row: 2,
      },
      {
        submission_id: id,
        geo: 'AT',
        indicator: 'ICCS0101',
        period: '2020',
        period_start: '2020-01-01',
        value: null,
        flags: 'c',
        note: null,
        source_row: 3,
      },
    ];
    const old = database.db as unknown as Kysely<any>;
    await old.insertInto('submission_cells').values(cells).execute();
    const stagedRowsOfOldTable = () => old.selectFrom('submission_cells').selectAll().orderBy('period').execute();

    expect((await migrator.migrateTo('2026-11-22T2110_lean-bulk-tables')).error).toBeUndefined();
    expect(await stagedRowsOfOldTable()).toEqual(cells);
    await expect(
      old
        .insertInto('submission_cells')
        .values({ ...cells[0]!, submission_id: id + 1000 })
        .execute(),
    ).rejects.toThrow(/foreign key/i);

    expect(await migrateToLatest(database.db)).toContain('2026-11-23T0200_cell-versions');
    expect(await stagedRows(database.db, id)).toEqual(cells.map(({ submission_id: _, ...cell }) => cell));
    const diff = await diffSubmission(database.db, id);
    expect(diff.newCells + diff.changedCells + diff.unchangedCells).toBe(2);

    expect((await migrator.migrateTo('2026-11-22T2000_statement-level-references')).error).toBeUndefined();
    expect(await stagedRowsOfOldTable()).toEqual(cells);
    await migrateToLatest(database.db);
  });

  it('split published data into current and superseded versions, and join them again going down', async () => {
    database = await databases.seeded();
    // The seed's own superseded versions: the 213 cells the 2025 edition of crim_off_cat revised.
    const seeded = Number(
      (
        await database.db
          .selectFrom('revisions')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const { preview } = await publishCsv(database, canonicalCsv('AT,ICCS0101,2017,99,e,corrected'), {
      geo: 'AT',
      fileName: 'c.csv',
    });
    const cell = { geo: 'AT', indicator: 'ICCS0101', period: '2017' };
    const history = await cellHistory(database.db, cell);
    // A contact point's figure stands beside Eurostat's (issue 17): each is current in its own source.
    expect(history.map((h) => [h.value, h.current, h.dataSource])).toEqual([
      [history[0]!.value, true, 'estat.crim_off_cat'],
      [99, true, 'national'],
    ]);
    const count = async (table: 'revisions' | 'observations') =>
      Number(
        (
          await database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const [observations, superseded] = [await count('observations'), await count('revisions')];
    expect(superseded).toBe(seeded);
    // Cells, whatever their number of sources (UNODC's stand beside Eurostat's in the seed).
    const { rows } = await sql<{ n: number }>`select count(*) as n from (select distinct indicator, geo, period
      from observations) cells`.execute(database.db);
    const cells = Number(rows[0]!.n);
    expect(cells).toBeLessThan(observations);

    const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('2026-11-23T0010_audit-address-index')).error).toBeUndefined();
    expect(await count('revisions')).toBe(observations + superseded);
    // Below the sources migration a cell has one current version: the others became superseded ones.
    expect(await count('observations')).toBe(cells);

    // Later migrations (e.g. collection rounds) run after these two; this test is about these two.
    expect((await migrateToLatest(database.db)).slice(0, 2)).toEqual([
      '2026-11-23T0200_cell-versions',
      '2026-11-23T0210_observations-key-only',
    ]);
    // Going down drops the editions (a column of the sources migration); everything else comes back.
    const withoutEdition = (h: Awaited<ReturnType<typeof cellHistory>>) => h.map(({ edition: _, ...r }) => r);
    expect(withoutEdition(await cellHistory(database.db, cell))).toEqual(withoutEdition(history));
    expect(await count('revisions')).toBe(superseded);
    const current = await database.db
      .selectFrom('observations')
      .select(['value', 'note', 'submission_id'])
      .where('geo', '=', 'AT')
      .where('indicator', '=', 'ICCS0101')
      .where('period', '=', '2017')
      .where('source', '=', 'national')
      .executeTakeFirstOrThrow();
    expect(current).toEqual({ value: 99, note: 'corrected', submission_id: preview.submissionId });
    const range = await database.db
      .selectFrom('submissions')
      .select(['first_revision_id', 'last_revision_id'])
      .where('id', '=', preview.submissionId)
      .executeTakeFirstOrThrow();
    expect(range.first_revision_id).toBe(history[1]!.revisionId);
    expect(range.last_revision_id).toBe(history[1]!.revisionId);
  });
});
