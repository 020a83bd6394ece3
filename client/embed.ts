import { initialLocale, t, useLocale, usePseudoLocalisation } from './i18n/i18n';
import { parseState } from './state/url-state';
import { mount } from './views/embed/index';
import './charts/charts.css';

/**
 * The embed page's entry (embed.html): no header, navigation or footer, only the embedded chart. It
 * loads the view's state and chart modules, not the dashboard's router and shell.
 */
const main = document.getElementById('main')!;
const opened = new URL(location.href);
usePseudoLocalisation(opened.searchParams.has('pseudo'));
await useLocale(initialLocale(opened, navigator.languages));
const state = parseState(opened);
document.title = t('shell.document-title', { view: t('shell.title-embed') });
main.setAttribute('aria-busy', 'true');
const noRouter = {
  navigate: () => undefined,
  record: () => undefined,
  hrefFor: () => location.pathname + location.search,
  current: () => state,
  reload: () => undefined,
};
await mount(main, state, noRouter);
main.removeAttribute('aria-busy');
main.dataset.view = 'embed';
// Lets the web benchmark time the embed page's first chart (scripts/bench/web-embed.ts).
performance.mark('observatory:embed-painted');
