import type { DbOrTx } from '../db/database';
import type { GeoEntry } from './geo.catalogue';
import type { GeoRow } from '../db/tables/geo.table';
import type { RegionCatalogue } from './region.catalogue';

/** Countries and aggregates: the regions are listed by level (listRegions). */
export function listGeos(db: DbOrTx): Promise<GeoRow[]> {
  return db.selectFrom('geos').selectAll().where('kind', '!=', 'region').orderBy('code').execute();
}

/** The NUTS regions of a level, of every country or of one. */
export function listRegions(db: DbOrTx, level: number, country?: string): Promise<GeoRow[]> {
  let query = db.selectFrom('geos').selectAll().where('kind', '=', 'region').where('nuts_level', '=', level);
  if (country) query = query.where('country', '=', country);
  return query.orderBy('code').execute();
}

export function findGeo(db: DbOrTx, code: string): Promise<GeoRow | undefined> {
  return db.selectFrom('geos').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listGroupMembers(db: DbOrTx): Promise<{ group_code: string; geo_code: string }[]> {
  return db.selectFrom('geo_group_members').selectAll().orderBy('group_code').orderBy('geo_code').execute();
}

export async function membersOf(db: DbOrTx, group: string): Promise<string[]> {
  const rows = await db.selectFrom('geo_group_members').select('geo_code').where('group_code', '=', group).execute();
  return rows.map((r) => r.geo_code);
}

export async function insertGeoCatalogue(db: DbOrTx, geos: GeoEntry[]): Promise<void> {
  await db
    .insertInto('geos')
    .values(
      geos.map((g) => ({
        code: g.code,
        name: g.name,
        kind: g.kind,
        iso2: g.iso2,
        iso3: g.iso3,
        iso_numeric: g.isoNumeric,
        first_year: g.firstYear,
        last_year: g.lastYear,
        part_of: g.partOf,
        note: g.note ?? null,
      })),
    )
    .execute();
  const members = geos.flatMap((g) => g.groups.map((group) => ({ group_code: group, geo_code: g.code })));
  if (members.length) await db.insertInto('geo_group_members').values(members).execute();
}

/**
 * The NUTS regions of data/regions.json that the database lacks (all of them on a new database; on one
 * seeded before regions existed, every region). Geos already present are left as they are.
 */
export async function insertMissingRegions(db: DbOrTx, catalogue: RegionCatalogue): Promise<number> {
  // Any geo already present stays as it is: UKM and UKN are held as parts of the UK (crim_off_cat's split).
  const present = new Set((await db.selectFrom('geos').select('code').execute()).map((g) => g.code));
  const countries = new Set(
    (await db.selectFrom('geos').select('code').where('kind', '=', 'country').execute()).map((g) => g.code),
  );
  const missing = catalogue.regions.filter((r) => !present.has(r.code) && countries.has(r.country));
  // Parents first (the catalogue is sorted by level), in slices that stay under every engine's parameter limit.
  for (let i = 0; i < missing.length; i += 500) {
    await db
      .insertInto('geos')
      .values(
        missing.slice(i, i + 500).map((r) => ({
          code: r.code,
          name: r.name,
          kind: 'region' as const,
          iso2: null,
          iso3: null,
          iso_numeric: null,
          first_year: null,
          last_year: null,
          part_of: null,
          note: r.territorial ? null : 'Extra-regio: figures that cannot be placed in a region; no territory.',
          nuts_level: r.level,
          nuts_version: catalogue.nutsVersion,
          country: r.country,
          parent: r.parent,
          territorial: r.territorial ? 1 : 0,
        })),
      )
      .execute();
  }
  return missing.length;
}
