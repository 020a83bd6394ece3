import type { Generated, Insertable, Selectable } from 'kysely';

/** Append-only: every value a cell has ever had, with the submission that supplied it. */
export interface RevisionTable {
  id: Generated<number>;
  submission_id: number;
  geo: string;
  indicator: string;
  period: string;
  period_start: string;
  value: number | null;
  flags: string;
  note: string | null;
  recorded_at: string;
}

/** The current value of each cell: a pointer to its latest revision, kept for fast reads. */
export interface ObservationTable {
  geo: string;
  indicator: string;
  period: string;
  period_start: string;
  value: number | null;
  flags: string;
  revision_id: number;
  recorded_at: string;
}

export type RevisionRow = Selectable<RevisionTable>;
export type NewRevision = Insertable<RevisionTable>;
export type ObservationRow = Selectable<ObservationTable>;
