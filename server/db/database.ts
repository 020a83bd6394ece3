import type { Kysely, Transaction } from 'kysely';
import type { GeoGroupMemberTable, GeoTable } from '../geos/geo.table';
import type { IndicatorTable, ThemeTable } from '../indicators/indicator.table';
import type { ObservationTable, RevisionTable } from '../observations/observation.table';
import type { SubmissionCellTable, SubmissionTable } from '../submissions/submission.table';

export interface Database {
  geos: GeoTable;
  geo_group_members: GeoGroupMemberTable;
  themes: ThemeTable;
  indicators: IndicatorTable;
  submissions: SubmissionTable;
  submission_cells: SubmissionCellTable;
  revisions: RevisionTable;
  observations: ObservationTable;
}

export type Db = Kysely<Database>;
/** Either the database or an open transaction: repository functions accept both. */
export type DbOrTx = Kysely<Database> | Transaction<Database>;
