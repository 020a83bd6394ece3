// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { TrendResponse } from '../../server/shared/api/analytics';
import type { Geo } from '../../client/api/types';
import { regionPicker } from '../../client/components/region-picker';
import { regionalTrendNotes } from '../../client/views/trends/regions';
import type { Catalogue } from '../../client/views/view-parts';
import { testGeo } from './geo-fixture';

const region = (code: string, name: string): Geo =>
  testGeo(code, {
    name,
    kind: 'region',
    nuts_level: code.length - 2,
    nuts_version: '2021',
    country: code.slice(0, 2),
    parent: code.length > 3 ? code.slice(0, -1) : code.slice(0, 2),
  });
const GERMAN = [
  region('DE3', 'Berlin'),
  region('DE30', 'Berlin'),
  region('DE300', 'Berlin'),
  region('DE21', 'Oberbayern'),
];

function mounted(options: { chosen?: string[]; max?: number; country?: string | null } = {}) {
  const added: string[][] = [];
  const asked: string[] = [];
  const element = regionPicker({
    countries: [
      { code: 'DE', name: 'Germany' },
      { code: 'FR', name: 'France' },
    ],
    country: options.country ?? null,
    loadRegions: async (country) => {
      asked.push(country);
      return country === 'DE' ? GERMAN : [];
    },
    chosen: options.chosen ?? ['NL'],
    max: options.max ?? 8,
    onAdd: (codes) => added.push(codes),
  });
  document.body.replaceChildren(element);
  const [country, region] = element.querySelectorAll('select');
  const search = element.querySelector<HTMLInputElement>('input[type="search"]')!;
  const withCountry = element.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
  const add = element.querySelector<HTMLButtonElement>('button')!;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { element, country: country!, region: region!, search, withCountry, add, added, asked, settle };
}

describe('the region picker', () => {
  it('labels every control, and lists nothing until a country is chosen', async () => {
    const picker = mounted();
    await picker.settle();
    for (const control of picker.element.querySelectorAll('select, input'))
      expect(picker.element.querySelector(`label[for="${control.id}"]`)?.textContent?.trim()).toBeTruthy();
    expect(picker.region.disabled).toBe(true);
    expect(picker.add.disabled).toBe(true);
    expect(picker.asked).toEqual([]);
  });

  it('lists a country’s regions grouped by NUTS level, narrowed by the search, and adds one with its country', async () => {
    const picker = mounted();
    picker.country.value = 'DE';
    picker.country.dispatchEvent(new Event('change'));
    await picker.settle();
    expect(picker.asked).toEqual(['DE']);
    expect([...picker.region.querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['NUTS 1', 'NUTS 2', 'NUTS 3']);
    picker.search.value = 'ober';
    picker.search.dispatchEvent(new Event('input'));
    expect([...picker.region.options].map((o) => o.value)).toEqual(['DE21']);
    picker.search.value = 'de300';
    picker.search.dispatchEvent(new Event('input'));
    expect([...picker.region.options].map((o) => o.textContent)).toEqual(['Berlin (DE300)']);
    picker.add.click();
    expect(picker.added).toEqual([['DE300', 'DE']]);
    picker.withCountry.checked = false;
    picker.add.click();
    expect(picker.added.at(-1)).toEqual(['DE300']);
  });

  it('opens on a given country, and offers no region already drawn', async () => {
    const picker = mounted({ country: 'DE', chosen: ['DE300', 'DE'] });
    await picker.settle();
    expect(picker.country.value).toBe('DE');
    const berlin3 = [...picker.region.options].find((o) => o.value === 'DE300')!;
    expect(berlin3.disabled).toBe(true);
  });

  it('says when the chart has its most lines, and adds nothing then', async () => {
    const picker = mounted({ country: 'DE', chosen: ['NL', 'BE'], max: 2 });
    await picker.settle();
    expect(picker.add.disabled).toBe(true);
    expect(picker.element.querySelector('[aria-live]')?.textContent).toContain('most lines (2)');
  });
});

describe('what a chart with regional lines says', () => {
  const catalogue = { geoByCode: new Map([['DE', {}]]) } as unknown as Catalogue;
  const trend = (geo: string, measure: 'count' | 'rate', rateSource?: string) =>
    ({
      geo,
      measure,
      points: [{ period: '2019', value: 122.72, ...(rateSource ? { rateSource } : {}) }],
    }) as unknown as TrendResponse;

  it('says counts are counts', () => {
    const notes = regionalTrendNotes([trend('DE300', 'count'), trend('DE', 'count')], catalogue);
    expect(notes.map((n) => n.textContent)).toEqual([expect.stringContaining('Counts, not rates')]);
  });

  it('says whose the regions’ rates are', () => {
    const notes = regionalTrendNotes([trend('DE300', 'rate', 'estat.crim_gen_reg'), trend('DE', 'rate')], catalogue);
    expect(notes.map((n) => n.textContent)).toEqual([expect.stringContaining('Eurostat’s published rates')]);
  });

  it('says nothing of regions when only countries are drawn', () => {
    expect(regionalTrendNotes([trend('DE', 'count')], catalogue)).toEqual([]);
  });
});
