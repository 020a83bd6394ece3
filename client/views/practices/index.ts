import type { PracticeSearchResponse } from '../../api/types';
import { selectField } from '../../components/controls';
import { errorBox, h, uniqueId } from '../../components/dom';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import { practiceCard } from '../practice-links';
import { loadCatalogue, viewHeader, type Catalogue } from '../view-parts';
import { facetLabel, facetLegend, loadPracticeSearch, practiceSort, sorts, withFacetValues } from './state';
import { t } from '../../i18n/i18n';

function facetGroups(
  answer: PracticeSearchResponse,
  state: ViewState,
  context: ViewContext,
  catalogue: Catalogue,
): HTMLElement {
  const groups = Object.entries(answer.facets)
    .filter(([, counts]) => counts.length)
    .map(([facet, counts]) => {
      const chosen = new Set((state.facets[facet] ?? '').split(',').filter(Boolean));
      const boxes = counts.map((c) => {
        const id = uniqueId('facet');
        const box = h('input', { type: 'checkbox', id, value: c.value, checked: chosen.has(c.value) });
        box.addEventListener('change', () => {
          if (box.checked) chosen.add(c.value);
          else chosen.delete(c.value);
          context.navigate({ facets: withFacetValues(state.facets, facet, chosen) });
        });
        return h('label', { for: id }, box, ` ${facetLabel(catalogue, facet, c.value)} (${c.count})`);
      });
      return h('fieldset', {}, h('legend', { text: facetLegend(facet) }), ...boxes);
    });
  return h('div', { class: 'facets', role: 'group', 'aria-label': t('practices.filters') }, ...groups);
}

function searchForm(state: ViewState, context: ViewContext): HTMLElement {
  const id = uniqueId('practice-search');
  const input = h('input', {
    id,
    type: 'search',
    name: 'q',
    value: state.q,
    placeholder: t('practices.search-placeholder'),
  });
  const form = h(
    'form',
    { role: 'search', class: 'inline' },
    h('label', { for: id, text: t('practices.search-label') }),
    input,
    h('button', { type: 'submit', class: 'primary', text: t('practices.search') }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    context.navigate({ q: input.value.trim() });
  });
  return form;
}

export async function mount(container: HTMLElement, initial: ViewState, context: ViewContext): Promise<MountedView> {
  const catalogue = await loadCatalogue();
  const show = async (state: ViewState) => {
    const header = viewHeader(t('shell.title-practices'), t('practices.intro'));
    header.append(
      h('p', {}, h('a', { href: context.hrefFor({ view: 'evidence', id: null }), text: t('evidence.how-rated') })),
    );
    try {
      const answer = await loadPracticeSearch(state);
      const sortField = selectField({
        label: t('practices.sort-by'),
        selected: practiceSort(state),
        choices: sorts(),
        onChange: (value) => context.navigate({ facets: { ...state.facets, sort: value } }),
      });
      const results = answer.data.length
        ? h('ul', { class: 'grid plain-list' }, ...answer.data.map((p) => practiceCard(p, context)))
        : h('p', { text: t('practices.none') });
      container.replaceChildren(
        header,
        searchForm(state, context),
        h(
          'div',
          { class: 'layout-split' },
          facetGroups(answer, state, context, catalogue),
          h(
            'section',
            { 'aria-label': t('practices.results') },
            h(
              'div',
              { class: 'inline' },
              h('p', { role: 'status', text: t('practices.total', { count: answer.meta.total }) }),
              sortField,
            ),
            results,
          ),
        ),
      );
    } catch (error) {
      container.replaceChildren(
        header,
        searchForm(state, context),
        errorBox(t('practices.load-failed', { message: error instanceof Error ? error.message : String(error) })),
      );
    }
  };
  await show(initial);
  return {
    update: async (state) => {
      await show(state);
      return true;
    },
  };
}
