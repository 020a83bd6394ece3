import type { CompiledQuery, ExpressionBuilder } from 'kysely';
import type { Database, DbOrTx } from '../db/database';
import { readChangeStamp } from '../db/change-stamp';

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
 * One cheap query (each max() and count() reads a small table), skipped while the
 * change stamp (change-stamp.repository.ts) says nothing was written since it last ran. The
 * committed-submission count joins the max id so that a commit whose revision ids are lower than
 * an earlier-committed one still moves the key.
 */
export async function readDataVersion(db: DbOrTx, asOf: string | null): Promise<DataVersion> {
  if (asOf) return queryDataVersion(db, asOf);
  const stamp = await readChangeStamp(db);
  const known = current.get(db);
  if (stamp !== null && known?.stamp === stamp) return known.version;
  const version = await queryDataVersion(db, null);
  if (stamp !== null) current.set(db, { stamp, version });
  return version;
}

/**
 * The current data version with the change stamp it was read under (the stamp is read first, so a
 * commit landing in between moves the stamp again and the next request reads afresh).
 */
const current = new WeakMap<DbOrTx, { stamp: string; version: DataVersion }>();

async function queryDataVersion(db: DbOrTx, asOf: string | null): Promise<DataVersion> {
  const row = (await db.executeQuery(versionQuery(db, asOf))).rows[0] as VersionRow;
  const at = (row.latest as string | null) ?? null;
  return {
    at,
    key: `${row.max_id ?? 0}.${row.committed ?? 0}`,
    catalogueKey: `${row.indicators}.${row.indicator_versions ?? 0}.${row.geos}.${row.memberships}`,
    profiledSubmissions: Number(row.profiled ?? 0),
  };
}

type VersionRow = Record<
  'max_id' | 'latest' | 'committed' | 'profiled' | 'indicators' | 'indicator_versions' | 'geos' | 'memberships',
  unknown
>;

// The current-version query is compiled once per database: it runs on every analytics request.
const compiledNow = new WeakMap<DbOrTx, CompiledQuery>();

function versionQuery(db: DbOrTx, asOf: string | null): CompiledQuery {
  if (asOf) return buildVersionQuery(db, asOf).compile();
  let compiled = compiledNow.get(db);
  if (!compiled) {
    compiled = buildVersionQuery(db, null).compile();
    compiledNow.set(db, compiled);
  }
  return compiled;
}

/** The latest commit time of the submissions that published revisions (a revision's time is its commit's). */
function published(eb: ExpressionBuilder<Database, never>) {
  return eb
    .selectFrom('submissions')
    .select((s) => s.fn.max('committed_at').as('m'))
    .where('last_revision_id', 'is not', null);
}

function buildVersionQuery(db: DbOrTx, asOf: string | null) {
  return db.selectNoFrom((eb) => [
    eb
      .selectFrom('submissions')
      .select((s) => s.fn.max('last_revision_id').as('m'))
      .as('max_id'),
    (asOf ? published(eb).where('committed_at', '<=', asOf) : published(eb)).as('latest'),
    eb
      .selectFrom('submissions')
      .select((s) => s.fn.countAll().as('c'))
      .where('status', '=', 'committed')
      .as('committed'),
    eb
      .selectFrom('submissions')
      .select((s) => s.fn.countAll().as('c'))
      .where('status', '=', 'committed')
      .where('profile', 'is not', null)
      .as('profiled'),
    eb
      .selectFrom('indicators')
      .select((s) => s.fn.countAll().as('c'))
      .as('indicators'),
    eb
      .selectFrom('indicators')
      .select((s) => s.fn.sum('version').as('v'))
      .as('indicator_versions'),
    eb
      .selectFrom('geos')
      .select((s) => s.fn.countAll().as('c'))
      .as('geos'),
    eb
      .selectFrom('geo_group_members')
      .select((s) => s.fn.countAll().as('c'))
      .as('memberships'),
  ]);
}
