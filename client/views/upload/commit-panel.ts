import type { SubmissionPreview } from '../../api/types';
import { forgetAnswers } from '../../api/client';
import { errorBox, h, uniqueId } from '../../components/dom';
import { t } from '../../i18n/i18n';
import { submissionStatusText, timeText } from '../account-text';
import { confirmationField, confirmValue } from './confirm';
import { commitBlocker } from './left-out';
import { authMessage, commitUpload } from './transfer';

/** Why Commit is disabled now, or null: the file itself, else confirmations not yet given. */
export function disabledReason(answer: SubmissionPreview, confirmed: boolean): string | null {
  const blocked = commitBlocker(answer);
  if (blocked) return blocked;
  if (answer.status !== 'validated') return t('upload.submission-is', { status: submissionStatusText(answer.status) });
  if (!answer.report.valid) return t('upload.fix-and-upload');
  if (answer.confirmation && !confirmed)
    return t('upload-checks.blocked-unconfirmed', { count: answer.confirmation.count });
  return null;
}

/**
 * The commit button with, beside it, why it is disabled (named by the button's aria-describedby), and
 * above it the changes that need confirming: the box must be ticked before the button is enabled, and
 * the commit sends the cells it names. `status` hears the outcome.
 */
export function commitPanel(answer: SubmissionPreview, status: HTMLElement): HTMLElement {
  const reasonId = uniqueId('commit-reason');
  const reason = h('p', { class: 'hint', id: reasonId });
  const button = h('button', { type: 'button', class: 'primary', text: t('upload.commit') });
  let confirmed = false;
  const refresh = () => {
    const why = disabledReason(answer, confirmed);
    button.disabled = why !== null;
    reason.textContent = why ?? '';
    if (why) button.setAttribute('aria-describedby', reasonId);
    else button.removeAttribute('aria-describedby');
  };
  const confirmation = answer.confirmation ?? null;
  const field =
    confirmation && !commitBlocker(answer) && answer.status === 'validated'
      ? confirmationField(confirmation, (checked) => {
          confirmed = checked;
          refresh();
        })
      : '';
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const confirm = confirmation ? confirmValue(confirmation) : undefined;
      const result = await commitUpload(answer.submissionId, confirm);
      forgetAnswers();
      status.replaceChildren(
        h('p', {
          class: 'notice',
          role: 'status',
          text:
            'requestedAt' in result
              ? t('upload.committed-awaiting', { id: answer.submissionId })
              : t('upload.committed', {
                  id: answer.submissionId,
                  count: result.revisionsAdded,
                  time: timeText(result.committedAt),
                }),
        }),
      );
    } catch (error) {
      status.replaceChildren(errorBox(t('upload.commit-failed', { problem: authMessage(error) })));
      button.disabled = false;
    }
  });
  refresh();
  return h('div', { class: 'commit-panel' }, field, button, reason);
}
