import type { Selectable } from 'kysely';

/** A saved import profile; `definition` is the profile as JSON (see profile.schema.ts). */
export interface ImportProfileTable {
  name: string;
  geo: string | null;
  definition: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export type ImportProfileRow = Selectable<ImportProfileTable>;
