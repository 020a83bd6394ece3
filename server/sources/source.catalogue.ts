import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR } from '../catalogue/paths';
import { forgetSourceRanks } from '../cells/preferred';
import type { DbOrTx } from '../db/database';
import { SourceSchema } from '../shared/api/sources';

export const SourceCatalogue = z.object({ order: z.string(), sources: z.array(SourceSchema) });
export type SourceCatalogue = z.infer<typeof SourceCatalogue>;

/** data/sources.json: every source a cell can come from, and the order that picks the preferred one. */
export function loadSourceCatalogue(file = path.join(DATA_DIR, 'sources.json')): SourceCatalogue {
  const catalogue = SourceCatalogue.parse(JSON.parse(readFileSync(file, 'utf8')));
  const ranks = new Set(catalogue.sources.map((s) => s.rank));
  if (ranks.size !== catalogue.sources.length) throw new Error(`${file}: two sources share a rank.`);
  return catalogue;
}

/** Adds the catalogue's new sources and brings the listed ones up to date (ranks, titles). */
export async function syncSourceCatalogue(db: DbOrTx, catalogue = loadSourceCatalogue()): Promise<void> {
  const known = new Set((await db.selectFrom('sources').select('code').execute()).map((r) => r.code));
  for (const source of catalogue.sources) {
    if (known.has(source.code)) await db.updateTable('sources').set(source).where('code', '=', source.code).execute();
    else await db.insertInto('sources').values(source).execute();
  }
  forgetSourceRanks(db);
}
