import { type SelectQueryBuilder, sql } from 'kysely';
import type { DbOrTx } from './database';
import { engineOf } from './engine';

/**
 * A row read that stays locked until the transaction ends. PostgreSQL needs SELECT ... FOR UPDATE;
 * SQLite runs one write transaction at a time already (BEGIN IMMEDIATE, sqlite-dialect.ts).
 */
// biome-ignore lint/suspicious/noExplicitAny: any table and selection; the caller's query keeps its own types
export function forUpdate<Q extends SelectQueryBuilder<any, any, any>>(tx: DbOrTx, query: Q): Q {
  return (engineOf(tx) === 'postgres' ? query.forUpdate() : query) as Q;
}

/**
 * Makes transactions that name the same turn take turns until each ends. PostgreSQL: a
 * transaction-level advisory lock on the name's hash; SQLite runs one write transaction at a time.
 */
export async function takeTurn(tx: DbOrTx, name: string): Promise<void> {
  if (engineOf(tx) === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(tx);
}
