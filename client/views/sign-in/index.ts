import { ApiError } from '../../api/client';
import { ROLE_LABELS, sessionLoaded, signIn } from '../../api/session';
import { errorBox, h } from '../../components/dom';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import { labelled } from '../account-parts';
import { passwordChangeForm } from './password-change';
import { signInProblem } from '../account-text';
import { viewHeader } from '../view-parts';
import { HOME, missingCredentials } from './state';

function signInForm(context: ViewContext): HTMLElement {
  const email = h('input', { type: 'email', name: 'email', required: true, autocomplete: 'username', maxlength: 254 });
  const password = h('input', { type: 'password', name: 'password', required: true, autocomplete: 'current-password' });
  const status = h('div', { 'aria-live': 'assertive', class: 'live' });
  const submit = h('button', { type: 'submit', class: 'primary', text: 'Sign in' });
  const form = h(
    'form',
    { class: 'sign-in-form', novalidate: true },
    labelled('Email address', email),
    labelled('Password', password, 'At least 12 characters.'),
    submit,
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const missing = missingCredentials(email.value, password.value);
    if (missing) {
      status.replaceChildren(errorBox(missing.message));
      (missing.field === 'password' ? password : email).focus();
      return;
    }
    submit.disabled = true;
    status.replaceChildren(h('p', { text: 'Signing in…' }));
    try {
      const session = await signIn(email.value.trim(), password.value);
      password.value = '';
      context.navigate({ view: session.user ? HOME[session.user.role] : 'explore', id: null });
    } catch (error) {
      password.value = '';
      const text =
        error instanceof ApiError
          ? signInProblem({ status: error.status, message: error.message, body: error.body })
          : `Signing in failed: ${String(error)}`;
      status.replaceChildren(errorBox(text));
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

export async function mount(container: HTMLElement, _state: ViewState, context: ViewContext): Promise<MountedView> {
  const session = await sessionLoaded();
  if (session.user) {
    const home = HOME[session.user.role];
    container.replaceChildren(
      viewHeader(
        'Your account',
        `You are signed in as ${session.user.email} (${ROLE_LABELS[session.user.role]}). Use "Sign out" in the header to change accounts.`,
      ),
      h('p', {}, h('a', { href: context.hrefFor({ view: home, id: null }), text: 'Go to your work' })),
      session.via === 'session' ? passwordChangeForm() : '',
    );
  } else {
    container.replaceChildren(
      viewHeader(
        'Sign in',
        'For national contact points, curators and the secretariat. Everyone else can use the observatory without an account.',
      ),
      signInForm(context),
      h('p', {
        class: 'hint',
        text: 'No account, or forgot your password? The secretariat issues one-time links to set a password.',
      }),
    );
  }
  // Mounted afresh on every visit: signing in or out while here changes what it shows.
  return { update: () => false };
}
