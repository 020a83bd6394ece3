import type { PracticeSearchResponse } from '../../api/types';
import { selectField } from '../../components/controls';
import { errorBox, h, uniqueId } from '../../components/dom';
import type { MountedView, ViewContext } from '../view-context';
import type { ViewState } from '../../state/url-state';
import { practiceCard } from '../practice-links';
import { loadCatalogue, viewHeader, type Catalogue } from '../view-parts';
import { facetLabel, facetLegend, loadPracticeSearch, practiceSort, sorts, withFacetValues } from './state';
import { t } from '../../i18n/i18n';
import { practicesElsewhere } from './elsewhere';
import './practices.css';

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
  const facets = h(
    'div',
    { class: 'facets', id: uniqueId('facets'), role: 'group', 'aria-label': t('practices.filters') },
    ...groups,
  );
  return filtersDisclosure(facets, state);
}

/**
 * On a phone the facets (about 1,600 px of checkboxes) wait behind a "Filters" button, so the first
 * practice is on the first screen; wider screens show them beside the list and hide the button (CSS).
 */
function filtersDisclosure(facets: HTMLElement, state: ViewState): HTMLElement {
  const chosen = Object.entries(state.facets)
    .filter(([k]) => k !== 'sort')
    .reduce((n, [, v]) => n + v.split(',').filter(Boolean).length, 0);
  const toggle = h('button', {
    type: 'button',
    class: 'filters-toggle',
    'aria-expanded': 'false',
    'aria-controls': facets.id,
    text: t('practice-find.filters', { count: chosen }),
  });
  const panel = h('div', { class: 'facet-panel' }, toggle, facets);
  toggle.addEventListener('click', () => {
    const open = !panel.classList.contains('open');
    panel.classList.toggle('open', open);
    toggle.setAttribute('aria-expanded', String(open));
  });
  return panel;
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

/** Filtered to one country with no practice: the practices elsewhere that target the same problem. */
async function elsewhereFor(
  answer: PracticeSearchResponse,
  state: ViewState,
  catalogue: Catalogue,
  context: ViewContext,
): Promise<HTMLElement | string> {
  const geos = (state.facets.geo ?? '').split(',').filter(Boolean);
  if (answer.meta.total > 0 || geos.length !== 1 || state.q) return '';
  const indicators = (state.facets.indicator ?? '').split(',').filter(Boolean);
  return practicesElsewhere(geos[0]!, catalogue, context, { indicators });
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
      const elsewhere = await elsewhereFor(answer, state, catalogue, context);
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
            elsewhere,
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
