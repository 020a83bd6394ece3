import type { DbOrTx } from '../db/database';

export interface PublishedRate {
  geo: string;
  indicator: string;
  period: string;
  value: number;
  source: string;
}

/** Adds a source's published rates; a rate already held for the same cell and source is kept, never overwritten. */
export async function insertPublishedRates(
  db: DbOrTx,
  rates: Omit<PublishedRate, 'source'>[],
  source: string,
  recordedAt: string,
): Promise<number> {
  let added = 0;
  // Slices small enough for every engine's parameter limit (6 columns a row).
  for (let i = 0; i < rates.length; i += 1000) {
    const slice = rates.slice(i, i + 1000).map((r) => ({ ...r, source, recorded_at: recordedAt }));
    const result = await db
      .insertInto('published_rates')
      .values(slice)
      .onConflict((c) => c.columns(['indicator', 'period', 'geo', 'source']).doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

/** The published rates of an indicator for some geos and periods (all periods when none are named). */
export async function readPublishedRates(
  db: DbOrTx,
  indicator: string,
  geos: string[],
  periods?: string[],
): Promise<Map<string, PublishedRate>> {
  if (!geos.length) return new Map();
  let query = db
    .selectFrom('published_rates')
    .select(['geo', 'indicator', 'period', 'value', 'source'])
    .where('indicator', '=', indicator);
  if (geos.length <= 2000) query = query.where('geo', 'in', geos);
  if (periods?.length) query = query.where('period', 'in', periods);
  const rows = await query.execute();
  const wanted = new Set(geos);
  return new Map(rows.filter((r) => wanted.has(r.geo)).map((r) => [`${r.geo}|${r.period}`, r]));
}
