import { sendJson } from '../../api/client';
import { loadSession, type UserView } from '../../api/session';
import { h } from '../../components/dom';
import { labelled, problemBox } from '../account-parts';
import { t } from '../../i18n/i18n';
import { LOCALE_ENDONYMS, LOCALES, type Locale } from '../../../server/shared/i18n/locales';

/**
 * The language your e-mails and round notices are written in (PUT /api/session/language). It is the
 * account's, not the page's: the dashboard still follows the language switch.
 */
export function languageChoiceForm(user: UserView): HTMLElement {
  const select = h('select', { name: 'language' });
  for (const locale of LOCALES) {
    const option = h('option', { value: locale, lang: locale, text: LOCALE_ENDONYMS[locale] });
    option.selected = locale === (user.language ?? 'en');
    select.append(option);
  }
  const status = h('div', { class: 'live', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'sign-in-form', novalidate: true },
    labelled(t('account.mail-language'), select, t('account.mail-language-hint')),
    h('button', { type: 'submit', text: t('account.mail-language-save') }),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await sendJson('PUT', '/api/session/language', { language: select.value as Locale });
      await loadSession();
      status.replaceChildren(h('p', { class: 'notice', role: 'status', text: t('account.mail-language-saved') }));
    } catch (error) {
      status.replaceChildren(problemBox(t('account.mail-language-not-saved'), error));
    }
  });
  return h(
    'section',
    { 'aria-labelledby': 'mail-language-heading' },
    h('h3', { id: 'mail-language-heading', text: t('account.mail-language-heading') }),
    form,
  );
}
