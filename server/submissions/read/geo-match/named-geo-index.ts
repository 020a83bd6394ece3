import type { NamedGeo } from '../../../correspondences/geo-names';
import type { GeoKind } from '../../../shared/geo-kinds';

/** Countries and regions by code, as name matching needs them, from the geo rows validation already reads. */
export function namedGeoIndex(
  rows: {
    code: string;
    name: string;
    kind: GeoKind;
    country: string | null;
    nuts_level: number | null;
    territorial: number;
  }[],
): Map<string, NamedGeo> {
  const index = new Map<string, NamedGeo>();
  for (const r of rows) {
    if (r.kind === 'aggregate') continue;
    const country = r.kind === 'country' ? r.code : r.country;
    index.set(r.code, {
      code: r.code,
      name: r.name,
      country,
      level: r.kind === 'country' ? 0 : r.nuts_level,
      territorial: Number(r.territorial) !== 0,
    });
  }
  return index;
}
