import type { DbOrTx } from '../db/database';
import { toCsv } from '../http/csv';
import { CANONICAL_COLUMNS } from './read/read-plan';

/**
 * The canonical template for a country, pre-filled with the last known value of every published cell
 * (and its note), so a contact point edits figures instead of typing codes.
 */
export async function submissionTemplate(db: DbOrTx, geo: string): Promise<string> {
  const rows = await db
    .selectFrom('observations as o')
    .select(['o.geo', 'o.indicator', 'o.period', 'o.value', 'o.flags', 'o.note'])
    .where('o.geo', '=', geo)
    .orderBy('o.indicator')
    .orderBy('o.period_start')
    .execute();
  return toCsv(
    rows.map((r) => ({ ...r, note: r.note ?? '' })),
    [...CANONICAL_COLUMNS],
  );
}
