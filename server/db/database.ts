import type { Kysely, Transaction } from 'kysely';
import type { ApiTokenTable, PasswordResetTable, SessionTable, UserTable } from './tables/account.table';
import type { ApprovalTable } from './tables/approval.table';
import type { AuditLogTable, AuditRefusalTable } from './tables/audit.table';
import type { GeoGroupMemberTable, GeoTable, PublishedRateTable } from './tables/geo.table';
import type { IndicatorTable, ThemeTable } from './tables/indicator.table';
import type { LabelRevisionTable, LabelSearchTable, PracticeTranslationTable } from './tables/label.table';
import type { ObservationTable, RevisionTable, SourceTable } from './tables/observation.table';
import type {
  PracticeListingFacetTable,
  PracticeListingTable,
  PracticeTable,
  PracticeVersionTable,
} from './tables/practice.table';
import type { ImportProfileTable } from './tables/profile.table';
import type { StagedPartTable, SubmissionTable } from './tables/submission.table';
import type {
  CollectionRoundTable,
  CollectionRoundVersionTable,
  NationalRepresentativeTable,
  RoundLockExceptionTable,
  RoundNoticeTable,
  RoundPartTable,
  RoundUnavailableCellTable,
} from './tables/round.table';

export interface Database {
  geos: GeoTable;
  geo_group_members: GeoGroupMemberTable;
  published_rates: PublishedRateTable;
  themes: ThemeTable;
  indicators: IndicatorTable;
  submissions: SubmissionTable;
  staged_parts: StagedPartTable;
  revisions: RevisionTable;
  observations: ObservationTable;
  sources: SourceTable;
  practices: PracticeTable;
  practice_versions: PracticeVersionTable;
  practice_listings: PracticeListingTable;
  practice_listing_facets: PracticeListingFacetTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  password_resets: PasswordResetTable;
  audit_log: AuditLogTable;
  audit_refusals: AuditRefusalTable;
  approvals: ApprovalTable;
  import_profiles: ImportProfileTable;
  collection_rounds: CollectionRoundTable;
  collection_round_versions: CollectionRoundVersionTable;
  round_parts: RoundPartTable;
  round_unavailable_cells: RoundUnavailableCellTable;
  round_lock_exceptions: RoundLockExceptionTable;
  round_notices: RoundNoticeTable;
  national_representatives: NationalRepresentativeTable;
  label_revisions: LabelRevisionTable;
  label_search: LabelSearchTable;
  practice_translations: PracticeTranslationTable;
}

export type Db = Kysely<Database>;
/** Either the database or an open transaction: repository functions accept both. */
export type DbOrTx = Kysely<Database> | Transaction<Database>;
