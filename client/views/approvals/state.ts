import { getFresh, sendJson } from '../../api/client';
import type { ApprovalsAnswer } from '../../api/types';
import { t } from '../../i18n/i18n';

/** Which part of the queue is shown: waiting submissions, or those already decided. */
export type QueueState = 'awaiting' | 'approved' | 'rejected';

export function loadApprovalQueue(queue: QueueState): Promise<ApprovalsAnswer> {
  return getFresh<ApprovalsAnswer>('/api/approvals', { state: queue, limit: 200 });
}

export async function approveSubmission(id: number): Promise<void> {
  await sendJson('POST', `/api/submissions/${id}/approve`);
}

export async function rejectSubmission(id: number, message: string): Promise<void> {
  await sendJson('POST', `/api/submissions/${id}/reject`, { message });
}

/** A rejection needs a message the contact point can act on (the server's rule: at least 5 characters). */
export function rejectionProblem(message: string): string | null {
  return message.trim().length < 5 ? t('approvals.message-too-short') : null;
}
