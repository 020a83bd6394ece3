import { type Kysely, sql } from 'kysely';
import { engineOf } from './engine';

/**
 * The advisory-lock key that serialises startup work (migrations, first seed) across app
 * instances sharing one PostgreSQL database. Advisory locks are scoped to the database.
 */
export const STARTUP_LOCK_KEY = 7_140_525_001;

/**
 * Runs `work` while holding a PostgreSQL session-level advisory lock on a dedicated pooled
 * connection, so a second instance starting at the same moment waits, then finds the work done.
 * `work` itself runs on the ordinary pool (the lock does not need its connection). On SQLite, the
 * embedded single-process default, it simply runs `work`.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on Kysely<any> (they never import application types)
export async function withStartupLock<T>(db: Kysely<any>, work: () => Promise<T>): Promise<T> {
  if (engineOf(db) !== 'postgres') return work();
  return db.connection().execute(async (session) => {
    await sql`select pg_advisory_lock(${STARTUP_LOCK_KEY}::bigint)`.execute(session);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK_KEY}::bigint)`.execute(session);
    }
  });
}
