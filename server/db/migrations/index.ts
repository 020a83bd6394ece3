import type { Migration } from 'kysely';
import * as foundation from './2026-11-22T1800_foundation';

/**
 * Every migration, by its frozen name. Names sort in the order they run: add new ones with a later
 * date prefix. A static list works the same under tsx, vitest and a bundler.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-22T1800_foundation': foundation,
};
