import { ApiError } from '../../api/client';
import { sessionLoaded, signIn } from '../../api/session';
import { t } from '../../i18n/i18n';
import { errorBox, h } from '../../components/dom';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import { labelled } from '../account-parts';
import { passwordChangeForm } from './password-change';
import { languageChoiceForm } from './language-choice';
import { roleName, signInProblem } from '../account-text';
import { viewHeader } from '../view-parts';
import { HOME, missingCredentials } from './state';

function signInForm(context: ViewContext): HTMLElement {
  const email = h('input', { type: 'email', name: 'email', required: true, autocomplete: 'username', maxlength: 254 });
  const password = h('input', { type: 'password', name: 'password', required: true, autocomplete: 'current-password' });
  const status = h('div', { 'aria-live': 'assertive', class: 'live' });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('account.sign-in') });
  const form = h(
    'form',
    { class: 'sign-in-form', novalidate: true },
    labelled(t('account.email'), email),
    labelled(t('account.password'), password, t('account.password-hint', { min: 12 })),
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
    status.replaceChildren(h('p', { text: t('account.signing-in') }));
    try {
      const session = await signIn(email.value.trim(), password.value);
      password.value = '';
      context.navigate({ view: session.user ? HOME[session.user.role] : 'explore', id: null });
    } catch (error) {
      password.value = '';
      const text =
        error instanceof ApiError
          ? signInProblem({ status: error.status, message: error.message, body: error.body })
          : t('account.sign-in-failed', { message: String(error) });
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
        t('account.your-account'),
        t('account.signed-in-as', { email: session.user.email, role: roleName(session.user.role) }),
      ),
      h('p', {}, h('a', { href: context.hrefFor({ view: home, id: null }), text: t('account.go-to-work') })),
      languageChoiceForm(session.user),
      session.via === 'session' ? passwordChangeForm() : '',
    );
  } else {
    container.replaceChildren(
      viewHeader(t('account.sign-in'), t('account.sign-in-intro')),
      signInForm(context),
      h('p', {
        class: 'hint',
        text: t('account.no-account'),
      }),
    );
  }
  // Mounted afresh on every visit: signing in or out while here changes what it shows.
  return { update: () => false };
}
