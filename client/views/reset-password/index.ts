import { errorBox, h } from '../../components/dom';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import { labelled, problemText } from '../account-parts';
import { viewHeader } from '../view-parts';
import { t } from '../../i18n/i18n';
import { linkToken, MIN_LENGTH, newPasswordProblem, setPassword } from './state';

export async function mount(container: HTMLElement, _state: ViewState, context: ViewContext): Promise<MountedView> {
  const token = linkToken(location.hash);
  const header = viewHeader(t('account.set-your-password'), t('account.set-password-intro', { min: MIN_LENGTH }));
  if (!token) {
    container.replaceChildren(header, errorBox(t('account.link-needed')));
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
    labelled(t('account.new-password'), password, t('account.new-password-hint-passphrase', { min: MIN_LENGTH })),
    labelled(t('account.new-password-again'), repeat),
    h('button', { type: 'submit', class: 'primary', text: t('account.set-the-password') }),
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
          `${t('account.password-set', { email: answer.email })} `,
          h('a', { href: context.hrefFor({ view: 'sign-in', id: null }), text: t('account.sign-in') }),
        ),
      );
    } catch (error) {
      status.replaceChildren(errorBox(t('account.password-not-set', { problem: problemText(error) })));
    }
  });
  container.replaceChildren(header, form);
  return { update: () => true };
}
