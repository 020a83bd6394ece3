import type { DbOrTx } from '../db/database';
import type { PracticeTranslationRow } from '../db/tables/label.table';
import { type Actor, actorName } from '../http/actor';
import { badRequest } from '../http/errors';
import { translate } from '../i18n/translate';
import type { Locale } from '../shared/i18n';
import type { PracticeTranslationInput } from '../shared/api/practice-record';
import type { PracticeLanguage } from '../shared/api/practices';
import { refreshSearchTexts } from './practice.search-text';
import { findVersion, parseRecord } from './practice.repository';
import { requirePractice } from './practice.service';

function languageName(code: string, reader: Locale): string {
  return new Intl.DisplayNames([reader], { type: 'language', fallback: 'code' }).of(code) ?? code;
}

/** The curator-written fields in the reader's language when there is a translation, else the original, noted. */
export function inReaderLanguage<T extends { title: string; summary: string; description?: string }>(
  written: T & { language?: string },
  translation: PracticeTranslationRow | undefined,
  reader: Locale,
): { fields: T; language: PracticeLanguage } {
  const original = written.language ?? 'en';
  if (original === reader)
    return { fields: written, language: { original, shown: original, translated: false, note: null } };
  const name = languageName(original, reader);
  if (translation) {
    const fields = { ...written, title: translation.title, summary: translation.summary };
    if (written.description !== undefined) fields.description = translation.description;
    const note = translate(reader, { key: 'labels.practice-translated', params: { language: name } });
    return { fields, language: { original, shown: reader, translated: true, note } };
  }
  const note = translate(reader, {
    key: 'labels.practice-original',
    params: { language: name, reader: languageName(reader, reader) },
  });
  return { fields: written, language: { original, shown: original, translated: false, note } };
}

/** Adds a translation as a new revision (an earlier one is never overwritten) and makes it searchable. */
export async function addTranslation(
  db: DbOrTx,
  actor: Actor,
  slug: string,
  locale: Locale,
  input: PracticeTranslationInput,
): Promise<{ slug: string; locale: Locale; revision: number }> {
  const practice = await requirePractice(db, slug);
  const current = await findVersion(db, practice.id, practice.current_version);
  if (current && parseRecord(current).language === locale) {
    throw badRequest({ key: 'labels.practice-same-language', params: { slug, locale } });
  }
  const last = await db
    .selectFrom('practice_translations')
    .select((eb) => eb.fn.max('revision').as('revision'))
    .where('practice_id', '=', practice.id)
    .where('locale', '=', locale)
    .executeTakeFirst();
  const revision = Number(last?.revision ?? 0) + 1;
  await db
    .insertInto('practice_translations')
    .values({
      practice_id: practice.id,
      locale,
      revision,
      ...input,
      translated_by: actorName(actor),
      recorded_at: new Date().toISOString(),
    })
    .execute();
  await refreshSearchTexts(db, practice.id);
  return { slug, locale, revision };
}

/** Every revision of every translation of a practice, oldest first. */
export async function translationHistory(db: DbOrTx, slug: string) {
  const practice = await requirePractice(db, slug);
  const rows = await db
    .selectFrom('practice_translations')
    .selectAll()
    .where('practice_id', '=', practice.id)
    .orderBy('locale')
    .orderBy('revision')
    .execute();
  return {
    slug,
    translations: rows.map((r) => ({
      locale: r.locale,
      revision: r.revision,
      title: r.title,
      summary: r.summary,
      description: r.description,
      translatedBy: r.translated_by,
      recordedAt: r.recorded_at,
    })),
  };
}
