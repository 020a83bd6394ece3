import type { PracticeSearchResponse } from '../../api/types';
import { selectField } from '../../components/controls';
import { errorBox, h, uniqueId } from '../../components/dom';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import { practiceCard } from '../practice-links';
import { loadCatalogue, viewHeader, type Catalogue } from '../view-parts';
import { t } from '../../i18n/i18n';
import { FACET_LEGENDS, facetLabel, humanise, loadPracticeSearch, practiceSort, SORTS, withFacetValues } from './state';

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
      return h('fieldset', {}, h('legend', { text: FACET_LEGENDS[facet] ?? humanise(facet) }), ...boxes);
    });
  return h('div', { class: 'facets', role: 'group', 'aria-label': 'Filters' }, ...groups);
}

function searchForm(state: ViewState, context: ViewContext): HTMLElement {
  const id = uniqueId('practice-search');
  const input = h('input', {
    id,
    type: 'search',
    name: 'q',
    value: state.q,
    placeholder: 'e.g. burglary, mentoring, Kärnä',
  });
  const form = h(
    'form',
    { role: 'search', class: 'inline' },
    h('label', { for: id, text: 'Search practices' }),
    input,
    h('button', { type: 'submit', class: 'primary', text: 'Search' }),
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
    const header = viewHeader(
      'Practices',
      'What works in crime prevention: practices from Europe and beyond, rated by the evidence from their evaluations.',
    );
    header.append(
      h('p', {}, h('a', { href: context.hrefFor({ view: 'evidence', id: null }), text: t('evidence.how-rated') })),
    );
    try {
      const answer = await loadPracticeSearch(state);
      const sortField = selectField({
        label: 'Sort by',
        selected: practiceSort(state),
        choices: SORTS,
        onChange: (value) => context.navigate({ facets: { ...state.facets, sort: value } }),
      });
      const results = answer.data.length
        ? h('ul', { class: 'grid plain-list' }, ...answer.data.map((p) => practiceCard(p, context)))
        : h('p', { text: 'No practice matches. Remove a filter or change the search words.' });
      container.replaceChildren(
        header,
        searchForm(state, context),
        h(
          'div',
          { class: 'layout-split' },
          facetGroups(answer, state, context, catalogue),
          h(
            'section',
            { 'aria-label': 'Results' },
            h(
              'div',
              { class: 'inline' },
              h('p', { role: 'status', text: `${answer.meta.total} practice${answer.meta.total === 1 ? '' : 's'}` }),
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
        errorBox(`The practices could not be loaded: ${error instanceof Error ? error.message : String(error)}`),
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
