import type { ViewState } from '../state/url-state';

/** What the router gives a view, and what a mounted view gives back (client/router.ts). */
export interface ViewContext {
  /** Moves to a new state: pushes a history entry (or replaces it) and re-renders. */
  navigate: (change: Partial<ViewState>, options?: { replace?: boolean }) => void;
  /** Records a state in the URL without re-rendering (the view already shows it, e.g. a tab). */
  record: (change: Partial<ViewState>) => void;
  hrefFor: (change: Partial<ViewState>) => string;
  current: () => ViewState;
  /** Mounts the current view afresh (after signing in or out: what it may show has changed). */
  reload: () => void;
}

export interface MountedView {
  /** Applies a new state of the same view; false asks the router to mount the view afresh. */
  update: (state: ViewState) => boolean | Promise<boolean>;
}

export type ViewLoader = () => Promise<{
  mount: (container: HTMLElement, state: ViewState, context: ViewContext) => Promise<MountedView>;
}>;
