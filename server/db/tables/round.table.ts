import type { Generated, Selectable } from 'kysely';

/** A collection round: what the observatory asks which geos to deliver, and by when (DHIS2's data set). */
export interface CollectionRoundTable {
  id: Generated<number>;
  name: string;
  /** JSON arrays of indicator codes, periods ("2024") and geo codes. */
  indicators: string;
  periods: string;
  geos: string;
  /** Calendar dates (YYYY-MM-DD, UTC): each day counts in full. */
  opens_on: string;
  due_on: string;
  locks_on: string;
  clean_validation: number;
  two_level_approval: number;
  guidance: string;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** Every version of a round's definition, as JSON; `after_opening` marks the changes contact points must be shown. */
export interface CollectionRoundVersionTable {
  round_id: number;
  version: number;
  definition: string;
  changed_by: string;
  changed_at: string;
  after_opening: number;
}

export const PART_STATES = ['open', 'complete', 'approved', 'accepted'] as const;
export type PartState = (typeof PART_STATES)[number];

/**
 * One geo's part of a round: completed by a contact point, approved nationally, accepted by the secretariat.
 * `state` is where the part stands (each move is one conditional update); who approved it and when are
 * rows of `approvals` (server/approvals/).
 */
export interface RoundPartTable {
  round_id: number;
  geo: string;
  state: PartState;
  completed_at: string | null;
  completed_by: string | null;
}

/** A figure a contact point declared not to exist nationally, and why (not the same as not delivered). */
export interface RoundUnavailableCellTable {
  round_id: number;
  geo: string;
  indicator: string;
  period: string;
  reason: string;
  declared_by: string;
  declared_at: string;
}

/** A time-limited permission for one geo to change a round's cells after its lock date. */
export interface RoundLockExceptionTable {
  id: Generated<number>;
  round_id: number;
  geo: string;
  until: string;
  reason: string;
  granted_by: string;
  granted_at: string;
  /** Set when the secretariat ends the exception early; the row stays. */
  revoked_by: string | null;
  revoked_at: string | null;
  revoke_reason: string | null;
}

export const NOTICE_KINDS = ['opened', 'due-soon', 'overdue', 'returned'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** An in-app notice to a geo's contact points; `occasion` is unique, so a reminder is never sent twice. */
export interface RoundNoticeTable {
  id: Generated<number>;
  round_id: number;
  geo: string;
  kind: NoticeKind;
  occasion: string;
  /** English text; a notice added before keys existed has only this. */
  message: string;
  /** The notice as a catalogue key and its values (JSON), rendered in the reader's language. */
  message_key: string | null;
  message_params: string | null;
  created_at: string;
  emailed_to: string | null;
  emailed_at: string | null;
}

/** Contact points who approve their country's part of a round (the first level of two-level approval). */
export interface NationalRepresentativeTable {
  geo: string;
  email: string;
  granted_by: string;
  granted_at: string;
}

export type CollectionRoundRow = Selectable<CollectionRoundTable>;
export type RoundPartRow = Selectable<RoundPartTable>;
export type RoundNoticeRow = Selectable<RoundNoticeTable>;
