import type { Geo } from '../api/types';
import { geoName, t } from '../i18n/i18n';
import { h, uniqueId } from './dom';

/** Multi-select of geos with a search box: a filtered list of checkboxes and removable chips. */
export function geoPicker(options: {
  geos: Geo[];
  selected: string[];
  onChange: (codes: string[]) => void;
  legend?: string;
  max?: number;
}): HTMLElement {
  const searchId = uniqueId('geo-search');
  const listId = uniqueId('geo-list');
  const max = options.max ?? 8;
  const chosen = new Set(options.selected);
  const search = h('input', {
    id: searchId,
    type: 'search',
    placeholder: t('component.geo-placeholder'),
    autocomplete: 'off',
    'aria-controls': listId,
  });
  const list = h('div', { id: listId, class: 'geo-list' });
  const status = h('p', { class: 'hint', 'aria-live': 'polite' });
  const chips = h('div', { class: 'chips', 'aria-label': t('component.selected'), role: 'group' });
  const commit = () => options.onChange([...chosen]);
  const drawChips = () =>
    chips.replaceChildren(
      ...[...chosen].map((code) => {
        const chip = h('button', {
          type: 'button',
          class: 'chip',
          'aria-label': t('component.remove', { code }),
          text: `${code} ✕`,
        });
        chip.addEventListener('click', () => {
          chosen.delete(code);
          commit();
        });
        return chip;
      }),
    );
  const drawList = () => {
    const term = search.value.trim().toLowerCase();
    const shown = options.geos.filter(
      (g) =>
        !term ||
        g.code.toLowerCase().includes(term) ||
        g.name.toLowerCase().includes(term) ||
        geoName(g.code, g.name).toLowerCase().includes(term),
    );
    list.replaceChildren(
      ...shown.map((geo) => {
        const id = uniqueId('geo');
        const box = h('input', {
          type: 'checkbox',
          id,
          value: geo.code,
          checked: chosen.has(geo.code),
          disabled: !chosen.has(geo.code) && chosen.size >= max,
        });
        box.addEventListener('change', () => {
          if (box.checked) chosen.add(geo.code);
          else chosen.delete(geo.code);
          commit();
        });
        return h('label', { for: id }, box, ` ${geoName(geo.code, geo.name)} (${geo.code})`);
      }),
    );
    status.textContent = t('component.geo-status', { shown: shown.length, chosen: chosen.size, max });
  };
  search.addEventListener('input', drawList);
  drawChips();
  drawList();
  return h(
    'fieldset',
    { class: 'field geo-picker' },
    h('legend', { text: options.legend ?? t('component.countries') }),
    chips,
    h('label', { for: searchId, text: t('component.search-countries') }),
    search,
    list,
    status,
  );
}
