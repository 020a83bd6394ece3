import type { ApprovalItem as Approval } from '../../api/types';
import { radioGroup } from '../../components/controls';
import { errorBox, h } from '../../components/dom';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import { actionButton, labelled, liveRegion, problemBox, sessionWithRole } from '../account-parts';
import { timeText } from '../account-text';
import { viewHeader } from '../view-parts';
import { t } from '../../i18n/i18n';
import { approveSubmission, loadApprovalQueue, type QueueState, rejectionProblem, rejectSubmission } from './state';

function rejectForm(item: Approval, status: HTMLElement, done: () => void): HTMLElement {
  const message = h('textarea', { rows: 3, cols: 50, required: true, maxlength: 2000 });
  const form = h(
    'form',
    { novalidate: true },
    labelled(t('approvals.message-label', { id: item.submissionId }), message, t('approvals.message-hint')),
    h('button', { type: 'submit', text: t('approvals.reject') }),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problem = rejectionProblem(message.value);
    if (problem) {
      status.replaceChildren(errorBox(problem));
      message.focus();
      return;
    }
    try {
      await rejectSubmission(item.submissionId, message.value.trim());
      status.replaceChildren(
        h('p', {
          class: 'notice',
          role: 'status',
          text: t('approvals.rejected-notice', { id: item.submissionId, geo: item.geo }),
        }),
      );
      done();
    } catch (error) {
      status.replaceChildren(problemBox(t('approvals.reject-failed'), error));
    }
  });
  return h('details', {}, h('summary', { text: t('approvals.reject-with-message') }), form);
}

function approvalRow(item: Approval, status: HTMLElement, reload: () => void): HTMLElement {
  const decision = h('td', {});
  if (item.decision)
    decision.append(
      t(item.decision === 'approved' ? 'approvals.approved-by' : 'approvals.rejected-by', {
        who: item.decidedBy ?? '—',
        time: timeText(item.decidedAt),
      }),
      item.message ? h('p', { class: 'message', text: item.message }) : '',
    );
  else {
    decision.append(
      actionButton(
        t('approvals.approve'),
        status,
        async () => {
          await approveSubmission(item.submissionId);
          reload();
          return t('approvals.approved-notice', { id: item.submissionId });
        },
        { primary: true, label: t('approvals.approve-n', { id: item.submissionId }) },
      ),
      rejectForm(item, status, reload),
    );
  }
  return h(
    'tr',
    {},
    h('th', { scope: 'row', class: 'num', text: String(item.submissionId) }),
    h('td', { text: item.geo }),
    h('td', { text: item.fileName ?? '—' }),
    h('td', { text: `${item.requestedBy ?? item.submittedBy ?? '—'}, ${timeText(item.requestedAt)}` }),
    h('td', {
      class: 'num',
      text: t('approvals.cells-warnings', { cells: item.cellsValid ?? 0, warnings: item.warnings ?? 0 }),
    }),
    decision,
  );
}

export async function mount(container: HTMLElement, _state: ViewState, _context: ViewContext): Promise<MountedView> {
  const session = await sessionWithRole(container, t('approvals.title'), ['secretariat'], t('approvals.who'));
  if (!session) return { update: () => false };
  let queue: QueueState = 'awaiting';
  const status = liveRegion();
  const list = h('div', {});
  const note = h('div', {});
  const load = async () => {
    try {
      const answer = await loadApprovalQueue(queue);
      note.replaceChildren(
        answer.meta.approvalRequired
          ? ''
          : h('p', {
              class: 'notice',
              text: t('approvals.off'),
            }),
      );
      list.replaceChildren(
        answer.data.length
          ? h(
              'div',
              { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': t('approvals.title') },
              h(
                'table',
                {},
                h('caption', {
                  text: t(`approvals.caption.${queue}`, { count: answer.meta.total }),
                }),
                h(
                  'thead',
                  {},
                  h(
                    'tr',
                    {},
                    ...['submission', 'country', 'file', 'committed-by', 'valid-cells', 'decision'].map((column) =>
                      h('th', { scope: 'col', text: t(`approvals.column.${column}`) }),
                    ),
                  ),
                ),
                h('tbody', {}, ...answer.data.map((item) => approvalRow(item, status, () => void load()))),
              ),
            )
          : h('p', {
              text: t(`approvals.empty.${queue}`),
            }),
      );
    } catch (error) {
      list.replaceChildren(problemBox(t('approvals.load-failed'), error));
    }
  };
  await load();
  container.replaceChildren(
    viewHeader(t('approvals.title'), t('approvals.intro')),
    note,
    radioGroup<QueueState>({
      legend: t('approvals.show'),
      name: 'approval-state',
      selected: queue,
      choices: [
        { value: 'awaiting', label: t('approvals.filter.awaiting') },
        { value: 'approved', label: t('approvals.filter.approved') },
        { value: 'rejected', label: t('approvals.filter.rejected') },
      ],
      onChange: (v) => {
        queue = v;
        void load();
      },
    }),
    status,
    list,
  );
  return { update: () => true };
}
