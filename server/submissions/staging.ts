import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { rawSqliteOf } from '../db/connect';
import type { Db, DbOrTx } from '../db/database';
import { engineOf } from '../db/engine';
import { holdingConnection } from '../db/sqlite-dialect';
import type { Cell } from './cell';
import { openCopyStage } from './copy-stage';

/** Writes validated cells into submission_cells as they stream in; `finish` once the file is read. */
export interface CellStage {
  add(cells: Cell[]): Promise<void>;
  finish(): Promise<void>;
  /** Cancels a bulk load in flight after a failure, so the transaction can roll back. */
  abort?(error: Error): void;
}

const STAGE_COLUMNS = 'geo, indicator, period, period_start, value, flags, note, source_row';

/** Cells per SQLite INSERT: one call into SQLite per 64 cells instead of per cell (576 parameters). */
const SQLITE_ROWS_PER_INSERT = 64;

/**
 * The one engine-specific bulk load.
 * SQLite: rows go through prepared multi-row INSERTs on the raw handle (inside the open Kysely
 * transaction it is the same connection) straight into submission_cells, which is clustered on
 * (submission_id, indicator, geo, period, source_row): each cell is written to one B-tree, and the
 * checks, the diff and the commit read the submission back as one sorted range.
 * PostgreSQL: COPY on the preview's own connection (see copy-stage.ts), or, for a Kysely instance
 * that is not bound to one connection, inserts from unnested arrays.
 */
export function openStage(root: Db, tx: DbOrTx, submissionId: number): CellStage {
  const sqlite = engineOf(tx) === 'sqlite' ? rawSqliteOf(root) : undefined;
  if (!sqlite) return openCopyStage(root, submissionId) ?? { add: (cells) => insertBatches(tx, submissionId, cells), finish: async () => undefined };
  return sqliteStage(sqlite, submissionId);
}

function sqliteStage(sqlite: SQLite.Database, submissionId: number): CellStage {
  const statement = (rows: number) => sqlite.prepare(
    `insert into submission_cells (submission_id, ${STAGE_COLUMNS}) values ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
  );
  const many = statement(SQLITE_ROWS_PER_INSERT);
  const one = statement(1);
  const params: unknown[] = [];
  const put = (c: Cell) => params.push(submissionId, c.geo, c.indicator, c.period, c.periodStart, c.value, c.flags, c.note, c.sourceRow);
  return {
    add: async (cells) => {
      let i = 0;
      for (; i + SQLITE_ROWS_PER_INSERT <= cells.length; i += SQLITE_ROWS_PER_INSERT) {
        params.length = 0;
        for (let j = i; j < i + SQLITE_ROWS_PER_INSERT; j++) put(cells[j]!);
        many.run(params);
      }
      for (; i < cells.length; i++) {
        params.length = 0;
        put(cells[i]!);
        one.run(params);
      }
    },
    finish: async () => undefined,
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

/**
 * Runs a preview or a commit on one connection with SQLite's per-row foreign-key checks off
 * (PostgreSQL: as is; its references are checked once per statement, see migration 2000).
 * Measured on the 1M-row bench: the checks cost 2 s of the revision insert and 1.7 s of the
 * observation upsert, and guard nothing these writes can break. The submission row's geo is checked
 * before (previewSubmission refuses an unknown geo), every staged geo and indicator was checked
 * against the catalogue by validation (catalogue codes are never deleted), staged cells belong to
 * the submission inserted in the same transaction, and each observation points at a revision
 * inserted in the same transaction. The setting is per connection and never persisted; it is
 * restored before the connection is released, and the connection is not lent to other queries
 * meanwhile (holdingConnection), so no other statement runs without the checks.
 */
export async function withBulkWrites<T>(db: Db, run: (conn: Db) => Promise<T>): Promise<T> {
  const sqlite = engineOf(db) === 'sqlite' ? rawSqliteOf(db) : undefined;
  if (!sqlite) return run(db);
  return db.connection().execute(async (conn) => {
    const enforced = sqlite.pragma('foreign_keys', { simple: true }) === 1;
    sqlite.pragma('foreign_keys = OFF');
    try {
      // Held, not lent to other queries while waiting for another process's write lock.
      return await holdingConnection(sqlite, () => run(conn));
    } finally {
      if (enforced) sqlite.pragma('foreign_keys = ON');
    }
  });
}

/**
 * Drops a committed submission's staged cells inside the commit. On SQLite, when no other
 * submission has cells staged (the usual case), a DELETE without WHERE takes SQLite's truncate
 * path and frees whole pages: 0.3 s instead of 2.2 s row by row on the 1M-row bench. SQLite runs one
 * write transaction at a time, so no other submission can stage cells between the check and the delete.
 */
export async function clearStagedCells(tx: DbOrTx, submissionId: number): Promise<void> {
  if (engineOf(tx) === 'sqlite') {
    const other = await tx
      .selectFrom('submission_cells')
      .select('submission_id')
      .where((eb) => eb.or([eb('submission_id', '<', submissionId), eb('submission_id', '>', submissionId)]))
      .limit(1)
      .executeTakeFirst();
    if (!other) {
      await tx.deleteFrom('submission_cells').execute();
      return;
    }
  }
  await tx.deleteFrom('submission_cells').where('submission_id', '=', submissionId).execute();
}
