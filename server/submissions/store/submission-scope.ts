import type { DbOrTx } from '../../db/database';

/** The geos a submission may hold: the geo itself, and for a group geo (EU27_2020 ...) its members. */
export async function submissionScope(db: DbOrTx, geo: string): Promise<string[]> {
  const members = await db.selectFrom('geo_group_members').select('geo_code').where('group_code', '=', geo).execute();
  return [geo, ...members.map((m) => m.geo_code)];
}
