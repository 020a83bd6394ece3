import { rawSqliteOf } from '../db/connect';
import type { Db } from '../db/database';
import { engineOf } from '../db/engine';
import { holdingConnection } from '../db/sqlite-dialect';

/**
 * Runs a preview or a commit on one connection with SQLite's per-row foreign-key checks off
 * (PostgreSQL: as is; its references are checked once per statement, see migration 2000).
 * Measured on the 1M-row bench: the checks cost about 2 s of a million-row write, and guard nothing
 * these writes can break. The submission row's geo is checked before (previewSubmission refuses an
 * unknown geo), every staged geo and indicator was checked against the catalogue by validation
 * (catalogue codes are never deleted), staged parts belong to the submission inserted in the same
 * transaction, and each observation and superseded revision names the committing submission or the
 * one that published it. The setting is per connection and never persisted; it is
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
