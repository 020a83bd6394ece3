import type { CompiledQuery } from 'kysely';
import type { DbOrTx } from '../db/database';

/** Identifies the published data: changes whenever a commit adds revisions. */
export interface DataVersion {
  /** Time of the latest revision at or before asOf (or overall): the version responses cite. */
  at: string | null;
  /** Cache and ETag key: the newest revision id and the number of committed submissions. */
  key: string;
  /** Changes when indicators (count or a version bump), geos or group memberships change. */
  catalogueKey: string;
  /** Committed submissions read with an import profile (whose national definitions warn). */
  profiledSubmissions: number;
}

/**
 * One cheap query (each max() is an index lookup, each count() a small table). The committed-
 * submission count joins the max id so that a commit whose revision ids are lower than an
 * earlier-committed one still moves the key.
 */
export async function readDataVersion(db: DbOrTx, asOf: string | null): Promise<DataVersion> {
  const row = (await db.executeQuery(versionQuery(db, asOf))).rows[0] as VersionRow;
  const at = (row.latest as string | null) ?? null;
  return {
    at,
    key: `${row.max_id ?? 0}.${row.committed ?? 0}`,
    catalogueKey: `${row.indicators}.${row.indicator_versions ?? 0}.${row.geos}.${row.memberships}`,
    profiledSubmissions: Number(row.profiled ?? 0),
  };
}

type VersionRow = Record<'max_id' | 'latest' | 'committed' | 'profiled' | 'indicators' | 'indicator_versions' | 'geos' | 'memberships', unknown>;

// The current-version query is compiled once per database: it runs on every analytics request.
const compiledNow = new WeakMap<DbOrTx, CompiledQuery>();

function versionQuery(db: DbOrTx, asOf: string | null): CompiledQuery {
  if (asOf) return buildVersionQuery(db, asOf).compile();
  let compiled = compiledNow.get(db);
  if (!compiled) compiledNow.set(db, (compiled = buildVersionQuery(db, null).compile()));
  return compiled;
}

function buildVersionQuery(db: DbOrTx, asOf: string | null) {
  return db
    .selectNoFrom((eb) => [
      eb.selectFrom('revisions').select((s) => s.fn.max('id').as('m')).as('max_id'),
      (asOf
        ? eb.selectFrom('revisions').select((s) => s.fn.max('recorded_at').as('m')).where('recorded_at', '<=', asOf)
        : eb.selectFrom('revisions').select((s) => s.fn.max('recorded_at').as('m'))
      ).as('latest'),
      eb.selectFrom('submissions').select((s) => s.fn.countAll().as('c')).where('status', '=', 'committed').as('committed'),
      eb.selectFrom('submissions').select((s) => s.fn.countAll().as('c')).where('status', '=', 'committed').where('profile', 'is not', null).as('profiled'),
      eb.selectFrom('indicators').select((s) => s.fn.countAll().as('c')).as('indicators'),
      eb.selectFrom('indicators').select((s) => s.fn.sum('version').as('v')).as('indicator_versions'),
      eb.selectFrom('geos').select((s) => s.fn.countAll().as('c')).as('geos'),
      eb.selectFrom('geo_group_members').select((s) => s.fn.countAll().as('c')).as('memberships'),
    ]);
}
