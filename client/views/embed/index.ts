import { errorBox, h, setSvg } from '../../components/dom';
import { formatVersion } from '../../components/chart-panel';
import { t } from '../../i18n/i18n';
import { formatState, type ViewState } from '../../state/url-state';
import type { MountedView, ViewContext } from '../view-context';
import { loadCatalogue } from '../view-parts';
import { DATA_LICENCE } from '../../../server/shared/licence';
import { loadEmbeddedChart } from './charts';

/**
 * The embed route (`/embed/<view>?…`, issue 20): only the chart, its title, its source and a link
 * back to the full view with the same URL state, for an `<iframe>` in another site or a report.
 */
export async function mount(container: HTMLElement, state: ViewState, _context: ViewContext): Promise<MountedView> {
  const full = new URL(
    formatState({ ...state, view: state.id === 'trends' || state.id === 'compare' ? state.id : 'explore', id: null }),
    location.href,
  ).href;
  const back = h('a', { href: full, target: '_blank', rel: 'noopener', text: t('embed.open-full') });
  try {
    const catalogue = await loadCatalogue();
    const width = Math.max(300, Math.min(960, (container.clientWidth || 640) - 8));
    const chart = await loadEmbeddedChart(state, catalogue, width);
    const figure = h('div', { class: 'chart-area' });
    setSvg(figure, chart.svg);
    const { description } = chart;
    container.replaceChildren(
      h('h1', { class: 'chart-title', text: description.title }),
      description.subtitle ? h('p', { class: 'chart-subtitle', text: description.subtitle }) : '',
      figure,
      h(
        'p',
        { class: 'source' },
        t('embed.source', {
          source: chart.source,
          version: formatVersion(chart.dataVersion),
          licence: DATA_LICENCE.name,
        }),
        description.credit ? ` ${description.credit}` : '',
      ),
      h('p', { class: 'embed-back' }, back),
    );
  } catch (error) {
    container.replaceChildren(
      errorBox(t('embed.load-failed', { message: error instanceof Error ? error.message : String(error) })),
      h('p', {}, back),
    );
  }
  return { update: () => false };
}
