import { type Kysely, sql } from 'kysely';
import { engineOf } from './engine';

/** The advisory-lock key that serialises publishing (commits) on one PostgreSQL database. */
export const PUBLISH_LOCK_KEY = 7_140_525_002;

/**
 * Call first inside a commit's transaction: waits until no other commit is publishing, and holds
 * the turn until this transaction ends. Commits then run one after another, so each reads the
 * current values the previous one left, revision ids follow commit order, and the current value of
 * a cell is always its latest revision. Take the commit's timestamp after this returns.
 *
 * PostgreSQL: a transaction-level advisory lock (released by COMMIT or ROLLBACK, also when the
 * connection dies). SQLite: nothing to do; its single writer already runs commits one at a time.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function awaitPublishingTurn(tx: Kysely<any>): Promise<void> {
  if (engineOf(tx) !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(${PUBLISH_LOCK_KEY}::bigint)`.execute(tx);
}
