import { getFresh, sendJson } from '../../api/client';
import type { PracticeDetail, PracticeSearchResponse } from '../../api/types';
import { t } from '../../i18n/i18n';

export const MIN_COMMENT = 10;

/** The editorial steps a curator takes from the queue (POST /api/practice-workbench/:slug/<step>). */
export type ReviewStep = 'start-review' | 'publish';

/** Practices submitted for review and those in review, newest first. */
export function loadReviewQueue(): Promise<PracticeSearchResponse> {
  return getFresh<PracticeSearchResponse>('/api/practice-workbench', {
    state: 'submitted,in_review',
    sort: 'recency',
    pageSize: 100,
  });
}

/** The working copy a curator is about to publish. */
export function loadWorkingCopy(slug: string): Promise<PracticeDetail> {
  return getFresh<PracticeDetail>(`/api/practice-workbench/${encodeURIComponent(slug)}`);
}

export async function takeReviewStep(slug: string, step: ReviewStep): Promise<void> {
  await sendJson('POST', `/api/practice-workbench/${encodeURIComponent(slug)}/${step}`);
}

export async function returnPractice(slug: string, comment: string): Promise<void> {
  await sendJson('POST', `/api/practice-workbench/${encodeURIComponent(slug)}/return`, { comment });
}

/** A return needs comments the proposer can act on (checked before sending; the server checks again). */
export function returnProblem(comment: string): string | null {
  return comment.trim().length < MIN_COMMENT ? t('review.comment-too-short', { min: MIN_COMMENT }) : null;
}
