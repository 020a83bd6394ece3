import { ROLE_LABELS, type SessionState, signOut, viewsFor } from '../api/session';
import { announce, errorBox, h } from './dom';

/** The header's account area and the navigation entries a role may use. */
export function renderAccount(session: SessionState, onSignedOut: () => void): void {
  const user = session.user;
  const allowed = viewsFor(user?.role ?? null);
  for (const item of document.querySelectorAll<HTMLElement>('[data-account-view]')) {
    item.hidden = !allowed.includes(item.dataset.accountView!);
  }
  const area = document.getElementById('account');
  if (!area) return;
  if (!user) {
    area.replaceChildren(h('a', { 'data-view': 'sign-in', href: '/sign-in', text: 'Sign in' }));
    return;
  }
  const button = h('button', { type: 'button', class: 'sign-out', text: 'Sign out' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await signOut();
      announce('You are signed out.');
      onSignedOut();
    } catch (error) {
      area.append(errorBox(`Signing out failed: ${error instanceof Error ? error.message : String(error)}`));
      button.disabled = false;
    }
  });
  const scope = user.geos.length ? ` · ${user.geos.join(', ')}` : '';
  area.replaceChildren(
    h(
      'span',
      { class: 'who' },
      h('a', { class: 'email', href: '/sign-in', title: 'Your account', text: user.email }),
      h('span', { class: 'role', text: ` · ${ROLE_LABELS[user.role]}${scope}` }),
    ),
    button,
  );
}
