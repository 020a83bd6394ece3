import { type Kysely, PostgresAdapter } from 'kysely';
import type { Engine } from './open-database';

/**
 * Which engine a Kysely instance (or transaction) talks to. Only server/db/ asks: row and advisory
 * locks (locks.ts), the change stamp, full-text search, bulk writes and the commit's writer; feature
 * code calls those and stays portable (test/architecture checks that no feature imports this).
 */
// biome-ignore lint/suspicious/noExplicitAny: any schema; the answer depends only on the dialect's adapter
export function engineOf(db: Kysely<any>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
