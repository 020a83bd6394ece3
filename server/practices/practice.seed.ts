import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SYSTEM_ACTOR } from '../http/actor';
import { DATA_DIR } from '../catalogue/paths';
import type { Db } from '../db/database';
import { describeZodError } from '../http/mount';
import { loadPracticeVocabulary } from './practice.catalogue-check';
import { countPractices } from './practice.repository';
import { PracticeInput } from '../shared/api/practice-record';
import { createPractice } from './practice.service';

export const PRACTICE_SEED_DIR = path.join(DATA_DIR, 'practices/entries');
export const PRACTICE_SEED_AUTHOR = 'seed';

/** Every seed file validated by the practice schema; the file name (without .json) is the slug. */
export function readPracticeSeed(dir = PRACTICE_SEED_DIR): PracticeInput[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = PracticeInput.safeParse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
      if (!parsed.success)
        throw new Error(`data/practices/entries/${file}: ${describeZodError(parsed.error, 'field')}`);
      return { ...parsed.data, slug: parsed.data.slug ?? file.replace(/\.json$/, '') };
    });
}

/** Loads the written catalogue as published practices into an empty catalogue; returns how many. */
export async function loadPracticeSeed(db: Db, dir = PRACTICE_SEED_DIR): Promise<number> {
  if ((await countPractices(db)) > 0) return 0;
  const practices = readPracticeSeed(dir);
  await db.transaction().execute(async (tx) => {
    const vocabulary = await loadPracticeVocabulary(tx);
    for (const input of practices) {
      await createPractice(
        tx,
        SYSTEM_ACTOR,
        input,
        { state: 'published', action: 'seed', author: PRACTICE_SEED_AUTHOR },
        vocabulary,
      );
    }
  });
  return practices.length;
}
