import type { DbOrTx } from '../db/database';
import type { NoticeKind } from '../db/tables/round.table';
import type { Actor } from '../http/actor';
import type { Notice } from '../shared/api/rounds';
import type { Locale, LocalisedText, MessageParams } from '../shared/i18n';
import { translate } from '../i18n/translate';

export interface NewNotice {
  roundId: number;
  geo: string;
  kind: NoticeKind;
  /** Unique per reminder: a second attempt at the same occasion adds nothing. */
  occasion: string;
  /** Stored as key and values, rendered in each reader's language (an English copy is kept beside it). */
  message: LocalisedText;
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
      message: translate('en', notice.message),
      message_key: notice.message.key,
      message_params: JSON.stringify(notice.message.params ?? {}),
      created_at: notice.now.toISOString(),
      emailed_to: null,
      emailed_at: null,
    })
    .onConflict((oc) => oc.column('occasion').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

interface StoredNotice {
  message: string;
  message_key: string | null;
  message_params: string | null;
}

/** A notice in one language: from its key when it has one; a notice stored before keys existed reads as written. */
export function noticeText(notice: StoredNotice, locale: Locale): string {
  if (!notice.message_key) return notice.message;
  const params = notice.message_params ? (JSON.parse(notice.message_params) as MessageParams) : {};
  return translate(locale, { key: notice.message_key, params });
}

/** The notices for the geos an actor acts for (the secretariat: all), newest first, in the reader's language. */
export async function noticesFor(db: DbOrTx, actor: Actor, locale: Locale, limit = 100): Promise<Notice[]> {
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
    message: noticeText(n, locale),
    createdAt: n.created_at,
    emailedAt: n.emailed_at,
  }));
}
