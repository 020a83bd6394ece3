import type { UserView } from '../../api/types';
import { ROLE_LABELS } from '../../api/session';
import { h } from '../../components/dom';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import { actionButton, liveRegion, problemBox, sessionWithRole, shownOnce } from '../account-parts';
import { timeText } from '../account-text';
import { tokenPanel } from './token-panel';
import { createUserForm, editUserForm } from './forms';
import { viewHeader } from '../view-parts';
import { disableUser, enableUser, issuePasswordLink, loadRepresentatives, loadUsers, stateText } from './state';
import { representativesPanel } from './representatives';

function userRow(user: UserView, status: HTMLElement, links: HTMLElement, reload: () => void): HTMLElement {
  const actions = h('td', { class: 'actions' });
  if (user.active) {
    actions.append(
      editUserForm(user, status, reload),
      actionButton(
        'Disable',
        status,
        async () => {
          await disableUser(user.id);
          reload();
          return `${user.email} is disabled: their sessions ended and their tokens stopped working.`;
        },
        { label: `Disable ${user.email}` },
      ),
    );
  } else {
    actions.append(
      actionButton(
        'Enable',
        status,
        async () => {
          await enableUser(user.id);
          reload();
          return `${user.email} is enabled again.`;
        },
        { label: `Enable ${user.email}` },
      ),
    );
  }
  actions.append(
    actionButton(
      'Password link',
      status,
      async () => {
        const answer = await issuePasswordLink(user.id);
        links.replaceChildren(
          shownOnce(
            `Password link for ${user.email}`,
            answer.link,
            `Hand this link to ${user.email}: it sets a new password, works once, expires ${timeText(answer.expiresAt)}, and is shown only now. Earlier links stop working.`,
          ),
        );
        return `A one-time password link for ${user.email} is shown above the list.`;
      },
      { label: `Issue a password link for ${user.email}` },
    ),
  );
  return h(
    'tr',
    { 'data-email': user.email },
    h(
      'th',
      { scope: 'row' },
      user.email,
      user.displayName ? h('span', { class: 'hint', text: ` ${user.displayName}` }) : '',
    ),
    h('td', { text: ROLE_LABELS[user.role] }),
    h('td', { text: user.geos.join(', ') || '—' }),
    h('td', { text: stateText(user) }),
    actions,
  );
}

export async function mount(container: HTMLElement, _state: ViewState, _context: ViewContext): Promise<MountedView> {
  const session = await sessionWithRole(container, 'Users and tokens', ['secretariat'], 'the secretariat');
  if (!session) return { update: () => false };
  const status = liveRegion();
  const links = h('div', {});
  const list = h('div', {}, h('p', { text: 'Loading the users…' }));
  const representatives = h('div', {});
  let owners = new Map<number, string>();
  const load = async () => {
    try {
      const [answer, named] = await Promise.all([loadUsers(), loadRepresentatives()]);
      representatives.replaceChildren(representativesPanel(answer.data, named.data, status, () => void load()));
      owners = new Map(answer.data.map((u) => [u.id, u.email]));
      list.replaceChildren(
        h(
          'div',
          { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Users' },
          h(
            'table',
            { class: 'users' },
            h('caption', { text: `Users (${answer.data.length})` }),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ...['Email', 'Role', 'Countries', 'State', 'Actions'].map((t) => h('th', { scope: 'col', text: t })),
              ),
            ),
            h('tbody', {}, ...answer.data.map((u) => userRow(u, status, links, () => void load()))),
          ),
        ),
      );
    } catch (error) {
      list.replaceChildren(problemBox('The users could not be listed', error));
    }
  };
  await load();
  container.replaceChildren(
    viewHeader(
      'Users and tokens',
      'Create accounts (each gets a one-time link to set a password: there are no default passwords), change roles and countries, disable accounts, and manage API tokens.',
    ),
    status,
    createUserForm(status, () => void load()),
    h('section', { 'aria-labelledby': 'users-heading' }, h('h3', { id: 'users-heading', text: 'Users' }), links, list),
    representatives,
    tokenPanel({ everyone: true, owners: () => owners }),
  );
  return { update: () => true };
}
