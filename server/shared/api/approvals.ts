import { z } from 'zod';
import { SUBMISSION_STATUSES } from './submissions';

export const APPROVAL_DECISIONS = ['approved', 'rejected'] as const;

/** One submission waiting for, or decided by, the secretariat's approval (GET /api/approvals). */
export const ApprovalItemSchema = z.object({
  submissionId: z.number(),
  geo: z.string(),
  status: z.enum(SUBMISSION_STATUSES),
  fileName: z.string(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  cellsValid: z.number(),
  warnings: z.number(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decision: z.enum(APPROVAL_DECISIONS).nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  message: z
    .string()
    .nullable()
    .describe('Why it was rejected (shown to the contact point), or a note with an approval'),
});

export const ApprovalsAnswerSchema = z.object({
  data: z.array(ApprovalItemSchema),
  meta: z.object({ approvalRequired: z.boolean(), total: z.number(), limit: z.number(), offset: z.number() }),
});

export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];
export type ApprovalItem = z.infer<typeof ApprovalItemSchema>;
export type ApprovalsAnswer = z.infer<typeof ApprovalsAnswerSchema>;
