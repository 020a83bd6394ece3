import { CompiledQuery } from 'kysely';
import type { DbOrTx } from './database';
import { engineOf } from './engine';

/**
 * SQLite: PRAGMA data_version moves whenever another connection (or process) commits;
 * total_changes() counts every row this connection has written, rolled back or not.
 */
const SQLITE_STAMP = CompiledQuery.raw(
  'select total_changes() as changes, (select data_version from pragma_data_version) as version',
);

/**
 * A stamp that moves whenever the data this connection reads may have changed, in one query of
 * ~13 µs where the data version itself costs ~60 µs. A spurious move (a rolled-back write, a
 * session row) only costs a re-read. PostgreSQL has no such counter across a pool of connections:
 * null there, and callers read the data version every time.
 */
export async function readChangeStamp(db: DbOrTx): Promise<string | null> {
  if (engineOf(db) !== 'sqlite') return null;
  const row = (await db.executeQuery<{ changes: number; version: number }>(SQLITE_STAMP)).rows[0]!;
  return `${row.version}.${row.changes}`;
}
