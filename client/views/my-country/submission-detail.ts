import { forgetAnswers, getFresh } from '../../api/client';
import type { SubmissionListItem, SubmissionPreview } from '../../api/types';
import { h } from '../../components/dom';
import { t } from '../../i18n/i18n';
import { actionButton, problemBox } from '../account-parts';
import { timeText } from '../account-text';
import { diffSection, reportSection } from '../upload/report';
import { commitUpload } from '../upload/transfer';
import { commitPanel } from '../upload/commit-panel';

/** GET /api/submissions/:id: the stored report and how the file was read, with its diff if still validated. */
type SubmissionDetail = Omit<SubmissionPreview, 'duplicateOf'>;

function commitAction(id: number, status: HTMLElement, reload: () => void): HTMLElement {
  return actionButton(
    t('my-country.commit-n', { id }),
    status,
    async () => {
      const result = await commitUpload(id);
      forgetAnswers();
      reload();
      return 'requestedAt' in result
        ? t('upload.committed-awaiting', { id })
        : t('upload.committed', { id, count: result.revisionsAdded, time: timeText(result.committedAt) });
    },
    { primary: true },
  );
}

/**
 * A past submission reopened: its validation report and its changes, read on demand; a validated one
 * that passed can be committed from here, without uploading the file again.
 */
export function submissionDetail(row: SubmissionListItem, status: HTMLElement, reload: () => void): HTMLElement {
  const id = row.submissionId;
  const body = h('div', {}, h('p', { text: t('my-country.loading-report') }));
  const details = h(
    'details',
    { class: 'submission-detail' },
    h('summary', { text: t('my-country.open-report'), 'aria-label': t('my-country.open-report-n', { id }) }),
    body,
  );
  details.addEventListener('toggle', async () => {
    if (!details.open || details.dataset.loaded) return;
    try {
      const detail = await getFresh<SubmissionDetail>(`/api/submissions/${id}`);
      details.dataset.loaded = 'true';
      const preview: SubmissionPreview = { ...detail, duplicateOf: null };
      const committable = detail.status === 'validated' && detail.report.valid;
      body.replaceChildren(
        reportSection(preview),
        diffSection(preview),
        // Changes beyond threshold are committed through the panel whose checkbox names them.
        committable ? (detail.confirmation ? commitPanel(preview, status) : commitAction(id, status, reload)) : '',
      );
    } catch (error) {
      body.replaceChildren(problemBox(t('my-country.report-failed', { id }), error));
    }
  });
  return details;
}
