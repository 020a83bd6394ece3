import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: this migration must never import application code.

/**
 * One approval model for the two that grew apart: the secretariat's approval of a submission
 * (APPROVAL_REQUIRED, table submission_approvals) and a round's two-level approval (who approved and
 * accepted a country's part, columns of round_parts). Each row of `approvals` is one request at one
 * level (national, then secretariat) for one subject (a submission, or a country's part of a round),
 * with its decision; an un-approval withdraws it, with a reason, and the row stays.
 * Submission approvals keep their ids. Lock exceptions gain a revocation.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('approvals')
    .addColumn('id', postgres ? 'serial' : 'integer', (c) => c.primaryKey())
    .addColumn('subject', 'varchar(16)', (c) => c.notNull())
    .addColumn('submission_id', 'integer', (c) => c.references('submissions.id'))
    .addColumn('round_id', 'integer', (c) => c.references('collection_rounds.id'))
    .addColumn('geo', 'varchar(16)', (c) => c.notNull())
    .addColumn('level', 'varchar(16)', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('decision', 'varchar(16)')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('message', 'text')
    .addColumn('withdrawn_by', 'text')
    .addColumn('withdrawn_at', 'varchar(32)')
    .addColumn('withdrawn_reason', 'text')
    .execute();
  await db.schema.createIndex('approvals_submission').on('approvals').column('submission_id').execute();
  await db.schema.createIndex('approvals_round_part').on('approvals').columns(['round_id', 'geo']).execute();
  await db.schema.createIndex('approvals_decision').on('approvals').columns(['subject', 'decision', 'geo']).execute();

  const submissionRows = await db.selectFrom('submission_approvals').selectAll().orderBy('id').execute();
  for (const row of submissionRows) {
    await db
      .insertInto('approvals')
      .values({ ...row, subject: 'submission', round_id: null, level: 'secretariat' })
      .execute();
  }
  if (postgres) {
    // Rows inserted with their ids leave the sequence behind; the next request must not reuse one.
    await sql`select setval(pg_get_serial_sequence('approvals', 'id'), coalesce((select max(id) from approvals), 0) + 1, false)`.execute(
      db,
    );
  }
  await carryPartsOver(db);
  await db.schema.dropTable('submission_approvals').execute();
  for (const column of ['accepted_by', 'accepted_at', 'approved_by', 'approved_at']) {
    await db.schema.alterTable('round_parts').dropColumn(column).execute();
  }
  await db.schema.alterTable('round_lock_exceptions').addColumn('revoked_by', 'text').execute();
  await db.schema.alterTable('round_lock_exceptions').addColumn('revoked_at', 'varchar(32)').execute();
  await db.schema.alterTable('round_lock_exceptions').addColumn('revoke_reason', 'text').execute();
}

/**
 * A part's decisions become rows: the national approval and the secretariat's acceptance that were
 * given, and the one request still waiting (a complete part of a two-level round awaits its national
 * representative; an approved one awaits the secretariat).
 */
async function carryPartsOver(db: Kysely<any>): Promise<void> {
  const parts = await db
    .selectFrom('round_parts as p')
    .innerJoin('collection_rounds as r', 'r.id', 'p.round_id')
    .select([
      'p.round_id',
      'p.geo',
      'p.state',
      'p.completed_at',
      'p.completed_by',
      'p.approved_at',
      'p.approved_by',
      'p.accepted_at',
      'p.accepted_by',
      'r.two_level_approval',
    ])
    .orderBy('p.round_id')
    .orderBy('p.geo')
    .execute();
  for (const p of parts) {
    // A complete part waits for a national approval only in a two-level round; later states always had one.
    if (p.state === 'open' || (p.state === 'complete' && Number(p.two_level_approval) !== 1)) continue;
    const part = { subject: 'round-part', submission_id: null, round_id: p.round_id, geo: p.geo };
    const national = {
      ...part,
      level: 'national',
      requested_by: p.completed_by ?? 'system',
      requested_at: p.completed_at ?? p.approved_at ?? '',
    };
    if (p.state === 'complete') {
      await db.insertInto('approvals').values(national).execute();
      continue;
    }
    await db
      .insertInto('approvals')
      .values({ ...national, decision: 'approved', decided_by: p.approved_by, decided_at: p.approved_at })
      .execute();
    const secretariat = {
      ...part,
      level: 'secretariat',
      requested_by: p.approved_by ?? 'system',
      requested_at: p.approved_at ?? '',
    };
    const accepted =
      p.state === 'accepted' ? { decision: 'approved', decided_by: p.accepted_by, decided_at: p.accepted_at } : {};
    await db
      .insertInto('approvals')
      .values({ ...secretariat, ...accepted })
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const column of ['revoke_reason', 'revoked_at', 'revoked_by']) {
    await db.schema.alterTable('round_lock_exceptions').dropColumn(column).execute();
  }
  for (const column of ['approved_at', 'approved_by', 'accepted_at', 'accepted_by']) {
    await db.schema
      .alterTable('round_parts')
      .addColumn(column, column.endsWith('_at') ? 'varchar(32)' : 'text')
      .execute();
  }
  const given = await db
    .selectFrom('approvals')
    .select(['round_id', 'geo', 'level', 'decided_by', 'decided_at'])
    .where('subject', '=', 'round-part')
    .where('decision', '=', 'approved')
    .where('withdrawn_at', 'is', null)
    .execute();
  for (const a of given) {
    const set =
      a.level === 'national'
        ? { approved_by: a.decided_by, approved_at: a.decided_at }
        : { accepted_by: a.decided_by, accepted_at: a.decided_at };
    await db.updateTable('round_parts').set(set).where('round_id', '=', a.round_id).where('geo', '=', a.geo).execute();
  }
  await db.schema
    .createTable('submission_approvals')
    .addColumn('id', postgres ? 'serial' : 'integer', (c) => c.primaryKey())
    .addColumn('submission_id', 'integer', (c) => c.notNull().references('submissions.id'))
    .addColumn('geo', 'varchar(16)', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('decision', 'varchar(16)')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('message', 'text')
    .execute();
  await db.schema
    .createIndex('submission_approvals_submission')
    .on('submission_approvals')
    .column('submission_id')
    .execute();
  await db.schema
    .createIndex('submission_approvals_decision')
    .on('submission_approvals')
    .columns(['decision', 'geo'])
    .execute();
  const submissionRows = await db
    .selectFrom('approvals')
    .select([
      'id',
      'submission_id',
      'geo',
      'requested_by',
      'requested_at',
      'decision',
      'decided_by',
      'decided_at',
      'message',
    ])
    .where('subject', '=', 'submission')
    .orderBy('id')
    .execute();
  for (const row of submissionRows) await db.insertInto('submission_approvals').values(row).execute();
  if (postgres) {
    await sql`select setval(pg_get_serial_sequence('submission_approvals', 'id'), coalesce((select max(id) from submission_approvals), 0) + 1, false)`.execute(
      db,
    );
  }
  await db.schema.dropTable('approvals').execute();
}
