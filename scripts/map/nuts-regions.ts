/**
 * Derives the observatory's NUTS 2021 regions (levels 1–3) from GISCO's boundary files: the region
 * catalogue (data/regions.json: code, name, level, country, parent) and one compact geometry per level
 * for the dashboard (client/map/nuts-{1,2,3}.json). Only the countries the observatory holds are kept.
 * Extra-regio codes (…Z, …ZZ, …ZZZ) have no boundary in GISCO: they are added to the catalogue as
 * geos without territory. © EuroGeographics for the administrative boundaries.
 */
import { geoAzimuthalEqualArea } from 'd3-geo';

type Ring = number[][];
type Polygon = Ring[];
export interface GiscoFeature {
  properties: { NUTS_ID: string; LEVL_CODE: number; CNTR_CODE: string; NAME_LATN: string };
  geometry: { type: 'Polygon'; coordinates: Polygon } | { type: 'MultiPolygon'; coordinates: Polygon[] };
}

export interface RegionEntry {
  code: string;
  name: string;
  level: 1 | 2 | 3;
  country: string;
  parent: string;
  territorial: boolean;
}

export const NUTS_LEVELS = [1, 2, 3] as const;

/** The extra-regio code of a country at a level: FRZ, FRZZ, FRZZZ. */
export function extraRegioCode(country: string, level: number): string {
  return country + 'Z'.repeat(level);
}

/** A NUTS code's parent: the country for NUTS 1 (two letters), else the code one character shorter. */
export function parentOf(code: string, level: number): string {
  return level === 1 ? code.slice(0, 2) : code.slice(0, -1);
}

export function regionCatalogue(levels: GiscoFeature[][], countries: Set<string>): RegionEntry[] {
  const regions: RegionEntry[] = [];
  for (const features of levels) {
    for (const { properties: p } of features) {
      if (!countries.has(p.CNTR_CODE)) continue;
      const level = p.LEVL_CODE as 1 | 2 | 3;
      regions.push({
        code: p.NUTS_ID,
        name: p.NAME_LATN,
        level,
        country: p.CNTR_CODE,
        parent: parentOf(p.NUTS_ID, level),
        territorial: true,
      });
    }
  }
  const withRegions = [...new Set(regions.map((r) => r.country))].sort();
  for (const country of withRegions) {
    for (const level of NUTS_LEVELS) {
      regions.push({
        code: extraRegioCode(country, level),
        name: `Extra-Regio NUTS ${level}`,
        level,
        country,
        parent: level === 1 ? country : extraRegioCode(country, level - 1),
        territorial: false,
      });
    }
  }
  return regions.sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
}

/** Spherical LAEA centred as EPSG:3035 (52°N 10°E), in km with its false origin: close to GISCO's 3035 maps. */
const projection = geoAzimuthalEqualArea().rotate([-10, -52]).scale(6371.0088).translate([0, 0]);
const FALSE_EASTING_KM = 4321;
const FALSE_NORTHING_KM = 3210;
/** The same window as the country map (km): continental Europe, Iceland, Cyprus and Türkiye. */
const FRAME = { xMin: 2400, xMax: 7800, yMin: 1300, yMax: 5500 };
/** Grid the vertices snap to (km): a drawn map of Europe is ~9 km per pixel, so 2 km loses nothing visible. */
const GRID_KM = 2;

function projectRing(ring: Ring): Ring {
  const out: Ring = [];
  for (const [lon, lat] of ring) {
    const [px, py] = projection([lon!, lat!])!;
    const x = Math.round((px + FALSE_EASTING_KM) / GRID_KM) * GRID_KM;
    const y = Math.round((FALSE_NORTHING_KM - py) / GRID_KM) * GRID_KM;
    const last = out[out.length - 1];
    if (!last || last[0] !== x || last[1] !== y) out.push([x, y]);
  }
  return out;
}

function insideFrame(polygon: Polygon): boolean {
  const ring = polygon[0] ?? [];
  const x = ring.reduce((s, p) => s + p[0]!, 0) / ring.length;
  const y = ring.reduce((s, p) => s + p[1]!, 0) / ring.length;
  return x >= FRAME.xMin && x <= FRAME.xMax && y >= FRAME.yMin && y <= FRAME.yMax;
}

/** One level's regions as the dashboard draws them: projected, snapped, outermost regions dropped. */
export function levelGeometry(features: GiscoFeature[], countries: Set<string>) {
  const kept = features.flatMap((feature) => {
    if (!countries.has(feature.properties.CNTR_CODE)) return [];
    const g = feature.geometry;
    const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
      .map((polygon) => polygon.map(projectRing).filter((ring) => ring.length >= 4))
      .filter((polygon) => polygon.length > 0 && insideFrame(polygon));
    if (!polygons.length) return [];
    return [
      {
        type: 'Feature' as const,
        id: feature.properties.NUTS_ID,
        properties: { name: feature.properties.NAME_LATN, country: feature.properties.CNTR_CODE },
        geometry: { type: 'MultiPolygon' as const, coordinates: polygons },
      },
    ];
  });
  return {
    type: 'FeatureCollection' as const,
    crs: 'EPSG:3035 (km, spherical approximation)',
    credit: '© EuroGeographics for the administrative boundaries',
    features: kept,
  };
}
