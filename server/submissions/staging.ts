import { rawSqliteOf } from '../db/connect';
import type { Db, DbOrTx } from '../db/database';
import { engineOf } from '../db/engine';
import type { Cell } from './cell';

/** Writes validated cells into submission_cells as they stream in. */
export interface CellStage {
  add(cells: Cell[]): Promise<void>;
}

const INSERT_SQL =
  'insert into submission_cells (submission_id, geo, indicator, period, period_start, value, flags, note, source_row) values (?, ?, ?, ?, ?, ?, ?, ?, ?)';

/** Page cache for the connection once it has loaded a submission (KiB): bounded, so RSS stays flat. */
const BULK_CACHE_KIB = 32 * 1024;

/**
 * The one engine-specific bulk load. SQLite: one prepared statement on the raw handle, which inside
 * the open Kysely transaction is the same connection. PostgreSQL: large multi-row inserts.
 */
export function openStage(root: Db, tx: DbOrTx, submissionId: number): CellStage {
  const sqlite = engineOf(tx) === 'sqlite' ? rawSqliteOf(root) : undefined;
  if (sqlite) {
    // Bulk loads touch index pages all over the tables: a larger page cache keeps them from thrashing.
    sqlite.pragma(`cache_size = -${BULK_CACHE_KIB}`);
    const insert = sqlite.prepare(INSERT_SQL);
    return {
      add: async (cells) => {
        for (const c of cells) {
          insert.run(submissionId, c.geo, c.indicator, c.period, c.periodStart, c.value, c.flags, c.note, c.sourceRow);
        }
      },
    };
  }
  return { add: (cells) => insertBatches(tx, submissionId, cells) };
}

/** 9 parameters a row; PostgreSQL allows 65,535 parameters a statement. */
const PG_BATCH = 5000;

async function insertBatches(tx: DbOrTx, submissionId: number, cells: Cell[]): Promise<void> {
  for (let i = 0; i < cells.length; i += PG_BATCH) {
    const rows = cells.slice(i, i + PG_BATCH).map((c) => ({
      submission_id: submissionId,
      geo: c.geo,
      indicator: c.indicator,
      period: c.period,
      period_start: c.periodStart,
      value: c.value,
      flags: c.flags,
      note: c.note,
      source_row: c.sourceRow,
    }));
    await tx.insertInto('submission_cells').values(rows).execute();
  }
}
