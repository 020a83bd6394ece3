import nuts1Url from './nuts-1.json?url';
import nuts2Url from './nuts-2.json?url';
import nuts3Url from './nuts-3.json?url';
import type { MapFeature, MapGeometry } from '../charts/choropleth';

/** A NUTS region's shape: its country rides along so a map can be cut to one country. */
export type RegionFeature = MapFeature & { properties: { name: string; country: string } };
export interface RegionGeometry extends MapGeometry {
  features: RegionFeature[];
}

const URLS: Record<number, string> = { 1: nuts1Url, 2: nuts2Url, 3: nuts3Url };
const loaded = new Map<number, Promise<RegionGeometry>>();
const cut = new Map<string, RegionGeometry>();

/**
 * The derived GISCO geometry of one NUTS level (npm run map:build), fetched only when that level is
 * first shown: it is data, not part of the dashboard's code.
 */
export function loadRegionMap(level: number): Promise<RegionGeometry> {
  let geometry = loaded.get(level);
  if (!geometry) {
    const url = URLS[level];
    if (!url) return Promise.reject(new Error(`No map for NUTS level ${level}.`));
    geometry = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`The NUTS ${level} map could not be loaded (${r.status}).`);
      return r.json() as Promise<RegionGeometry>;
    });
    geometry.catch(() => loaded.delete(level));
    loaded.set(level, geometry);
  }
  return geometry;
}

/** One country's regions of a map (kept, so its projected paths are cached like the whole map's). */
export function countryMap(map: RegionGeometry, level: number, country: string | null): RegionGeometry {
  if (!country) return map;
  const key = `${level}|${country}`;
  const kept = cut.get(key);
  if (kept) return kept;
  const geometry: RegionGeometry = { ...map, features: map.features.filter((f) => f.properties.country === country) };
  cut.set(key, geometry);
  return geometry;
}
