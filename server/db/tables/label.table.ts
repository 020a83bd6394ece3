import type { Generated, Selectable } from 'kysely';

/** Append-only: a reviewer's reading of one label in one language. The catalogue files are revision 0. */
export interface LabelRevisionTable {
  id: Generated<number>;
  subject: string;
  code: string;
  locale: string;
  revision: number;
  text: string;
  reviewer: string;
  comment: string | null;
  recorded_at: string;
}

/** Derived, rebuilt from the labels: names and definitions in every language, normalised for search. */
export interface LabelSearchTable {
  id: Generated<number>;
  subject: string;
  code: string;
  search_names: string;
  search_body: string;
}

/** Append-only: one translation of a practice's curator-written fields into one language. */
export interface PracticeTranslationTable {
  id: Generated<number>;
  practice_id: number;
  locale: string;
  revision: number;
  title: string;
  summary: string;
  description: string;
  translated_by: string;
  recorded_at: string;
}

export type LabelRevisionRow = Selectable<LabelRevisionTable>;
export type PracticeTranslationRow = Selectable<PracticeTranslationTable>;
