import { describe, expect, it } from 'vitest';
import { loadGeoCatalogue } from '../../server/geos/geo.catalogue';
import { loadIndicatorCatalogue } from '../../server/indicators/indicator.catalogue';
import { readSharedData } from '../helpers/shared-data';

describe('the indicator catalogue', () => {
  const catalogue = loadIndicatorCatalogue();

  it('has every ICCS category of crim_off_cat', () => {
    const iccs = readSharedData('eurostat-crim_off_cat/iccs.csv')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    const codes = new Set(catalogue.indicators.map((i) => i.code));
    expect(iccs).toHaveLength(21);
    for (const code of iccs) expect(codes, code).toContain(code);
  });

  it('has population and at least 8 prevention indicators without data yet', () => {
    expect(catalogue.indicators.find((i) => i.code === 'POP_JAN')).toBeDefined();
    const planned = catalogue.indicators.filter((i) => i.intendedSource && !i.source);
    expect(planned.length).toBeGreaterThanOrEqual(8);
    for (const i of planned) expect(i.definition.length, i.code).toBeGreaterThan(40);
  });

  it('lets only counts derive per-100k rates, and only from population', () => {
    for (const i of catalogue.indicators.filter((x) => x.rate.derivable)) {
      expect(i.unit, i.code).toBe('count');
      expect(i.rate.denominator, i.code).toBe('POP_JAN');
    }
  });
});

describe('the geo catalogue', () => {
  const geos = loadGeoCatalogue().geos;
  it('covers every geo of crim_off_cat', () => {
    const codes = new Set(geos.map((g) => g.code));
    const used = readSharedData('eurostat-crim_off_cat/geo.csv')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]!);
    for (const code of used) expect(codes, code).toContain(code);
  });
  it('has 27 EU member states', () => {
    expect(geos.filter((g) => g.groups.includes('EU27_2020'))).toHaveLength(27);
  });
});
