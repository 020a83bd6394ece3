import type { DbOrTx } from '../db/database';
import type { GeoEntry } from './geo.catalogue';
import type { GeoRow } from '../db/tables/geo.table';

export function listGeos(db: DbOrTx): Promise<GeoRow[]> {
  return db.selectFrom('geos').selectAll().orderBy('code').execute();
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
