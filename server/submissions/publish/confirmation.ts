import type { DbOrTx } from '../../db/database';
import type { Actor } from '../../http/actor';
import { HttpError } from '../../http/errors';
import { appendAudit } from '../../audit/audit.repository';
import { type CommitRequest, type Confirmation, confirmKey } from '../../shared/api/submissions';
import { findSubmission } from '../store/submission.repository';

/** Cells named in a refusal's message; the answer's details list every listed one. */
const NAMED_IN_MESSAGE = 5;

/**
 * What a commit must settle before it publishes: a submission that would load no cell is refused
 * (409 `no-cells`, whatever its stored status says), and the changes beyond threshold against
 * published data (pipeline: `change-needs-confirmation`) must be confirmed, all with `confirm: true`
 * or each by "INDICATOR/GEO/PERIOD" (409 `confirmation-needed` naming the cells otherwise). Answers
 * the confirmation the commit carries, for the audit log; null when nothing needed confirming.
 */
export async function settleConfirmation(
  db: DbOrTx,
  submissionId: number,
  request: CommitRequest,
): Promise<Confirmation | null> {
  const submission = await findSubmission(db, submissionId);
  // A missing or already committed submission is the commit's own refusal to make (404, 409 with its status).
  if (submission?.status !== 'validated') return null;
  if (submission.cells_valid === 0)
    throw new HttpError(409, 'no-cells', { key: 'submissions.no-cells', params: { id: submissionId } });
  // The stored report's JSON (pipeline.ts StoredReport), read here without importing the pipeline.
  const confirmation = (JSON.parse(submission.report) as { confirmation?: Confirmation | null }).confirmation ?? null;
  if (!confirmation || request.confirm === true) return confirmation;
  const given = new Set(request.confirm ?? []);
  const unconfirmed = confirmation.cells.map(confirmKey).filter((key) => !given.has(key));
  const unlisted = confirmation.count - confirmation.cells.length;
  if (!unconfirmed.length && !unlisted) return confirmation;
  throw new HttpError(
    409,
    'confirmation-needed',
    {
      key: 'submissions.confirmation-needed',
      params: {
        id: submissionId,
        count: unconfirmed.length + unlisted,
        cells: unconfirmed.slice(0, NAMED_IN_MESSAGE).join(', '),
        more: Math.max(0, unconfirmed.length + unlisted - NAMED_IN_MESSAGE),
      },
    },
    { cells: unconfirmed, unlisted },
  );
}

/** The audit entry of a confirmed commit: who confirmed which cells, with their published and new values. */
export async function auditConfirmation(
  db: DbOrTx,
  event: { actor: Actor; ip: string; submissionId: number },
  confirmation: Confirmation,
): Promise<void> {
  await appendAudit(db, {
    actor: event.actor,
    ip: event.ip,
    action: 'submission.confirm-changes',
    target: `submission/${event.submissionId}`,
    detail: {
      count: confirmation.count,
      cells: confirmation.cells.map((c) => ({ cell: confirmKey(c), published: c.published, value: c.value })),
    },
  });
}
