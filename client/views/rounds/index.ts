import { hasRole, sessionLoaded } from '../../api/session';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import { loadMap } from '../explore/state';
import { problemBox } from '../account-parts';
import { loadCatalogue } from '../view-parts';
import { createRoundForm, renderList, renderRound } from './render';
import { loadRoundsState } from './state';
import { REFERENCE_GROUP } from '../../../server/shared/reference-group';
import { t } from '../../i18n/i18n';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Collection rounds: the list (with the secretariat's form for a new one), or one round's completeness map and table. */
export async function mount(container: HTMLElement, state: ViewState, context: ViewContext): Promise<MountedView> {
  const paint = async () => {
    const session = await sessionLoaded();
    const secretariat = hasRole(session, 'secretariat');
    try {
      const shown = await loadRoundsState(state.id);
      if (shown.kind === 'list') {
        const catalogue = secretariat ? await loadCatalogue() : null;
        const eu27 =
          catalogue?.geos
            .filter((g) => g.kind === 'country' && g.groups?.includes(REFERENCE_GROUP))
            .map((g) => g.code) ?? [];
        const form = secretariat
          ? createRoundForm({ geos: eu27, today: day(0), due: day(60), locks: day(120) }, (id) =>
              context.navigate({ view: 'rounds', id: String(id) }),
            )
          : null;
        container.replaceChildren(...renderList(shown.rounds, context, form));
      } else {
        const map = await loadMap();
        container.replaceChildren(
          ...renderRound(shown.round, shown.completeness, map, {
            secretariat: secretariat ? { reload: () => void paint() } : null,
          }),
        );
      }
    } catch (error) {
      container.replaceChildren(problemBox(t('rounds.load-failed'), error));
    }
  };
  await paint();
  return { update: () => false };
}
