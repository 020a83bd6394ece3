import { sendJson } from '../../api/client';
import { loadSession } from '../../api/session';
import { errorBox, h } from '../../components/dom';
import { labelled, problemBox } from '../account-parts';
import { t } from '../../i18n/i18n';

const MIN_LENGTH = 12;

/** Change your own password (POST /api/session/password); the server then starts a new session. */
export function passwordChangeForm(): HTMLElement {
  const current = h('input', { type: 'password', required: true, autocomplete: 'current-password' });
  const next = h('input', { type: 'password', required: true, autocomplete: 'new-password', minlength: MIN_LENGTH });
  const repeat = h('input', { type: 'password', required: true, autocomplete: 'new-password', minlength: MIN_LENGTH });
  const status = h('div', { class: 'live', 'aria-live': 'assertive' });
  const form = h(
    'form',
    { class: 'sign-in-form', novalidate: true },
    labelled(t('account.current-password'), current),
    labelled(t('account.new-password'), next, t('account.new-password-hint-sessions', { min: MIN_LENGTH })),
    labelled(t('account.new-password-again'), repeat),
    h('button', { type: 'submit', text: t('account.change-password') }),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (next.value.length < MIN_LENGTH)
      return status.replaceChildren(
        errorBox(t('account.password-too-short', { length: next.value.length, min: MIN_LENGTH })),
      );
    if (next.value !== repeat.value) return status.replaceChildren(errorBox(t('account.passwords-differ')));
    try {
      await sendJson('POST', '/api/session/password', { currentPassword: current.value, newPassword: next.value });
      form.reset();
      // The server started a new session (new cookie, new CSRF token): read it before the next write.
      await loadSession();
      status.replaceChildren(h('p', { class: 'notice', role: 'status', text: t('account.password-changed') }));
    } catch (error) {
      current.value = '';
      status.replaceChildren(problemBox(t('account.password-not-changed'), error));
    }
  });
  return h(
    'section',
    { 'aria-labelledby': 'password-heading' },
    h('h3', { id: 'password-heading', text: t('account.change-your-password') }),
    form,
  );
}
