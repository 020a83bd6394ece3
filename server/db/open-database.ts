import type { Kysely } from 'kysely';
import type { Database } from './database';

export type Engine = 'sqlite' | 'postgres';

/** An open database of either engine, and how to close it. */
export interface OpenDatabase {
  db: Kysely<Database>;
  engine: Engine;
  close: () => Promise<void>;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}
