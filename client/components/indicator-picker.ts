import type { Indicator, Theme } from '../api/types';
import { t } from '../i18n/i18n';
import { h, uniqueId } from './dom';

/**
 * A searchable indicator picker grouped by theme: a search box filters a native select with
 * one optgroup per theme (keyboard and screen-reader support come with the native control),
 * and a disclosure button shows the chosen indicator's definition.
 */
export function indicatorPicker(options: {
  indicators: Indicator[];
  themes: Theme[];
  selected: string;
  onChange: (code: string) => void;
  /** Restrict to indicators with data (e.g. those holding observations). */
  filter?: (indicator: Indicator) => boolean;
}): HTMLElement {
  const selectId = uniqueId('indicator');
  const searchId = uniqueId('indicator-search');
  const definitionId = uniqueId('definition');
  const pool = options.indicators.filter(options.filter ?? (() => true));
  const select = h('select', { id: selectId, name: 'indicator' });
  const search = h('input', {
    id: searchId,
    type: 'search',
    placeholder: t('component.indicator-placeholder'),
    autocomplete: 'off',
    'aria-controls': selectId,
  });
  const status = h('span', { class: 'hint', 'aria-live': 'polite' });
  const fill = (term: string) => {
    const words = term.toLowerCase().split(/\s+/).filter(Boolean);
    const matches = pool.filter(
      (i) =>
        words.every((w) => `${i.code} ${i.name} ${i.definition}`.toLowerCase().includes(w)) ||
        i.code === options.selected,
    );
    const groups = options.themes.map((theme) => {
      const members = matches.filter((i) => i.theme === theme.code);
      return members.length
        ? h(
            'optgroup',
            { label: theme.name },
            ...members.map((i) =>
              h('option', { value: i.code, selected: i.code === options.selected, text: `${i.name} (${i.code})` }),
            ),
          )
        : null;
    });
    select.replaceChildren(...groups.filter((g): g is HTMLOptGroupElement => g !== null));
    status.textContent = words.length ? t('component.indicators-match', { count: matches.length }) : '';
  };
  fill('');
  search.addEventListener('input', () => fill(search.value));
  select.addEventListener('change', () => options.onChange(select.value));
  const chosen =
    pool.find((i) => i.code === options.selected) ?? options.indicators.find((i) => i.code === options.selected);
  const definition = h(
    'div',
    { id: definitionId, class: 'definition', hidden: true },
    h('p', {}, h('strong', { text: chosen?.name ?? options.selected }), ` — ${chosen?.definition ?? ''}`),
    h('p', {
      class: 'hint',
      text: `${t('component.unit', { unit: chosen?.unit ?? '' })} ${chosen?.methodology ?? ''}`,
    }),
  );
  const toggle = h('button', {
    type: 'button',
    class: 'link-button',
    'aria-expanded': 'false',
    'aria-controls': definitionId,
    text: t('component.definition'),
  });
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    definition.hidden = !open;
  });
  return h(
    'div',
    { class: 'field indicator-picker' },
    h('label', { for: searchId, text: t('component.search-indicators') }),
    search,
    status,
    h('label', { for: selectId, text: t('component.indicator') }),
    h('div', { class: 'inline' }, select, toggle),
    definition,
  );
}
