import { sql } from 'kysely';
import type { Config } from '../config/config';
import { type Actor, actorName } from '../http/actor';
import { appendAudit } from '../audit/audit.repository';
import type { Db, DbOrTx } from '../db/database';
import { conflict, notFound } from '../http/errors';
import { type CommitResult, commitSubmission, SubmissionStateError } from '../submissions/publish/commit';
import { findSubmission } from '../submissions/store/submission.repository';
import type { SubmissionStatus } from '../db/tables/submission.table';
import { APPROVAL_REJECTED, AWAITING_APPROVAL, type ApprovalRow } from '../db/tables/approval.table';
import { clearStaged } from '../submissions/stage/staged-store';
import { type CellGuard, guardStaged } from '../submissions/stage/cell-guard';
import { levelsFor } from './approval-levels';
import { type ApprovalSubject, decideRequest, pendingAt, requestLevel } from './approval.repository';

/** Approval of commits is on per deployment: APPROVAL_REQUIRED=true. Read at each commit, so it can change with a restart. */
export function approvalRequired(config: Pick<Config, 'APPROVAL_REQUIRED'>): boolean {
  return levelsFor({ kind: 'submission', approvalRequired: config.APPROVAL_REQUIRED }).length > 0;
}

const ofSubmission = (submissionId: number, geo: string): ApprovalSubject => ({
  kind: 'submission',
  submissionId,
  geo,
});

const status = (s: SubmissionStatus) => s;

export interface ApprovalRequested {
  submissionId: number;
  status: typeof AWAITING_APPROVAL;
  requestedAt: string;
}

/**
 * What committing means for a deployment: publish now, or (with approval on) wait for the secretariat.
 * Waiting submissions keep their staged cells and add no revision, so public reads cannot see them.
 * The guard (the rounds' locks) checks the changed cells inside either transaction.
 */
export async function commitOrAwaitApproval(
  db: Db,
  submissionId: number,
  actor: Actor,
  config: Pick<Config, 'APPROVAL_REQUIRED'>,
  guard?: CellGuard,
  now?: Date,
): Promise<CommitResult | ApprovalRequested> {
  const [first] = levelsFor({ kind: 'submission', approvalRequired: config.APPROVAL_REQUIRED });
  if (!first) return commitSubmission(db, submissionId, now, guard);
  return requestApproval(db, submissionId, actor, now, guard);
}

export async function requestApproval(
  db: Db,
  submissionId: number,
  actor: Actor,
  now = new Date(),
  guard?: CellGuard,
): Promise<ApprovalRequested> {
  const requestedAt = now.toISOString();
  return db.transaction().execute(async (tx) => {
    const submission = await findSubmission(tx, submissionId);
    if (!submission) throw notFound({ key: 'submissions.missing', params: { id: String(submissionId) } });
    const moved = await tx
      .updateTable('submissions')
      .set({ status: status(AWAITING_APPROVAL) })
      .where('id', '=', submissionId)
      .where('status', '=', 'validated')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) {
      throw conflict(
        { key: 'submissions.not-committable', params: { id: String(submissionId), status: submission.status } },
        { status: submission.status },
      );
    }
    if (guard) await guardStaged(tx, submissionId, submission.geo, guard, now);
    await requestLevel(tx, ofSubmission(submissionId, submission.geo), 'secretariat', {
      by: actorName(actor),
      at: requestedAt,
    });
    return { submissionId, status: AWAITING_APPROVAL, requestedAt };
  });
}

async function pendingRequest(db: DbOrTx, submissionId: number): Promise<ApprovalRow> {
  const submission = await findSubmission(db, submissionId);
  if (!submission) throw notFound({ key: 'submissions.missing', params: { id: String(submissionId) } });
  const request = await pendingAt(db, ofSubmission(submissionId, submission.geo), 'secretariat');
  if ((submission.status as string) !== AWAITING_APPROVAL || !request) {
    throw conflict(
      { key: 'submissions.not-awaiting', params: { id: String(submissionId), status: submission.status } },
      {
        status: submission.status,
      },
    );
  }
  return request;
}

export interface DecisionEvent {
  actor: Actor;
  ip: string;
  /** The decision's moment (tests inject a clock); now by default. */
  now?: Date;
}

/** Approves a waiting submission: it is published exactly as a commit would publish it. */
export async function approveSubmission(
  db: Db,
  submissionId: number,
  event: DecisionEvent,
  note?: string,
  guard?: CellGuard,
): Promise<CommitResult> {
  const request = await pendingRequest(db, submissionId);
  // Hand the submission back to the pipeline's commit, which publishes only validated submissions.
  const claimed = await db
    .updateTable('submissions')
    .set({ status: 'validated' })
    .where('id', '=', submissionId)
    .where('status', '=', status(AWAITING_APPROVAL))
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1)
    throw conflict({ key: 'submissions.decided-elsewhere', params: { id: String(submissionId) } });
  let result: CommitResult;
  try {
    result = await commitSubmission(db, submissionId, event.now, guard);
  } catch (error) {
    await db
      .updateTable('submissions')
      .set({ status: status(AWAITING_APPROVAL) })
      .where('id', '=', submissionId)
      .where('status', '=', 'validated')
      .execute();
    if (error instanceof SubmissionStateError) throw conflict(error.text, { status: error.status });
    throw error;
  }
  await decide(db, request, 'approved', event, note ?? null);
  return result;
}

/** Rejects a waiting submission with a message for the contact point; nothing is published. */
export async function rejectSubmission(
  db: Db,
  submissionId: number,
  event: DecisionEvent,
  message: string,
): Promise<{ submissionId: number; status: string; message: string }> {
  const request = await pendingRequest(db, submissionId);
  await db.transaction().execute(async (tx) => {
    const moved = await tx
      .updateTable('submissions')
      .set({ status: status(APPROVAL_REJECTED) })
      .where('id', '=', submissionId)
      .where('status', '=', status(AWAITING_APPROVAL))
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1)
      throw conflict({ key: 'submissions.decided-elsewhere', params: { id: String(submissionId) } });
    await clearStaged(tx, submissionId);
    await decide(tx, request, 'rejected', event, message);
  });
  return { submissionId, status: APPROVAL_REJECTED, message };
}

async function decide(
  db: DbOrTx,
  request: ApprovalRow,
  decision: 'approved' | 'rejected',
  event: DecisionEvent,
  message: string | null,
): Promise<void> {
  const stamp = { by: actorName(event.actor), at: (event.now ?? new Date()).toISOString() };
  if (!(await decideRequest(db, request.id, decision, stamp, message)))
    throw conflict({
      key: 'round-approvals.submission-decided-meanwhile',
      params: { id: String(request.submission_id) },
    });
  await appendAudit(db, {
    actor: event.actor,
    ip: event.ip,
    at: event.now,
    action: decision === 'approved' ? 'submission.approve' : 'submission.reject',
    target: `submission/${request.submission_id}`,
    detail: { geo: request.geo, ...(message ? { message } : {}) },
  });
}

export interface ApprovalFilter {
  state?: 'awaiting' | 'approved' | 'rejected';
  geos?: string[];
}

/** Approval requests, newest first, limited to the geos an actor covers (the secretariat: all). */
export async function listApprovals(db: DbOrTx, actor: Actor, filter: ApprovalFilter, limit: number, offset: number) {
  let query = db
    .selectFrom('approvals as a')
    .innerJoin('submissions as s', 's.id', 'a.submission_id')
    .where('a.subject', '=', 'submission');
  if (filter.state === 'awaiting') query = query.where('a.decision', 'is', null);
  else if (filter.state) query = query.where('a.decision', '=', filter.state);
  if (filter.geos?.length) query = query.where('a.geo', 'in', filter.geos);
  if (actor.kind !== 'user') return { rows: [], total: 0 };
  if (actor.role !== 'secretariat')
    query = actor.geos.length ? query.where('a.geo', 'in', actor.geos) : query.where(sql<boolean>`1 = 0`);
  const counted = await query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select([
      'a.id',
      'a.submission_id',
      'a.geo',
      'a.requested_by',
      'a.requested_at',
      'a.decision',
      'a.decided_by',
      'a.decided_at',
      'a.message',
      's.status',
      's.file_name',
      's.submitted_by',
      's.submitted_at',
      's.cells_valid',
      's.warning_count',
    ])
    .orderBy('a.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { rows, total: Number(counted.n) };
}
