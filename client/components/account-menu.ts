import { type SessionState, signOut, viewsFor } from '../api/session';
import { t } from '../i18n/i18n';
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
    area.replaceChildren(h('a', { 'data-view': 'sign-in', href: '/sign-in', text: t('account.sign-in') }));
    return;
  }
  const button = h('button', { type: 'button', class: 'sign-out', text: t('account.sign-out') });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await signOut();
      announce(t('account.signed-out'));
      onSignedOut();
    } catch (error) {
      area.append(
        errorBox(t('account.sign-out-failed', { message: error instanceof Error ? error.message : String(error) })),
      );
      button.disabled = false;
    }
  });
  const scope = user.geos.length ? ` · ${user.geos.join(', ')}` : '';
  area.replaceChildren(
    h(
      'span',
      { class: 'who' },
      h('a', { class: 'email', href: '/sign-in', title: t('account.your-account'), text: user.email }),
      h('span', { class: 'role', text: ` · ${t(`account.role.${user.role}`)}${scope}` }),
    ),
    button,
  );
}
