import { announce, focusKey, restoreFocus } from './components/dom';
import { formatState, linkState, parseState, type ViewName, type ViewState } from './state/url-state';
import type { MountedView, ViewContext, ViewLoader } from './views/view-context';

const TITLES: Record<ViewName, string> = {
  explore: 'Explore',
  trends: 'Trends',
  compare: 'Compare',
  profile: 'Country profile',
  alerts: 'Alerts',
  practices: 'Practices',
  practice: 'Practice',
  upload: 'Upload',
  'sign-in': 'Sign in',
  'reset-password': 'Set your password',
  'my-country': 'My country',
  review: 'Review queue',
  approvals: 'Approval queue',
  users: 'Users and tokens',
  audit: 'Audit log',
  empact: 'EMPACT',
  rounds: 'Collection rounds',
  evidence: 'Evidence scale',
  countries: 'Countries',
};

export function startRouter(container: HTMLElement, loaders: Record<ViewName, ViewLoader>): ViewContext {
  let state = parseState(new URL(location.href));
  let mounted: { view: ViewName; id: string | null; instance: MountedView } | null = null;
  let rendering = Promise.resolve();

  const render = async (next: ViewState, moveFocus: boolean) => {
    state = next;
    document.title = `${TITLES[next.view]} · Crime Prevention Observatory`;
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
          textContent: `This view could not be loaded: ${message}`,
        }),
      );
    } finally {
      container.removeAttribute('aria-busy');
      container.dataset.view = next.view;
    }
    if (moveFocus) (container.querySelector('h2') as HTMLElement | null)?.focus();
    announce(`${TITLES[next.view]} view loaded`);
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
    const next = parseState(url);
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
    textContent: 'Show the latest data',
  });
  banner.replaceChildren(`You are viewing the data as published at ${state.asOf}. `, latest);
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
}
