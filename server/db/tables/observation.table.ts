import type { Insertable, Selectable } from 'kysely';

/**
 * Append-only: every version of a cell that a later commit superseded, kept with its original
 * revision id, submission and recording time. A cell's current version is in observations; its whole
 * history is the union of the two (cell-versions.ts).
 */
export interface RevisionTable {
  id: number;
  submission_id: number;
  geo: string;
  indicator: string;
  period: string;
  period_start: string;
  value: number | null;
  flags: string;
  note: string | null;
  recorded_at: string;
  /** The source that delivered this version (sources.code). */
  source: string;
}

/** The current version of each cell: its latest revision, in full. */
export interface ObservationTable {
  geo: string;
  indicator: string;
  period: string;
  period_start: string;
  value: number | null;
  flags: string;
  note: string | null;
  revision_id: number;
  submission_id: number;
  recorded_at: string;
  /** Part of the key: each source keeps its own current version of a cell. */
  source: string;
}

/** A dataset cells come from; the best-ranked source that has a cell gives its preferred value. */
export interface SourceTable {
  code: string;
  publisher: string;
  dataset: string;
  title: string;
  rank: number;
}

export type SourceRow = Selectable<SourceTable>;
export type RevisionRow = Selectable<RevisionTable>;
export type NewRevision = Insertable<RevisionTable>;
export type ObservationRow = Selectable<ObservationTable>;
