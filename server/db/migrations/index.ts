import type { Migration } from 'kysely';
import * as foundation from './2026-11-22T1800_foundation';
import * as submissions from './2026-11-22T1900_submissions';
import * as practices from './2026-11-22T1910_practices';
import * as accounts from './2026-11-22T1920_accounts';
import * as approvals from './2026-11-22T1920_approvals';
import * as analytics from './2026-11-22T1930_analytics';
import * as statementLevelReferences from './2026-11-22T2000_statement-level-references';
import * as leanBulkTables from './2026-11-22T2110_lean-bulk-tables';
import * as observationsClustered from './2026-11-22T2120_observations-clustered';
import * as distinctReferenceChecks from './2026-11-22T2130_distinct-reference-checks';
import * as auditAddressIndex from './2026-11-23T0010_audit-address-index';
import * as cellVersions from './2026-11-23T0200_cell-versions';
import * as observationsKeyOnly from './2026-11-23T0210_observations-key-only';
import * as impossibleValues from './2026-12-02T1000_impossible-values';
import * as auditRefusals from './2026-12-02T1010_audit-refusals';
import * as empact from './2026-12-02T1300_empact';
import * as practiceEmpactTags from './2026-12-02T1310_practice-empact-tags';
import * as collectionRounds from './2026-12-02T1400_collection-rounds';
import * as approvalLevels from './2026-12-02T1510_approval-levels';
import * as nutsRegions from './2026-12-02T1540_nuts-regions';
import * as domainLabels from './2026-12-02T1610_domain-labels';
import * as cellSources from './2026-12-03T0010_cell-sources';

/**
 * Every migration, by its frozen name. Names sort in the order they run: add new ones with a later
 * date prefix. A static list works the same under tsx, vitest and a bundler.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-22T1800_foundation': foundation,
  '2026-11-22T1900_submissions': submissions,
  '2026-11-22T1910_practices': practices,
  '2026-11-22T1920_accounts': accounts,
  '2026-11-22T1920_approvals': approvals,
  '2026-11-22T1930_analytics': analytics,
  '2026-11-22T2000_statement-level-references': statementLevelReferences,
  '2026-11-22T2110_lean-bulk-tables': leanBulkTables,
  '2026-11-22T2120_observations-clustered': observationsClustered,
  '2026-11-22T2130_distinct-reference-checks': distinctReferenceChecks,
  '2026-11-23T0010_audit-address-index': auditAddressIndex,
  '2026-11-23T0200_cell-versions': cellVersions,
  '2026-11-23T0210_observations-key-only': observationsKeyOnly,
  '2026-12-02T1000_impossible-values': impossibleValues,
  '2026-12-02T1010_audit-refusals': auditRefusals,
  '2026-12-02T1300_empact': empact,
  '2026-12-02T1310_practice-empact-tags': practiceEmpactTags,
  '2026-12-02T1400_collection-rounds': collectionRounds,
  '2026-12-02T1510_approval-levels': approvalLevels,
  '2026-12-02T1540_nuts-regions': nutsRegions,
  '2026-12-02T1610_domain-labels': domainLabels,
  '2026-12-03T0010_cell-sources': cellSources,
};
