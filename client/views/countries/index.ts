import { h, uniqueId } from '../../components/dom';
import { currentLocale, geoName, t } from '../../i18n/i18n';
import type { ViewState } from '../../state/url-state';
import type { MountedView, ViewContext } from '../view-context';
import { loadCatalogue, viewHeader } from '../view-parts';
import { type CountryEntry, countryEntries, matchCountries } from './state';

function countryList(title: string, entries: CountryEntry[], context: ViewContext): HTMLElement | null {
  if (!entries.length) return null;
  const id = uniqueId('countries-heading');
  return h(
    'section',
    { 'aria-labelledby': id },
    h('h3', { id, text: title }),
    h(
      'ul',
      { class: 'country-list' },
      ...entries.map((e) =>
        h(
          'li',
          {},
          h('a', { href: context.hrefFor({ view: 'profile', id: e.code }), text: e.name }),
          h('span', { class: 'hint', text: ` ${e.code}` }),
        ),
      ),
    ),
  );
}

/** /countries: every country's profile, found by name in the reader's language, by English name or by code. */
export async function mount(container: HTMLElement, state: ViewState, context: ViewContext): Promise<MountedView> {
  const catalogue = await loadCatalogue();
  const entries = countryEntries(catalogue.geos, currentLocale(), geoName);
  const searchId = uniqueId('country-search');
  const search = h('input', { id: searchId, type: 'search', value: state.q, autocomplete: 'off', spellcheck: 'false' });
  const count = h('p', { role: 'status', class: 'hint' });
  const lists = h('div', {});
  const show = (query: string) => {
    const found = matchCountries(entries, query);
    count.textContent = t('countries.found', { count: found.length });
    lists.replaceChildren(
      ...[
        countryList(
          t('countries.members'),
          found.filter((e) => e.member),
          context,
        ),
        countryList(
          t('countries.others'),
          found.filter((e) => !e.member),
          context,
        ),
      ].filter((e): e is HTMLElement => e !== null),
    );
  };
  search.addEventListener('input', () => {
    show(search.value);
    context.navigate({ q: search.value }, { replace: true });
  });
  container.replaceChildren(
    viewHeader(t('countries.title'), t('countries.intro')),
    h('div', { class: 'field' }, h('label', { for: searchId, text: t('countries.search') }), search),
    count,
    lists,
  );
  show(state.q);
  return { update: () => true };
}
