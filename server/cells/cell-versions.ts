import { sql } from 'kysely';
import type { DbOrTx } from '../db/database';

/**
 * Every version of every cell: the current ones (observations) and the superseded ones (revisions),
 * as one subquery with the same columns. `current` is 1 for a current version. Filters on the
 * outer query are pushed into both halves by SQLite and PostgreSQL alike.
 */
export function cellVersions(db: DbOrTx) {
  const current = db
    .selectFrom('observations')
    .select([
      'geo',
      'indicator',
      'period',
      'period_start',
      'value',
      'flags',
      'note',
      'revision_id as id',
      'submission_id',
      'recorded_at',
      'source',
      sql<number>`1`.as('current'),
    ]);
  const superseded = db
    .selectFrom('revisions')
    .select([
      'geo',
      'indicator',
      'period',
      'period_start',
      'value',
      'flags',
      'note',
      'id',
      'submission_id',
      'recorded_at',
      'source',
      sql<number>`0`.as('current'),
    ]);
  return current.unionAll(superseded).as('v');
}
