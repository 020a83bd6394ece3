import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: this migration must never import application code.

/** The largest finite double and the smallest normal one: outside them a stored value is no real figure. */
const LARGEST = '1.7976931348623157e308';
const SMALLEST_NORMAL = '2.2250738585072014e-308';

/**
 * Before issue 15, uploads could store values that are not figures: Infinity (from "1e309"), NaN,
 * subnormals (4.9e-324) and populations below 1. Data is never overwritten, so this migration does
 * not change them: it lists each one in `value_anomalies` (current cells and superseded revisions)
 * and says how many it found. Analytics treats such values as missing (server/analytics/rate.ts);
 * the secretariat corrects them with a new revision. In PostgreSQL NaN sorts above every number, so
 * "> largest" finds it too; SQLite stores NaN as NULL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const idType = db.getExecutor().adapter instanceof PostgresAdapter ? 'serial' : 'integer';
  await db.schema
    .createTable('value_anomalies')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('found_in', 'text', (c) => c.notNull())
    .addColumn('revision_id', 'bigint')
    .addColumn('geo', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value_text', 'text', (c) => c.notNull())
    .addColumn('problem', 'text', (c) => c.notNull())
    .execute();
  for (const table of ['observations', 'revisions'] as const) {
    const source = sql.table(table);
    const revision = table === 'observations' ? sql.ref('revision_id') : sql.ref('id');
    await sql`insert into value_anomalies (found_in, revision_id, geo, indicator, period, value_text, problem)
      select ${table}, ${revision}, geo, indicator, period, cast(value as text),
        case when value > ${sql.raw(LARGEST)} or value < -${sql.raw(LARGEST)} then 'not finite'
             when value <> 0 and value > -${sql.raw(SMALLEST_NORMAL)} and value < ${sql.raw(SMALLEST_NORMAL)} then 'subnormal'
             else 'population below 1' end
      from ${source}
      where value > ${sql.raw(LARGEST)} or value < -${sql.raw(LARGEST)}
        or (value <> 0 and value > -${sql.raw(SMALLEST_NORMAL)} and value < ${sql.raw(SMALLEST_NORMAL)})
        or (indicator = 'POP_JAN' and value < 1)`.execute(db);
  }
  const found = await sql<{ n: number | string }>`select count(*) as n from value_anomalies`.execute(db);
  const n = Number(found.rows[0]?.n ?? 0);
  if (n > 0) console.warn(`migration: ${n} stored values are not plausible figures; see the table value_anomalies.`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('value_anomalies').execute();
}
