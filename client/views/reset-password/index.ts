import { readAnswer, writeHeaders } from '../../api/client';
import { errorBox, h } from '../../components/dom';
import type { MountedView, ViewContext } from '../../router';
import type { ViewState } from '../../state/url-state';
import { labelled, problemText } from '../account-parts';
import { viewHeader } from '../view-parts';

const MIN_LENGTH = 12;

/** The one-time link's token travels in the URL fragment (never sent to the server in a request line). */
function linkToken(): string | null {
  return new URLSearchParams(location.hash.slice(1)).get('token');
}

export async function mount(container: HTMLElement, _state: ViewState, context: ViewContext): Promise<MountedView> {
  const token = linkToken();
  const header = viewHeader('Set your password', `Choose a password of at least ${MIN_LENGTH} characters. The link works once.`);
  if (!token) {
    container.replaceChildren(header, errorBox('This page needs the one-time link the secretariat gave you (it ends in #token=…). Ask the secretariat for a new link.'));
    return { update: () => true };
  }
  const password = h('input', { type: 'password', required: true, autocomplete: 'new-password', minlength: MIN_LENGTH });
  const repeat = h('input', { type: 'password', required: true, autocomplete: 'new-password', minlength: MIN_LENGTH });
  const status = h('div', { class: 'live', 'aria-live': 'assertive' });
  const form = h('form', { novalidate: true },
    labelled('New password', password, `At least ${MIN_LENGTH} characters; a passphrase of several words is easiest to remember.`),
    labelled('New password again', repeat), h('button', { type: 'submit', class: 'primary', text: 'Set the password' }), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (password.value.length < MIN_LENGTH) return status.replaceChildren(errorBox(`The password has ${password.value.length} characters; it needs at least ${MIN_LENGTH}.`));
    if (password.value !== repeat.value) return status.replaceChildren(errorBox('The two passwords differ. Type the same password twice.'));
    try {
      const response = await fetch('/api/password-reset', {
        method: 'POST', headers: writeHeaders({ 'content-type': 'application/json' }), body: JSON.stringify({ token, password: password.value }),
      });
      const answer = await readAnswer<{ email: string }>(response);
      history.replaceState(null, '', location.pathname);
      form.replaceWith(h('p', { class: 'notice', role: 'status' }, `The password for ${answer.email} is set. `, h('a', { href: context.hrefFor({ view: 'sign-in', id: null }), text: 'Sign in' })));
    } catch (error) {
      status.replaceChildren(errorBox(`The password was not set: ${problemText(error)}`));
    }
  });
  container.replaceChildren(header, form);
  return { update: () => true };
}
