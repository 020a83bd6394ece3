/**
 * API answer types, derived from the server's own route definitions through `import type`:
 * there is no second, hand-copied set of API types to drift.
 */
import type { auditRoutes } from '../../server/audit/audit.routes';
import type { geoRoutes } from '../../server/geos/geo.routes';
import type { indicatorRoutes } from '../../server/indicators/indicator.routes';
import type { RouteResponse } from '../../server/http/route';

/** The JSON a route's handler answers with (file/status answers excluded). */
export type Answer<Route> = Route extends { handler: (...args: never[]) => infer Result } ? Exclude<Awaited<Result>, RouteResponse> : never;

/** The list answer among a feature's routes (the one shaped `{ data: [...] }`). */
export type ListAnswer<Routes extends readonly unknown[]> = Extract<Answer<Routes[number]>, { data: unknown[] }>;

export type GeosAnswer = ListAnswer<typeof geoRoutes>;
export type Geo = GeosAnswer['data'][number];
export type IndicatorsAnswer = ListAnswer<typeof indicatorRoutes>;
export type Indicator = IndicatorsAnswer['data'][number];
export type Theme = IndicatorsAnswer['themes'][number];
export type AuditAnswer = ListAnswer<typeof auditRoutes>;
export type AuditEntry = AuditAnswer['data'][number];
export type { ObservationsResponse as ObservationsAnswer, ObservationView as Observation } from '../../server/observations/observation.routes';

/**
 * The submissions and approval route arrays are declared `AnyRoute[]` on the server, which erases
 * their answer types; until they are declared without that annotation, these two list items are
 * written out here from the handlers in server/submissions/submission.routes.ts and
 * server/approvals/approval.routes.ts.
 */
export interface SubmissionListItem {
  submissionId: number;
  status: string;
  submittedBy: string | null;
  submittedAt: string;
  committedAt: string | null;
  withdrawnAt: string | null;
  fileName: string | null;
  cellsValid: number | null;
  errorCount: number | null;
  warningCount: number | null;
}

export interface ApprovalItem {
  submissionId: number;
  geo: string;
  status: string;
  fileName: string | null;
  submittedBy: string | null;
  submittedAt: string;
  cellsValid: number | null;
  warnings: number | null;
  requestedBy: string | null;
  requestedAt: string | null;
  decision: 'approved' | 'rejected' | null;
  decidedBy: string | null;
  decidedAt: string | null;
  message: string | null;
}

export interface ApprovalsAnswer {
  data: ApprovalItem[];
  meta: { approvalRequired: boolean; total: number; limit: number; offset: number };
}
