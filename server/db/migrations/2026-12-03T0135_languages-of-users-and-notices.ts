import type { Kysely } from 'kysely';

// Frozen: this migration must never import application code.

/**
 * Languages for people who are written to (issue 16, docs/i18n.md).
 * - users.language: the language a user reads e-mails and notices in (en, nl, fr, de); null until
 *   the user signs in for the first time (it then follows their browser) or chooses one.
 * - round_notices.message_key / message_params: a notice as a catalogue key and its values (JSON),
 *   rendered in each reader's language. Earlier notices keep only their English `message`, which
 *   stays as written and is shown as it is; new notices keep an English `message` too, for readers
 *   of the table that do not render keys.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('language', 'varchar(8)').execute();
  await db.schema.alterTable('round_notices').addColumn('message_key', 'varchar(64)').execute();
  await db.schema.alterTable('round_notices').addColumn('message_params', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('round_notices').dropColumn('message_params').execute();
  await db.schema.alterTable('round_notices').dropColumn('message_key').execute();
  await db.schema.alterTable('users').dropColumn('language').execute();
}
