import type { DbOrTx } from '../db/database';
import type { NoticeKind } from '../db/tables/round.table';
import type { Actor } from '../http/actor';
import type { Notice } from '../shared/api/rounds';

export interface NewNotice {
  roundId: number;
  geo: string;
  kind: NoticeKind;
  /** Unique per reminder: a second attempt at the same occasion adds nothing. */
  occasion: string;
  message: string;
  now: Date;
}

/** Adds a notice unless its occasion already has one; answers whether it was added. */
export async function addNotice(db: DbOrTx, notice: NewNotice): Promise<boolean> {
  const inserted = await db
    .insertInto('round_notices')
    .values({
      round_id: notice.roundId,
      geo: notice.geo,
      kind: notice.kind,
      occasion: notice.occasion,
      message: notice.message,
      created_at: notice.now.toISOString(),
      emailed_to: null,
      emailed_at: null,
    })
    .onConflict((oc) => oc.column('occasion').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The notices for the geos an actor acts for (the secretariat: all), newest first. */
export async function noticesFor(db: DbOrTx, actor: Actor, limit = 100): Promise<Notice[]> {
  if (actor.kind !== 'user') return [];
  let query = db.selectFrom('round_notices').selectAll();
  if (actor.role !== 'secretariat') {
    if (!actor.geos.length) return [];
    query = query.where('geo', 'in', actor.geos);
  }
  const rows = await query.orderBy('id', 'desc').limit(limit).execute();
  return rows.map((n) => ({
    id: n.id,
    roundId: n.round_id,
    geo: n.geo,
    kind: n.kind,
    message: n.message,
    createdAt: n.created_at,
    emailedAt: n.emailed_at,
  }));
}
