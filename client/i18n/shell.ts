import { LOCALE_ENDONYMS, LOCALES, type Locale } from '../../server/shared/i18n/locales';
import { currentLocale, t } from './i18n';

/**
 * The page around the views (client/index.html) in the active language: elements name their message
 * with `data-i18n` (text), `data-i18n-label` (aria-label) or `data-i18n-content` (a meta's content).
 * The HTML keeps the English text, so the page reads before the script has run.
 */
export function translateShell(root: ParentNode = document): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]'))
    element.textContent = t(element.dataset.i18n!);
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-label]'))
    element.setAttribute('aria-label', t(element.dataset.i18nLabel!));
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-content]'))
    element.setAttribute('content', t(element.dataset.i18nContent!));
}

/**
 * The header's language switch: each language named in itself (and marked with its own `lang`, so a
 * screen reader pronounces it right), a link that keeps the current view and state.
 */
export function renderLanguageSwitch(hrefFor: (locale: Locale) => string): void {
  const list = document.getElementById('languages');
  if (!list) return;
  const active = currentLocale();
  // Built without components/dom: the components use this folder's messages, not the other way round.
  list.replaceChildren(
    ...LOCALES.map((locale) => {
      const link = Object.assign(document.createElement('a'), {
        href: hrefFor(locale),
        lang: locale,
        hreflang: locale,
        textContent: LOCALE_ENDONYMS[locale],
      });
      link.dataset.locale = locale;
      if (locale === active) link.setAttribute('aria-current', 'true');
      const item = document.createElement('li');
      item.append(link);
      return item;
    }),
  );
}
