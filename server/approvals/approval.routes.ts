import { z } from 'zod';
import { codeList } from '../http/query';
import { defineRoute } from '../http/route';
import { ApprovalsAnswerSchema } from '../shared/api/approvals';
import { CommitAnswerSchema, CommitRequestSchema } from '../shared/api/submissions';
import { auditConfirmation, settleConfirmation } from '../submissions/publish/confirmation';
import type { CellGuardFactory } from '../submissions/stage/cell-guard';
import { CONTACTS, geoOfSubmission, IdParams, stateError } from '../submissions/submission.routes';
import {
  approvalRequired,
  approveSubmission,
  commitOrAwaitApproval,
  listApprovals,
  rejectSubmission,
} from './approval.service';

/**
 * Publishing: commit (straight away, or into the approval queue when APPROVAL_REQUIRED=true), approve,
 * reject. `guard` checks the changed cells inside each write transaction (the composition root passes
 * the rounds' locks: 409 naming the round and its date).
 */
export const approvalRoutes = (guard: CellGuardFactory) => [
  defineRoute({
    method: 'post',
    path: '/api/submissions/:id/commit',
    tag: 'submissions',
    summary:
      'Publish a validated submission as new revisions, all or nothing (with approval on: send it to the secretariat for approval)',
    access: { kind: 'geo-scoped', roles: [...CONTACTS], geos: (ctx) => geoOfSubmission(ctx.db, ctx.params.id) },
    params: IdParams,
    body: CommitRequestSchema,
    response: CommitAnswerSchema,
    // With APPROVAL_REQUIRED=true the submission waits for the secretariat instead (server/approvals).
    // A round's locked cells stay locked (server/rounds/locks.ts): 409 naming the round and its date.
    // Changes beyond threshold need `confirm`, and the confirmation is audited (publish/confirmation.ts).
    handler: async ({ db, params, actor, config, body, ip }) => {
      const confirmed = await settleConfirmation(db, params.id, body);
      const check = guard();
      const answer = await commitOrAwaitApproval(db, params.id, actor, config, check).catch(stateError);
      if (confirmed) await auditConfirmation(db, { actor, ip, submissionId: params.id }, confirmed);
      return { ...answer, ...(check.coverage ? { rounds: check.coverage } : {}) };
    },
  }),

  defineRoute({
    method: 'get',
    path: '/api/approvals',
    tag: 'submissions',
    summary:
      "Submissions waiting for (or decided by) the secretariat's approval; contact points see their own geos, with rejection messages",
    access: { kind: 'roles', roles: ['contact_point', 'secretariat'] },
    query: z.object({
      state: z.enum(['awaiting', 'approved', 'rejected']).optional(),
      geo: codeList.optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    response: ApprovalsAnswerSchema,
    handler: async ({ db, actor, query, config }) => {
      const { rows, total } = await listApprovals(
        db,
        actor,
        { state: query.state, geos: query.geo },
        query.limit,
        query.offset,
      );
      return {
        data: rows.map((r) => ({
          submissionId: r.submission_id!,
          geo: r.geo,
          status: r.status,
          fileName: r.file_name,
          submittedBy: r.submitted_by,
          submittedAt: r.submitted_at,
          cellsValid: r.cells_valid,
          warnings: r.warning_count,
          requestedBy: r.requested_by,
          requestedAt: r.requested_at,
          decision: r.decision,
          decidedBy: r.decided_by,
          decidedAt: r.decided_at,
          message: r.message,
        })),
        meta: { approvalRequired: approvalRequired(config), total, limit: query.limit, offset: query.offset },
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/submissions/:id/approve',
    tag: 'submissions',
    summary: 'Approve a submission awaiting approval: its values are published (secretariat)',
    access: { kind: 'roles', roles: ['secretariat'] },
    audit: { action: 'submission.approve', byHandler: true },
    params: IdParams,
    body: z.object({ note: z.string().trim().min(1).max(2000).optional() }).optional(),
    handler: ({ db, actor, ip, params, body }) => approveSubmission(db, params.id, { actor, ip }, body?.note, guard()),
  }),
  defineRoute({
    method: 'post',
    path: '/api/submissions/:id/reject',
    tag: 'submissions',
    summary:
      'Reject a submission awaiting approval, with a message for the contact point; nothing is published (secretariat)',
    access: { kind: 'roles', roles: ['secretariat'] },
    audit: { action: 'submission.reject', byHandler: true },
    params: IdParams,
    body: z.object({
      message: z.string().trim().min(5, 'say what is wrong, so the contact point can correct it').max(2000),
    }),
    handler: ({ db, actor, ip, params, body }) => rejectSubmission(db, params.id, { actor, ip }, body.message),
  }),
];
