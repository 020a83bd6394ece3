import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: this migration must never import application code.

/**
 * PostgreSQL only: the references of the three bulk tables (submission_cells, revisions,
 * observations) are checked once per statement instead of once per row.
 *
 * A declared foreign key fires one trigger per row and key. A 1M-row commit fired six million of
 * them (three on revisions, three on observations) and a million more when staging: measured with
 * EXPLAIN ANALYZE on 300k rows, the observation upsert took 34 s, nearly all in those triggers.
 *
 * The same rules stay enforced, set-based: AFTER … FOR EACH STATEMENT triggers read the statement's
 * transition table and reject it (SQLSTATE 23503, "violates foreign key constraint") when a new or
 * changed row names a missing parent; on the parent side, deleting or re-keying a row that is still
 * referenced is rejected the same way. The difference: a violation is reported once per statement,
 * not per row, and the check costs one anti-join per statement. SQLite keeps its declared foreign
 * keys (it cannot drop one without rebuilding the table); its commit skips them on the connection.
 */
const REFERENCES: Array<[child: string, column: string, parent: string, key: string]> = [
  ['submission_cells', 'submission_id', 'submissions', 'id'],
  ['revisions', 'submission_id', 'submissions', 'id'],
  ['revisions', 'geo', 'geos', 'code'],
  ['revisions', 'indicator', 'indicators', 'code'],
  ['observations', 'geo', 'geos', 'code'],
  ['observations', 'indicator', 'indicators', 'code'],
  ['observations', 'revision_id', 'revisions', 'id'],
];

const trigger = (kind: 'child' | 'parent', event: string, column: string) =>
  `observatory_ref_${kind}_${event}_${column}`;

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql
    .raw(`
    create function observatory_check_children() returns trigger language plpgsql as $$
    declare missing text;
    begin
      execute format('select n.%I::text from new_rows n where n.%I is not null and not exists (select 1 from %I p where p.%I = n.%I) limit 1',
        tg_argv[0], tg_argv[0], tg_argv[1], tg_argv[2], tg_argv[0]) into missing;
      if missing is not null then
        raise exception 'insert or update on table "%" violates foreign key constraint on %: key (%)=(%) is not present in table "%"',
          tg_table_name, tg_argv[0], tg_argv[0], missing, tg_argv[1] using errcode = 'foreign_key_violation';
      end if;
      return null;
    end $$;
    create function observatory_check_parents() returns trigger language plpgsql as $$
    declare missing text;
    begin
      execute format('select o.%I::text from old_rows o where not exists (select 1 from %I p where p.%I = o.%I) and exists (select 1 from %I c where c.%I = o.%I) limit 1',
        tg_argv[2], tg_table_name, tg_argv[2], tg_argv[2], tg_argv[0], tg_argv[1], tg_argv[2]) into missing;
      if missing is not null then
        raise exception 'update or delete on table "%" violates foreign key constraint: key (%)=(%) is still referenced from table "%"',
          tg_table_name, tg_argv[2], missing, tg_argv[0] using errcode = 'foreign_key_violation';
      end if;
      return null;
    end $$;`)
    .execute(db);
  for (const [child, column, parent, key] of REFERENCES) {
    await sql.raw(`alter table ${child} drop constraint if exists ${child}_${column}_fkey`).execute(db);
    const args = `'${column}', '${parent}', '${key}'`;
    for (const event of ['insert', 'update']) {
      await sql
        .raw(`create trigger ${trigger('child', event, `${child}_${column}`)} after ${event} on ${child}
        referencing new table as new_rows for each statement execute function observatory_check_children(${args})`)
        .execute(db);
    }
    const parentArgs = `'${child}', '${column}', '${key}'`;
    for (const event of ['update', 'delete']) {
      await sql
        .raw(`create trigger ${trigger('parent', event, `${child}_${column}`)} after ${event} on ${parent}
        referencing old table as old_rows for each statement execute function observatory_check_parents(${parentArgs})`)
        .execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const [child, column, parent, key] of REFERENCES) {
    for (const event of ['insert', 'update'])
      await sql.raw(`drop trigger ${trigger('child', event, `${child}_${column}`)} on ${child}`).execute(db);
    for (const event of ['update', 'delete'])
      await sql.raw(`drop trigger ${trigger('parent', event, `${child}_${column}`)} on ${parent}`).execute(db);
    await sql
      .raw(
        `alter table ${child} add constraint ${child}_${column}_fkey foreign key (${column}) references ${parent} (${key})`,
      )
      .execute(db);
  }
  await sql.raw('drop function observatory_check_parents(); drop function observatory_check_children();').execute(db);
}
