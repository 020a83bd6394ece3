import type { DbOrTx } from '../db/database';
import type { AuditRefusalRow } from '../db/tables/audit.table';

/** Aggregated refusals are kept this many days (AUDIT_REFUSAL_RETENTION_DAYS), then removed. */
export const DEFAULT_REFUSAL_RETENTION_DAYS = 90;
/** How often one process removes expired rows: pruning on every refusal would double a flood's writes. */
const PRUNE_EVERY_MS = 60 * 60_000;
let lastPrune = 0;

/** "2026-12-02T10:15Z": the minute an instant falls in. */
export function minuteOf(at: Date): string {
  return `${at.toISOString().slice(0, 16)}Z`;
}

/**
 * Counts one refused anonymous request: adds 1 to its address, route family and minute, creating
 * the row at the minute's first refusal. A flood from one address adds one row a minute per route.
 */
export async function countRefusal(
  db: DbOrTx,
  ip: string,
  family: string,
  at = new Date(),
  retentionDays = DEFAULT_REFUSAL_RETENTION_DAYS,
): Promise<void> {
  const when = at.toISOString();
  await addRefusals(db, { ip, family, minute: minuteOf(at), count: 1, first_at: when, last_at: when }, retentionDays);
}

/** Adds `count` refusals to a row of an address, route family and minute (the rate limiter writes a minute's at once). */
export async function addRefusals(
  db: DbOrTx,
  refusals: AuditRefusalRow,
  retentionDays = DEFAULT_REFUSAL_RETENTION_DAYS,
): Promise<void> {
  await db
    .insertInto('audit_refusals')
    .values(refusals)
    .onConflict((oc) =>
      oc.columns(['ip', 'family', 'minute']).doUpdateSet((eb) => ({
        count: eb('audit_refusals.count', '+', refusals.count),
        last_at: refusals.last_at,
      })),
    )
    .execute();
  const now = Date.parse(refusals.last_at);
  if (now - lastPrune > PRUNE_EVERY_MS) {
    lastPrune = now;
    await pruneRefusals(db, new Date(now), retentionDays);
  }
}

/** Removes rows older than the retention; answers how many went. */
export async function pruneRefusals(
  db: DbOrTx,
  now = new Date(),
  days = DEFAULT_REFUSAL_RETENTION_DAYS,
): Promise<number> {
  const before = minuteOf(new Date(now.getTime() - days * 86_400_000));
  const result = await db.deleteFrom('audit_refusals').where('minute', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}

export interface RefusalFilter {
  ip?: string;
  /** ISO instants; `from` inclusive, `to` exclusive, compared by minute. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** Rows newest minute first, with the total that match and the refusals they count. */
export async function listRefusals(
  db: DbOrTx,
  filter: RefusalFilter,
): Promise<{ rows: AuditRefusalRow[]; total: number; refusals: number }> {
  let query = db.selectFrom('audit_refusals');
  if (filter.ip) query = query.where('ip', '=', filter.ip);
  if (filter.from) query = query.where('minute', '>=', minuteOf(new Date(filter.from)));
  if (filter.to) query = query.where('minute', '<', minuteOf(new Date(filter.to)));
  const totals = await query
    .select((eb) => [
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string | null>('count').as('refusals'),
    ])
    .executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('minute', 'desc')
    .orderBy('ip')
    .orderBy('family')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { rows, total: Number(totals.n), refusals: Number(totals.refusals ?? 0) };
}
