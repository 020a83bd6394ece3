import { sendJson } from '../../api/client';
import { loadSession } from '../../api/session';
import { errorBox, h } from '../../components/dom';
import { labelled, problemBox } from '../account-parts';

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
    labelled('Current password', current),
    labelled('New password', next, `At least ${MIN_LENGTH} characters; your other sessions end.`),
    labelled('New password again', repeat),
    h('button', { type: 'submit', text: 'Change the password' }),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (next.value.length < MIN_LENGTH)
      return status.replaceChildren(
        errorBox(`The new password has ${next.value.length} characters; it needs at least ${MIN_LENGTH}.`),
      );
    if (next.value !== repeat.value)
      return status.replaceChildren(errorBox('The two new passwords differ. Type the same password twice.'));
    try {
      await sendJson('POST', '/api/session/password', { currentPassword: current.value, newPassword: next.value });
      form.reset();
      // The server started a new session (new cookie, new CSRF token): read it before the next write.
      await loadSession();
      status.replaceChildren(
        h('p', { class: 'notice', role: 'status', text: 'Your password is changed. Your other sessions have ended.' }),
      );
    } catch (error) {
      current.value = '';
      status.replaceChildren(problemBox('The password was not changed', error));
    }
  });
  return h(
    'section',
    { 'aria-labelledby': 'password-heading' },
    h('h3', { id: 'password-heading', text: 'Change your password' }),
    form,
  );
}
