import { sql } from 'kysely';
import type { DbOrTx } from '../db/database';
import { engineOf } from '../db/engine';

/**
 * Points the current-value table (observations) at a commit's new revisions: the one engine-specific
 * upsert. The commit's revisions are the ids above `afterRevisionId` (commits are serialised).
 *
 * SQLite: INSERT ... ON CONFLICT DO UPDATE.
 * PostgreSQL: MERGE, which joins the new revisions to the current values once (a hash join) instead
 * of probing the primary key before every row as ON CONFLICT does: measured on the 1M-row bench,
 * 12.1 s instead of 22.5 s. Nested loops are ruled out for the statement: while the MERGE inserts,
 * a nested loop would rescan the rows it has just added, once per new revision.
 */
export async function moveCurrentValues(tx: DbOrTx, submissionId: number, afterRevisionId: number): Promise<void> {
  const committed = tx
    .selectFrom('revisions')
    .select(['geo', 'indicator', 'period', 'period_start', 'value', 'flags', 'id', 'recorded_at'])
    .where('id', '>', afterRevisionId)
    .where('submission_id', '=', submissionId);

  if (engineOf(tx) === 'postgres') {
    await sql`set local enable_nestloop = off`.execute(tx);
    await tx
      .mergeInto('observations as o')
      .using(committed.as('r'), (join) => join.onRef('o.indicator', '=', 'r.indicator').onRef('o.geo', '=', 'r.geo').onRef('o.period', '=', 'r.period'))
      .whenMatched()
      .thenUpdateSet((eb) => ({ value: eb.ref('r.value'), flags: eb.ref('r.flags'), revision_id: eb.ref('r.id'), recorded_at: eb.ref('r.recorded_at') }))
      .whenNotMatched()
      .thenInsertValues((eb) => ({
        geo: eb.ref('r.geo'),
        indicator: eb.ref('r.indicator'),
        period: eb.ref('r.period'),
        period_start: eb.ref('r.period_start'),
        value: eb.ref('r.value'),
        flags: eb.ref('r.flags'),
        revision_id: eb.ref('r.id'),
        recorded_at: eb.ref('r.recorded_at'),
      }))
      .execute();
    await sql`reset enable_nestloop`.execute(tx);
    return;
  }

  await tx
    .insertInto('observations')
    .columns(['geo', 'indicator', 'period', 'period_start', 'value', 'flags', 'revision_id', 'recorded_at'])
    .expression(committed)
    .onConflict((oc) =>
      oc.columns(['indicator', 'geo', 'period']).doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        flags: eb.ref('excluded.flags'),
        revision_id: eb.ref('excluded.revision_id'),
        recorded_at: eb.ref('excluded.recorded_at'),
      })),
    )
    .execute();
}
