import type { Locale } from '../server/shared/i18n/locales';
import { announce, focusKey, restoreFocus } from './components/dom';
import { currentLocale, t, useLocale } from './i18n/i18n';
import { renderLanguageSwitch, translateShell } from './i18n/shell';
import { formatState, linkState, parseState, type ViewName, type ViewState } from './state/url-state';
import type { MountedView, ViewContext, ViewLoader } from './views/view-context';

/** Each view's title (document title, announcements): a message key per view. */
function viewTitle(view: ViewName): string {
  return t(`shell.title-${view}`);
}

/** The language a state asks for: its `lang`, else the one the browser's languages chose at start. */
function localeOf(state: ViewState, browserLocale: Locale): Locale {
  return state.lang ?? browserLocale;
}

export function startRouter(
  container: HTMLElement,
  loaders: Record<ViewName, ViewLoader>,
  browserLocale: Locale,
): ViewContext {
  let state = parseState(new URL(location.href));
  let mounted: { view: ViewName; id: string | null; instance: MountedView } | null = null;
  let rendering = Promise.resolve();

  const render = async (next: ViewState, moveFocus: boolean) => {
    state = next;
    const locale = localeOf(next, browserLocale);
    // Another language: load its messages, repaint the page around the view and mount the view afresh.
    const relocalised = locale !== currentLocale();
    if (relocalised) {
      await useLocale(locale);
      translateShell();
      mounted = null;
    }
    document.title = t('shell.document-title', { view: viewTitle(next.view) });
    markNavigation(next);
    if (mounted && mounted.view === next.view && mounted.id === next.id) {
      const focused = container.contains(document.activeElement) ? focusKey(document.activeElement) : null;
      if (await mounted.instance.update(next)) {
        if (focused && !container.contains(document.activeElement)) restoreFocus(container, focused);
        return;
      }
    }
    container.replaceChildren();
    container.setAttribute('aria-busy', 'true');
    try {
      const module = await loaders[next.view]();
      mounted = { view: next.view, id: next.id, instance: await module.mount(container, next, context) };
    } catch (error) {
      mounted = null;
      const message = error instanceof Error ? error.message : String(error);
      container.replaceChildren(
        Object.assign(document.createElement('p'), {
          className: 'error',
          role: 'alert',
          textContent: t('shell.view-failed', { message }),
        }),
      );
    } finally {
      container.removeAttribute('aria-busy');
      container.dataset.view = next.view;
    }
    if (moveFocus) (container.querySelector('h1') as HTMLElement | null)?.focus();
    announce(t('shell.view-loaded', { view: viewTitle(next.view) }));
    if (relocalised) (document.querySelector(`#languages a[data-locale="${locale}"]`) as HTMLElement | null)?.focus();
  };
  const queue = (next: ViewState, moveFocus: boolean) => {
    rendering = rendering.then(() => render(next, moveFocus));
    return rendering;
  };

  const context: ViewContext = {
    navigate: (change, options = {}) => {
      const next = { ...state, ...change };
      const url = formatState(next);
      if (options.replace) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
      void queue(next, next.view !== state.view || next.id !== state.id);
    },
    record: (change) => {
      state = { ...state, ...change };
      history.pushState(null, '', formatState(state));
      markNavigation(state);
    },
    hrefFor: (change) => formatState({ ...state, ...change }),
    current: () => state,
    reload: () => {
      mounted = null;
      void queue(state, false);
    },
  };

  window.addEventListener('popstate', () => void queue(parseState(new URL(location.href)), false));
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | SVGAElement | null;
    if (
      !link ||
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const href = link instanceof HTMLAnchorElement ? link.href : new URL(link.href.baseVal, location.href).href;
    const url = new URL(href);
    if (
      url.origin !== location.origin ||
      url.pathname.startsWith('/api/') ||
      link.hasAttribute('download') ||
      link.getAttribute('target')
    )
      return;
    event.preventDefault();
    // A link written without a language (e.g. "/practices/…") keeps the reader's chosen one.
    const parsed = parseState(url);
    const next = url.searchParams.has('lang') ? parsed : { ...parsed, lang: state.lang };
    history.pushState(null, '', formatState(next));
    void queue(next, true);
  });
  void queue(state, false);
  return context;
}

/** A pinned vintage (asOf) is announced above every view, with the way back to the latest data. */
function markVintage(state: ViewState): void {
  const banner = document.getElementById('vintage');
  if (!banner) return;
  banner.hidden = !state.asOf;
  if (!state.asOf) {
    banner.replaceChildren();
    return;
  }
  const latest = Object.assign(document.createElement('a'), {
    href: formatState({ ...state, asOf: null }),
    textContent: t('shell.vintage-latest'),
  });
  banner.replaceChildren(`${t('shell.vintage', { asOf: state.asOf })} `, latest);
}

/** Header links carry the current indicator, geos and measure to the other views. */
function markNavigation(state: ViewState): void {
  markVintage(state);
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a[data-view]')) {
    const view = link.dataset.view as ViewName;
    link.href = formatState(linkState(state, { view }));
    const current = view === state.view || (view === 'practices' && state.view === 'practice');
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  renderLanguageSwitch((lang) => formatState({ ...state, lang }));
}
