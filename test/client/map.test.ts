import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildMap, MAP_OUTPUT, MAP_SOURCE } from '../../scripts/build-map';
import { sharedDataPath } from '../helpers/shared-data';

describe('derived map of Europe', () => {
  const built = buildMap(readFileSync(sharedDataPath('gisco-nuts/NUTS_RG_60M_2021_3035_LEVL_0.geojson'), 'utf8'));

  it('is up to date with the GISCO file (run npm run map:build after changing the script)', () => {
    expect(MAP_SOURCE).toBe(sharedDataPath('gisco-nuts/NUTS_RG_60M_2021_3035_LEVL_0.geojson'));
    expect(JSON.parse(readFileSync(MAP_OUTPUT, 'utf8'))).toEqual(built);
  });

  it('keeps every NUTS-0 country under its Eurostat code, in EPSG:3035 kilometres, within Europe', () => {
    const codes = built.features.map((f) => f.id);
    expect(codes).toHaveLength(37);
    expect(codes).toEqual(expect.arrayContaining(['DE', 'FR', 'EL', 'UK', 'NL', 'TR', 'IS']));
    const xs = built.features.flatMap((f) => f.geometry.coordinates.flat(2).map((p) => p[0]!));
    expect(Math.min(...xs)).toBeGreaterThan(2400);
    expect(Math.max(...xs)).toBeLessThan(7800);
    expect(built.credit).toBe('© EuroGeographics for the administrative boundaries');
  });

  it('drops the outermost regions but keeps mainland France and Corsica', () => {
    const france = built.features.find((f) => f.id === 'FR')!;
    expect(france.geometry.coordinates.length).toBeGreaterThanOrEqual(2);
    const source = JSON.parse(readFileSync(MAP_SOURCE, 'utf8')) as {
      features: { properties: { NUTS_ID: string }; geometry: { coordinates: unknown[] } }[];
    };
    const original = source.features.find((f) => f.properties.NUTS_ID === 'FR')!;
    expect(original.geometry.coordinates.length).toBeGreaterThan(france.geometry.coordinates.length);
  });
});
