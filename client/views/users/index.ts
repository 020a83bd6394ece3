import type { UserView } from '../../api/types';
import { h, uniqueId } from '../../components/dom';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import { actionButton, liveRegion, problemBox, sessionWithRole, shownOnce } from '../account-parts';
import { roleName, timeText } from '../account-text';
import { t } from '../../i18n/i18n';
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
        t('users.disable'),
        status,
        async () => {
          await disableUser(user.id);
          reload();
          return t('users.disabled-notice', { email: user.email });
        },
        { label: t('users.disable-n', { email: user.email }) },
      ),
    );
  } else {
    actions.append(
      actionButton(
        t('users.enable'),
        status,
        async () => {
          await enableUser(user.id);
          reload();
          return t('users.enabled-notice', { email: user.email });
        },
        { label: t('users.enable-n', { email: user.email }) },
      ),
    );
  }
  actions.append(
    actionButton(
      t('users.password-link'),
      status,
      async () => {
        const answer = await issuePasswordLink(user.id);
        links.replaceChildren(
          shownOnce(
            t('users.password-link-for', { email: user.email }),
            answer.link,
            t('users.hand-reset-link', { email: user.email, expires: timeText(answer.expiresAt) }),
          ),
        );
        return t('users.link-shown', { email: user.email });
      },
      { label: t('users.issue-link-n', { email: user.email }) },
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
    h('td', { text: roleName(user.role) }),
    h('td', { text: user.geos.join(', ') || '—' }),
    h('td', { text: stateText(user) }),
    actions,
  );
}

export async function mount(container: HTMLElement, _state: ViewState, _context: ViewContext): Promise<MountedView> {
  const session = await sessionWithRole(container, t('users.title'), ['secretariat'], t('approvals.who'));
  if (!session) return { update: () => false };
  const status = liveRegion();
  const links = h('div', {});
  const list = h('div', {}, h('p', { text: t('users.loading') }));
  const representatives = h('div', {});
  let owners = new Map<number, string>();
  const load = async () => {
    try {
      const [answer, named] = await Promise.all([loadUsers(), loadRepresentatives()]);
      representatives.replaceChildren(representativesPanel(answer.data, named.data, status, () => void load()));
      owners = new Map(answer.data.map((u) => [u.id, u.email]));
      // The scrolling table is named by its caption: the section around it is already "Users".
      const caption = uniqueId('users-caption');
      list.replaceChildren(
        h(
          'div',
          { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': caption },
          h(
            'table',
            { class: 'users' },
            h('caption', { id: caption, text: t('users.caption', { count: answer.data.length }) }),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ...['email', 'role', 'countries', 'state', 'actions'].map((column) =>
                  h('th', { scope: 'col', text: t(`users.column.${column}`) }),
                ),
              ),
            ),
            h('tbody', {}, ...answer.data.map((u) => userRow(u, status, links, () => void load()))),
          ),
        ),
      );
    } catch (error) {
      list.replaceChildren(problemBox(t('users.list-failed'), error));
    }
  };
  await load();
  container.replaceChildren(
    viewHeader(t('users.title'), t('users.intro')),
    status,
    createUserForm(status, () => void load()),
    h(
      'section',
      { 'aria-labelledby': 'users-heading' },
      h('h3', { id: 'users-heading', text: t('users.users') }),
      links,
      list,
    ),
    representatives,
    tokenPanel({ everyone: true, owners: () => owners }),
  );
  return { update: () => true };
}
