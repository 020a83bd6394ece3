import { currentSession, hasRole, sessionLoaded } from '../../api/session';
import { announce, errorBox } from '../../components/dom';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import { viewHeader } from '../view-parts';
import { type Painter, renderCycle } from './render-cycle';
import { renderPriority } from './render-priority';
import { loadEmpactState } from './state';
import './empact.css';
import { t } from '../../i18n/i18n';

/** /empact shows a cycle (f.cycle, and f.diff to compare an assessment with today); /empact/<priority id> one priority. */
export async function mount(container: HTMLElement, state: ViewState, context: ViewContext): Promise<MountedView> {
  await sessionLoaded();
  let shown = state;
  const painter: Painter = {
    priorityHref: (id) => context.hrefFor({ view: 'empact', id: String(id), facets: {} }),
    cycleHref: (cycle, diff) =>
      context.hrefFor({ view: 'empact', id: null, facets: diff ? { cycle, diff: String(diff) } : { cycle } }),
    goToCycle: (cycle) => context.navigate({ view: 'empact', id: null, facets: { cycle } }),
    refresh: (message) => void paint(shown).then(() => announce(message)),
  };
  const paint = async (next: ViewState) => {
    shown = next;
    try {
      const view = await loadEmpactState(
        { id: next.id, cycle: next.facets.cycle, diff: next.facets.diff },
        hasRole(currentSession(), 'secretariat'),
      );
      container.replaceChildren(
        ...(view.kind === 'cycle' ? renderCycle(view, painter) : renderPriority(view, painter)),
      );
    } catch (error) {
      container.replaceChildren(
        viewHeader('EMPACT', ''),
        errorBox(t('empact.load-failed', { problem: error instanceof Error ? error.message : String(error) })),
      );
    }
  };
  await paint(state);
  return { update: async (next) => (next.id === shown.id ? (await paint(next), true) : false) };
}
