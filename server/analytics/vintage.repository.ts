import type { DbOrTx } from '../db/database';

/** Identifies the published data: changes whenever a commit adds revisions. */
export interface DataVersion {
  /** Time of the latest revision at or before asOf (or overall): the version responses cite. */
  at: string | null;
  /** Cache and ETag key: the newest revision id and the number of committed submissions. */
  key: string;
}

/**
 * One cheap query (each max() is an index lookup). The committed-submission count joins the max id
 * so that a commit whose revision ids are lower than an earlier-committed one still moves the key.
 */
export async function readDataVersion(db: DbOrTx, asOf: string | null): Promise<DataVersion> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('revisions').select((s) => s.fn.max('id').as('m')).as('max_id'),
      (asOf
        ? eb.selectFrom('revisions').select((s) => s.fn.max('recorded_at').as('m')).where('recorded_at', '<=', asOf)
        : eb.selectFrom('revisions').select((s) => s.fn.max('recorded_at').as('m'))
      ).as('latest'),
      eb.selectFrom('submissions').select((s) => s.fn.countAll().as('c')).where('status', '=', 'committed').as('committed'),
    ])
    .executeTakeFirstOrThrow();
  const at = (row.latest as string | null) ?? null;
  return { at, key: `${row.max_id ?? 0}.${row.committed ?? 0}` };
}
