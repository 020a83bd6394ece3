import { rawSqliteOf } from './connect';
import type { Db } from './database';
import { engineOf } from './engine';
import { holdingConnection } from './sqlite-dialect';

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
/**
 * The page cache while a bulk write runs. A commit inserts in key order, so only the right-hand
 * edge of each B-tree is hot, and a preview writes a few dozen blobs: a small cache costs nothing
 * (measured: the 1M-row commit took the same time) and keeps the process's memory low, where the
 * 64 MB read cache (tuneSqliteReads) would fill up with pages no reader asked for.
 */
const BULK_CACHE_KIB = 8 * 1024;

export async function withBulkWrites<T>(db: Db, run: (conn: Db) => Promise<T>): Promise<T> {
  const sqlite = engineOf(db) === 'sqlite' ? rawSqliteOf(db) : undefined;
  if (!sqlite) return run(db);
  return db.connection().execute(async (conn) => {
    const enforced = sqlite.pragma('foreign_keys', { simple: true }) === 1;
    const cache = sqlite.pragma('cache_size', { simple: true }) as number;
    sqlite.pragma('foreign_keys = OFF');
    sqlite.pragma(`cache_size = -${BULK_CACHE_KIB}`);
    try {
      // Held, not lent to other queries while waiting for another process's write lock.
      return await holdingConnection(sqlite, () => run(conn));
    } finally {
      sqlite.pragma(`cache_size = ${cache}`);
      if (enforced) sqlite.pragma('foreign_keys = ON');
    }
  });
}
