import type { DbOrTx } from '../../db/database';

/**
 * The geos a submission may hold: the geo itself, for a group geo (EU27_2020 ...) its members, and for
 * a country its NUTS regions (issue 19): a contact point for FR may send FR's regions, never another
 * country's.
 */
export async function submissionScope(db: DbOrTx, geo: string): Promise<string[]> {
  const [members, regions] = await Promise.all([
    db.selectFrom('geo_group_members').select('geo_code').where('group_code', '=', geo).execute(),
    db.selectFrom('geos').select('code').where('country', '=', geo).where('kind', '=', 'region').execute(),
  ]);
  return [geo, ...members.map((m) => m.geo_code), ...regions.map((r) => r.code)];
}
