/** The answer's shape lives with the other submission answers, for the dashboard. */
export type { ChangedCell, SubmissionDiff } from '../../shared/api/submissions';

export const CHANGED_LISTED = 500;
