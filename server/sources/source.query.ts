import type { DbOrTx } from '../db/database';
import { badRequest } from '../http/errors';
import { SourceSchema } from '../shared/api/sources';

/** ?source=estat.crim_off_cat: one source's cells instead of each cell's preferred one. */
export const sourceParam = SourceSchema.shape.code.describe(
  "Only this source's cells (see /api/sources), e.g. estat.crim_off_cat; by default each cell's preferred source",
);

/** A 400 naming the unknown source and the known ones. */
export async function assertKnownSource(db: DbOrTx, code: string): Promise<void> {
  const known = (await db.selectFrom('sources').select('code').orderBy('rank').execute()).map((r) => r.code);
  if (!known.includes(code))
    throw badRequest({ key: 'sources.unknown', params: { source: code, known: known.join(', ') } }, { source: [code] });
}
