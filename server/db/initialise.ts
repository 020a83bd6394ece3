import type { Db } from './database';
import { migrateToLatest } from './migrate';
import { loadSeed, type SeedSummary } from '../seed/load-seed';

/** Migrates; on an empty database (no geos yet) also loads the catalogues and the seed. */
export async function initialiseDatabase(db: Db): Promise<{ migrations: string[]; seed: SeedSummary | null }> {
  const migrations = await migrateToLatest(db);
  const anyGeo = await db.selectFrom('geos').select('code').limit(1).executeTakeFirst();
  const seed = anyGeo ? null : await loadSeed(db);
  return { migrations, seed };
}
