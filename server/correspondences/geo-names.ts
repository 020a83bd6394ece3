import type { DbOrTx } from '../db/database';

/** A geo as name matching sees it: code, name, country (itself for a country) and NUTS level (0: a country). */
export interface NamedGeo {
  code: string;
  name: string;
  country: string | null;
  level: number | null;
  /** False for extra-regio codes (…Z, …ZZ, …ZZZ): counted in sums, never expected as a part. */
  territorial: boolean;
}

/** Every country and region with its name; aggregates (EU27_2020 …) are never a place a name stands for. */
export async function namedGeos(db: DbOrTx): Promise<NamedGeo[]> {
  const rows = await db
    .selectFrom('geos')
    .select(['code', 'name', 'kind', 'country', 'nuts_level', 'territorial'])
    .where('kind', 'in', ['country', 'region'])
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    country: r.kind === 'country' ? r.code : r.country,
    level: r.kind === 'country' ? 0 : r.nuts_level,
    territorial: Number(r.territorial) !== 0,
  }));
}
