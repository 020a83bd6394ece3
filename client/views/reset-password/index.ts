import { errorBox, h } from '../../components/dom';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import { labelled, problemText } from '../account-parts';
import { viewHeader } from '../view-parts';
import { linkToken, MIN_LENGTH, newPasswordProblem, setPassword } from './state';

export async function mount(container: HTMLElement, _state: ViewState, context: ViewContext): Promise<MountedView> {
  const token = linkToken(location.hash);
  const header = viewHeader(
    'Set your password',
    `Choose a password of at least ${MIN_LENGTH} characters. The link works once.`,
  );
  if (!token) {
    container.replaceChildren(
      header,
      errorBox(
        'This page needs the one-time link the secretariat gave you (it ends in #token=…). Ask the secretariat for a new link.',
      ),
    );
    return { update: () => true };
  }
  const password = h('input', {
    type: 'password',
    required: true,
    autocomplete: 'new-password',
    minlength: MIN_LENGTH,
  });
  const repeat = h('input', { type: 'password', required: true, autocomplete: 'new-password', minlength: MIN_LENGTH });
  const status = h('div', { class: 'live', 'aria-live': 'assertive' });
  const form = h(
    'form',
    { novalidate: true },
    labelled(
      'New password',
      password,
      `At least ${MIN_LENGTH} characters; a passphrase of several words is easiest to remember.`,
    ),
    labelled('New password again', repeat),
    h('button', { type: 'submit', class: 'primary', text: 'Set the password' }),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problem = newPasswordProblem(password.value, repeat.value);
    if (problem) return status.replaceChildren(errorBox(problem));
    try {
      const answer = await setPassword(token, password.value);
      history.replaceState(null, '', location.pathname);
      form.replaceWith(
        h(
          'p',
          { class: 'notice', role: 'status' },
          `The password for ${answer.email} is set. `,
          h('a', { href: context.hrefFor({ view: 'sign-in', id: null }), text: 'Sign in' }),
        ),
      );
    } catch (error) {
      status.replaceChildren(errorBox(`The password was not set: ${problemText(error)}`));
    }
  });
  container.replaceChildren(header, form);
  return { update: () => true };
}
