import type { ApprovalItem as Approval } from '../../api/types';
import { radioGroup } from '../../components/controls';
import { errorBox, h } from '../../components/dom';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import { actionButton, labelled, liveRegion, problemBox, sessionWithRole } from '../account-parts';
import { timeText } from '../account-text';
import { viewHeader } from '../view-parts';
import { approveSubmission, loadApprovalQueue, type QueueState, rejectionProblem, rejectSubmission } from './state';

function rejectForm(item: Approval, status: HTMLElement, done: () => void): HTMLElement {
  const message = h('textarea', { rows: 3, cols: 50, required: true, maxlength: 2000 });
  const form = h(
    'form',
    { novalidate: true },
    labelled(
      `Message to the contact point for submission ${item.submissionId}`,
      message,
      'What is wrong, so they can correct it (at least 5 characters).',
    ),
    h('button', { type: 'submit', text: 'Reject' }),
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
          text: `Submission ${item.submissionId} is rejected; ${item.geo}'s contact point sees your message.`,
        }),
      );
      done();
    } catch (error) {
      status.replaceChildren(problemBox('Rejecting failed', error));
    }
  });
  return h('details', {}, h('summary', { text: 'Reject with a message…' }), form);
}

function approvalRow(item: Approval, status: HTMLElement, reload: () => void): HTMLElement {
  const decision = h('td', {});
  if (item.decision)
    decision.append(
      `${item.decision === 'approved' ? 'Approved' : 'Rejected'} by ${item.decidedBy ?? '—'}, ${timeText(item.decidedAt)}`,
      item.message ? h('p', { class: 'message', text: item.message }) : '',
    );
  else {
    decision.append(
      actionButton(
        'Approve',
        status,
        async () => {
          await approveSubmission(item.submissionId);
          reload();
          return `Submission ${item.submissionId} is approved: its figures are published.`;
        },
        { primary: true, label: `Approve submission ${item.submissionId}` },
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
    h('td', { class: 'num', text: `${item.cellsValid ?? 0} (${item.warnings ?? 0} warnings)` }),
    decision,
  );
}

export async function mount(container: HTMLElement, _state: ViewState, _context: ViewContext): Promise<MountedView> {
  const session = await sessionWithRole(container, 'Approval queue', ['secretariat'], 'the secretariat');
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
              text: 'Approval is off in this deployment: commits publish at once. Start the server with APPROVAL_REQUIRED=true to hold them for approval.',
            }),
      );
      list.replaceChildren(
        answer.data.length
          ? h(
              'div',
              { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Approval queue' },
              h(
                'table',
                {},
                h('caption', {
                  text: `Submissions ${queue === 'awaiting' ? 'awaiting approval' : queue} (${answer.meta.total})`,
                }),
                h(
                  'thead',
                  {},
                  h(
                    'tr',
                    {},
                    ...['Submission', 'Country', 'File', 'Committed by', 'Valid cells', 'Decision'].map((t) =>
                      h('th', { scope: 'col', text: t }),
                    ),
                  ),
                ),
                h('tbody', {}, ...answer.data.map((item) => approvalRow(item, status, () => void load()))),
              ),
            )
          : h('p', {
              text: queue === 'awaiting' ? 'No submission is waiting for approval.' : `No ${queue} submissions.`,
            }),
      );
    } catch (error) {
      list.replaceChildren(problemBox('The approval queue could not be loaded', error));
    }
  };
  await load();
  container.replaceChildren(
    viewHeader(
      'Approval queue',
      'Committed submissions wait here until you approve them (their figures are then published) or reject them with a message for the contact point.',
    ),
    note,
    radioGroup<QueueState>({
      legend: 'Show',
      name: 'approval-state',
      selected: queue,
      choices: [
        { value: 'awaiting', label: 'Waiting' },
        { value: 'approved', label: 'Approved' },
        { value: 'rejected', label: 'Rejected' },
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
