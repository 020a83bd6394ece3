import type { PracticeSummary } from '../../api/types';
import { errorBox, h } from '../../components/dom';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import { actionButton, labelled, liveRegion, problemBox, sessionWithRole } from '../account-parts';
import { practiceStateText } from '../account-text';
import { viewHeader } from '../view-parts';
import {
  loadReviewQueue,
  loadWorkingCopy,
  MIN_COMMENT,
  returnPractice,
  returnProblem,
  type ReviewStep,
  takeReviewStep,
} from './state';

/** Return with comments: a labelled text area, checked before it is sent (the server checks again). */
function returnForm(practice: PracticeSummary, status: HTMLElement, done: () => void): HTMLElement {
  const comment = h('textarea', { rows: 3, cols: 50, required: true, maxlength: 2000 });
  const form = h(
    'form',
    { class: 'return-form', novalidate: true },
    labelled(
      `Comments for the proposer of "${practice.title}"`,
      comment,
      `What to change, in at least ${MIN_COMMENT} characters.`,
    ),
    h('button', { type: 'submit', text: 'Return with comments' }),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problem = returnProblem(comment.value);
    if (problem) {
      status.replaceChildren(errorBox(problem));
      comment.focus();
      return;
    }
    try {
      await returnPractice(practice.slug, comment.value.trim());
      status.replaceChildren(
        h('p', {
          class: 'notice',
          role: 'status',
          text: `"${practice.title}" is returned to its proposer with your comments.`,
        }),
      );
      done();
    } catch (error) {
      status.replaceChildren(problemBox('Returning failed', error));
    }
  });
  return h('details', {}, h('summary', { text: 'Return with comments…' }), form);
}

/** The working copy a curator is about to publish: read on demand from the workbench. */
function recordDetails(practice: PracticeSummary): HTMLElement {
  const body = h('div', {}, h('p', { text: 'Loading the record…' }));
  const details = h('details', { class: 'record' }, h('summary', { text: 'Read the record…' }), body);
  details.addEventListener('toggle', async () => {
    if (!details.open || details.dataset.loaded) return;
    try {
      const detail = await loadWorkingCopy(practice.slug);
      details.dataset.loaded = 'true';
      const r = detail.record;
      body.replaceChildren(
        ...r.description.split(/\n{2,}/).map((p) => h('p', { text: p })),
        h('p', { class: 'hint', text: `Rating ${detail.evidence.ratingLabel}, because:` }),
        h('ul', {}, ...detail.evidence.reasons.map((reason) => h('li', { text: reason }))),
        h('p', { class: 'hint', text: `${r.evaluations.length} evaluation${r.evaluations.length === 1 ? '' : 's'}:` }),
        h('ul', {}, ...r.evaluations.map((e) => h('li', { text: e.reference }))),
        detail.reviewComment ? h('p', { class: 'message', text: `Earlier comments: ${detail.reviewComment}` }) : '',
      );
    } catch (error) {
      body.replaceChildren(problemBox('The record could not be loaded', error));
    }
  });
  return details;
}

function practiceCard(practice: PracticeSummary, status: HTMLElement, reload: () => void): HTMLElement {
  const transition = (text: string, step: ReviewStep, outcome: string, primary = false) =>
    actionButton(
      text,
      status,
      async () => {
        await takeReviewStep(practice.slug, step);
        reload();
        return outcome;
      },
      { primary, label: `${text}: ${practice.title}` },
    );
  const actions = h('div', { class: 'inline' });
  if (practice.state === 'submitted')
    actions.append(transition('Start review', 'start-review', `"${practice.title}" is now in review.`, true));
  if (practice.state === 'in_review')
    actions.append(
      transition('Publish', 'publish', `"${practice.title}" is published: the public now sees this version.`, true),
    );
  return h(
    'li',
    { class: 'card', 'data-slug': practice.slug },
    h('h3', { text: practice.title }),
    h(
      'p',
      {},
      h('span', {
        class: `state state-${practice.state}`,
        text: practiceStateText(practice.state),
      }),
      ` · version ${practice.version} · ${practice.geos.join(', ') || 'no country'} · rating: ${practice.ratingLabel}`,
    ),
    h('p', { text: practice.summary }),
    recordDetails(practice),
    actions,
    returnForm(practice, status, reload),
  );
}

export async function mount(container: HTMLElement, _state: ViewState, _context: ViewContext): Promise<MountedView> {
  const session = await sessionWithRole(
    container,
    'Review queue',
    ['curator', 'secretariat'],
    'curators and the secretariat',
  );
  if (!session) return { update: () => false };
  const status = liveRegion();
  const list = h('div', {}, h('p', { text: 'Loading the queue…' }));
  const load = async () => {
    try {
      const answer = await loadReviewQueue();
      list.replaceChildren(
        answer.data.length
          ? h(
              'ul',
              {
                class: 'grid review-list',
                'aria-label': `${answer.meta.total} practice${answer.meta.total === 1 ? '' : 's'} to review`,
              },
              ...answer.data.map((p) => practiceCard(p, status, () => void load())),
            )
          : h('p', { text: 'Nothing to review: no practice is submitted or in review.' }),
      );
    } catch (error) {
      list.replaceChildren(problemBox('The review queue could not be loaded', error));
    }
  };
  await load();
  container.replaceChildren(
    viewHeader(
      'Review queue',
      'Practices submitted for review and those in review. Start a review, then publish the practice or return it to its proposer with comments.',
    ),
    status,
    list,
  );
  return { update: () => true };
}
