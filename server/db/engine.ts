import { type Kysely, PostgresAdapter } from 'kysely';
import type { Engine } from './open-database';

/**
 * Which engine a Kysely instance (or transaction) talks to. Use it only inside the one small
 * function that must differ per engine (full-text search, bulk load); keep domain code portable.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function engineOf(db: Kysely<any>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
