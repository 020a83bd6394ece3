import { sql } from 'kysely';
import { rawSqliteOf } from '../db/connect';
import type { Db, DbOrTx } from '../db/database';
import { engineOf } from '../db/engine';
import type { Cell } from './cell';

/** Writes validated cells into submission_cells as they stream in; `finish` once the file is read. */
export interface CellStage {
  add(cells: Cell[]): Promise<void>;
  finish(): Promise<void>;
}

const STAGE_COLUMNS = 'geo, indicator, period, period_start, value, flags, note, source_row';

/** Page cache for the connection once it has loaded a submission (KiB): bounded, so RSS stays flat. */
const BULK_CACHE_KIB = 32 * 1024;

/**
 * The one engine-specific bulk load.
 * SQLite: rows go through one prepared statement on the raw handle (inside the open Kysely transaction
 * it is the same connection) into an unindexed temporary table, then into submission_cells in one
 * statement sorted by (indicator, geo, period), the order of the staging, revision and observation
 * indexes. Inserting in index order appends to each B-tree instead of touching pages all over it,
 * which keeps a million-row commit from thrashing the page cache.
 * PostgreSQL: inserts from unnested arrays.
 */
export function openStage(root: Db, tx: DbOrTx, submissionId: number): CellStage {
  const sqlite = engineOf(tx) === 'sqlite' ? rawSqliteOf(root) : undefined;
  if (!sqlite) return { add: (cells) => insertBatches(tx, submissionId, cells), finish: async () => undefined };
  sqlite.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  sqlite.exec(`drop table if exists temp.submission_stage;
    create temp table submission_stage (geo text, indicator text, period text, period_start text, value double precision, flags text, note text, source_row integer)`);
  const insert = sqlite.prepare(`insert into temp.submission_stage (${STAGE_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?)`);
  return {
    add: async (cells) => {
      for (const c of cells) insert.run(c.geo, c.indicator, c.period, c.periodStart, c.value, c.flags, c.note, c.sourceRow);
    },
    finish: async () => {
      sqlite
        .prepare(
          `insert into submission_cells (submission_id, ${STAGE_COLUMNS})
           select ?, ${STAGE_COLUMNS} from temp.submission_stage order by indicator, geo, period, source_row`,
        )
        .run(submissionId);
      sqlite.exec('drop table temp.submission_stage');
    },
  };
}

const PG_BATCH = 20_000;

/** PostgreSQL: one INSERT ... SELECT FROM unnest(arrays) per batch, nine parameters however many rows. */
async function insertBatches(tx: DbOrTx, submissionId: number, cells: Cell[]): Promise<void> {
  for (let i = 0; i < cells.length; i += PG_BATCH) {
    const batch = cells.slice(i, i + PG_BATCH);
    const column = <T>(pick: (c: Cell) => T) => batch.map(pick);
    await sql`insert into submission_cells (submission_id, geo, indicator, period, period_start, value, flags, note, source_row)
      select * from unnest(
        ${column(() => submissionId)}::integer[], ${column((c) => c.geo)}::text[], ${column((c) => c.indicator)}::text[],
        ${column((c) => c.period)}::text[], ${column((c) => c.periodStart)}::text[], ${column((c) => c.value)}::float8[],
        ${column((c) => c.flags)}::text[], ${column((c) => c.note)}::text[], ${column((c) => c.sourceRow)}::integer[])`.execute(tx);
  }
}

/**
 * After a bulk load, PostgreSQL's planner still believes the table is as small as before (autovacuum
 * has not analysed it yet) and picks nested loops over millions of rows; ANALYZE fixes its estimates.
 * SQLite plans these joins from its indexes alone.
 */
export async function refreshStatistics(tx: DbOrTx, table: 'submission_cells' | 'revisions' | 'observations'): Promise<void> {
  if (engineOf(tx) === 'postgres') await sql`analyze ${sql.table(table)}`.execute(tx);
}
