import type { Geo } from '../api/types';
import { t } from '../i18n/i18n';
import { h, uniqueId } from './dom';
import { NUTS_LEVELS } from './region-catalogue';

export interface RegionPickerOptions {
  /** The countries with NUTS regions, named in the reader's language. */
  countries: { code: string; name: string }[];
  /** The country shown first (e.g. the last region's), or null to ask for one. */
  country: string | null;
  /** A country's regions of every level. */
  loadRegions: (country: string) => Promise<Geo[]>;
  /** The geos on the chart already (they cannot be added twice). */
  chosen: string[];
  /** How many geos the chart takes at most. */
  max: number;
  /** Adds the region, and its country when the reader asks for the country's line beside it. */
  onAdd: (codes: string[]) => void;
}

function labelled(id: string, label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), control);
}

/** Native controls throughout: a screen reader and a keyboard know them, and the list is searchable. */
function regionOptions(regions: Geo[], term: string, chosen: Set<string>): HTMLOptGroupElement[] {
  const matches = (g: Geo) => !term || `${g.name} ${g.code}`.toLowerCase().includes(term);
  return NUTS_LEVELS.map((level) => {
    const shown = regions.filter((g) => g.nuts_level === level && matches(g));
    return h(
      'optgroup',
      { label: t('region-picker.level', { level }) },
      ...shown.map((g) =>
        h('option', {
          value: g.code,
          disabled: chosen.has(g.code),
          text: `${g.name} (${g.code})`,
        }),
      ),
    );
  }).filter((group) => group.children.length > 0);
}

/**
 * Choose a country, then one of its NUTS 1, 2 or 3 regions (grouped by level, narrowed by a search),
 * and add it to the chart, with the country's own line if asked. Nothing changes until "Add" is pressed.
 */
export function regionPicker(options: RegionPickerOptions): HTMLElement {
  const ids = { country: uniqueId('region-country'), search: uniqueId('region-search'), region: uniqueId('region') };
  const chosen = new Set(options.chosen);
  const full = chosen.size >= options.max;
  let regions: Geo[] = [];
  const country = h(
    'select',
    { id: ids.country },
    h('option', { value: '', text: t('region-picker.choose-country') }),
    ...options.countries.map((c) =>
      h('option', { value: c.code, selected: c.code === options.country, text: `${c.name} (${c.code})` }),
    ),
  );
  const search = h('input', {
    id: ids.search,
    type: 'search',
    autocomplete: 'off',
    placeholder: t('region-picker.search-placeholder'),
    'aria-controls': ids.region,
  });
  const region = h('select', { id: ids.region });
  const withCountry = h('input', { type: 'checkbox', id: uniqueId('with-country'), checked: true });
  const add = h('button', { type: 'button', class: 'add-region', text: t('region-picker.add') });
  const status = h('p', { class: 'hint', 'aria-live': 'polite' });
  const draw = () => {
    const term = search.value.trim().toLowerCase();
    const groups = regionOptions(regions, term, chosen);
    region.replaceChildren(...groups);
    const count = groups.reduce((n, g) => n + g.children.length, 0);
    const enabled = count > 0 && !full;
    region.disabled = search.disabled = !regions.length;
    add.disabled = !enabled;
    status.textContent = full
      ? t('region-picker.full', { max: options.max })
      : country.value
        ? t('region-picker.status', { count, country: country.selectedOptions[0]?.textContent ?? '' })
        : t('region-picker.status-none');
  };
  const load = async () => {
    regions = [];
    draw();
    if (!country.value) return;
    const asked = country.value;
    status.textContent = t('region-picker.loading');
    const loaded = await options.loadRegions(asked).catch(() => [] as Geo[]);
    if (country.value === asked) {
      regions = loaded;
      draw();
    }
  };
  country.addEventListener('change', () => void load());
  search.addEventListener('input', draw);
  add.addEventListener('click', () => {
    if (!region.value) return;
    const code = region.value;
    const parent = country.value;
    const codes = withCountry.checked && parent && !chosen.has(parent) ? [code, parent] : [code];
    options.onAdd(codes.slice(0, Math.max(1, options.max - chosen.size)));
  });
  void load();
  return h(
    'fieldset',
    { class: 'field region-picker' },
    h('legend', { text: t('region-picker.legend') }),
    labelled(ids.country, t('region-picker.country'), country),
    labelled(ids.search, t('region-picker.search'), search),
    labelled(ids.region, t('region-picker.region'), region),
    h(
      'div',
      { class: 'field' },
      withCountry,
      h('label', { for: withCountry.id, text: ` ${t('region-picker.with-country')}` }),
    ),
    add,
    status,
  );
}
