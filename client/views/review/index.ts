import type { PracticeSummary } from '../../api/types';
import { errorBox, h } from '../../components/dom';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import { actionButton, labelled, liveRegion, problemBox, sessionWithRole } from '../account-parts';
import { practiceStateText } from '../account-text';
import { viewHeader } from '../view-parts';
import { t } from '../../i18n/i18n';
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
      t('review.comments-label', { title: practice.title }),
      comment,
      t('review.comments-hint', { min: MIN_COMMENT }),
    ),
    h('button', { type: 'submit', text: t('review.return') }),
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
          text: t('review.returned', { title: practice.title }),
        }),
      );
      done();
    } catch (error) {
      status.replaceChildren(problemBox(t('review.return-failed'), error));
    }
  });
  return h('details', {}, h('summary', { text: t('review.return-with-comments') }), form);
}

/** The working copy a curator is about to publish: read on demand from the workbench. */
function recordDetails(practice: PracticeSummary): HTMLElement {
  const body = h('div', {}, h('p', { text: t('review.loading-record') }));
  const details = h('details', { class: 'record' }, h('summary', { text: t('review.read-record') }), body);
  details.addEventListener('toggle', async () => {
    if (!details.open || details.dataset.loaded) return;
    try {
      const detail = await loadWorkingCopy(practice.slug);
      details.dataset.loaded = 'true';
      const r = detail.record;
      body.replaceChildren(
        ...r.description.split(/\n{2,}/).map((p) => h('p', { text: p })),
        h('p', { class: 'hint', text: t('review.rating-because', { rating: detail.evidence.ratingLabel }) }),
        h('ul', {}, ...detail.evidence.reasons.map((reason) => h('li', { text: reason }))),
        h('p', { class: 'hint', text: t('review.evaluations', { count: r.evaluations.length }) }),
        h('ul', {}, ...r.evaluations.map((e) => h('li', { text: e.reference }))),
        detail.reviewComment
          ? h('p', { class: 'message', text: t('review.earlier-comments', { comment: detail.reviewComment }) })
          : '',
      );
    } catch (error) {
      body.replaceChildren(problemBox(t('review.record-failed'), error));
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
      { primary, label: t('review.action-on', { action: text, title: practice.title }) },
    );
  const actions = h('div', { class: 'inline' });
  if (practice.state === 'submitted')
    actions.append(transition(t('review.start'), 'start-review', t('review.started', { title: practice.title }), true));
  if (practice.state === 'in_review')
    actions.append(transition(t('review.publish'), 'publish', t('review.published', { title: practice.title }), true));
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
      ` · ${t('review.card-facts', {
        version: practice.version,
        geos: practice.geos.join(', ') || t('review.no-country'),
        rating: practice.ratingLabel,
      })}`,
    ),
    h('p', { text: practice.summary }),
    recordDetails(practice),
    actions,
    returnForm(practice, status, reload),
  );
}

export async function mount(container: HTMLElement, _state: ViewState, _context: ViewContext): Promise<MountedView> {
  const session = await sessionWithRole(container, t('review.title'), ['curator', 'secretariat'], t('review.who'));
  if (!session) return { update: () => false };
  const status = liveRegion();
  const list = h('div', {}, h('p', { text: t('review.loading-queue') }));
  const load = async () => {
    try {
      const answer = await loadReviewQueue();
      list.replaceChildren(
        answer.data.length
          ? h(
              'ul',
              {
                class: 'grid review-list',
                'aria-label': t('review.to-review', { count: answer.meta.total }),
              },
              ...answer.data.map((p) => practiceCard(p, status, () => void load())),
            )
          : h('p', { text: t('review.nothing') }),
      );
    } catch (error) {
      list.replaceChildren(problemBox(t('review.queue-failed'), error));
    }
  };
  await load();
  container.replaceChildren(viewHeader(t('review.title'), t('review.intro')), status, list);
  return { update: () => true };
}
