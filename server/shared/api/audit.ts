import { z } from 'zod';
import { AUDIT_OUTCOMES } from '../audit-outcomes';

/** One audit entry as GET /api/audit answers it. */
export const AuditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string().describe('The actor\'s email, "anonymous" or "system"'),
  actorId: z.number().nullable(),
  via: z.string(),
  ip: z.string(),
  action: z.string().describe('e.g. submission.commit, session.login-failed, user.role-change'),
  target: z.string().describe('e.g. submission/42, user/7; empty when the action has no single target'),
  outcome: z.enum(AUDIT_OUTCOMES),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

export const AuditAnswerSchema = z.object({
  data: z.array(AuditEntrySchema),
  meta: z.object({ total: z.number(), limit: z.number(), offset: z.number(), count: z.number() }),
});

export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditAnswer = z.infer<typeof AuditAnswerSchema>;
