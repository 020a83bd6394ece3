/**
 * Derives the dashboard's compact map of Europe from GISCO's NUTS level-0 geometry
 * (EPSG:3035, ETRS89 Lambert azimuthal equal-area, 1:60 million).
 * Coordinates are kept in EPSG:3035 but in kilometres, rounded to 1 km (ample at this scale),
 * and polygons outside mainland Europe's frame (outermost regions) are dropped so the map stays
 * readable. It also derives the NUTS 2021 regions (levels 1–3) from GISCO's 1:20 million files: the
 * region catalogue data/regions.json and one geometry per level, client/map/nuts-{1,2,3}.json, which
 * the dashboard fetches only when a level is shown (scripts/map/nuts-regions.ts).
 * © EuroGeographics for the administrative boundaries.
 *   npm run map:build
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGeoCatalogue } from '../server/geos/geo.catalogue';
import { type GiscoFeature, levelGeometry, NUTS_LEVELS, regionCatalogue } from './map/nuts-regions';

type Ring = number[][];
type Polygon = Ring[];
interface SourceFeature {
  properties: { NUTS_ID: string; NAME_LATN: string };
  geometry: { type: 'Polygon'; coordinates: Polygon } | { type: 'MultiPolygon'; coordinates: Polygon[] };
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MAP_SOURCE = path.resolve(ROOT, '../shared/data/gisco-nuts/NUTS_RG_60M_2021_3035_LEVL_0.geojson');
export const MAP_OUTPUT = path.join(ROOT, 'client/map/europe-3035.json');
export const NUTS_SOURCE = (level: number) =>
  path.resolve(ROOT, `../shared/data/gisco-nuts/NUTS_RG_20M_2021_4326_LEVL_${level}.geojson`);
export const REGIONS_OUTPUT = path.join(ROOT, 'data/regions.json');
export const NUTS_MAP_OUTPUT = (level: number) => path.join(ROOT, `client/map/nuts-${level}.json`);

function buildRegions(): void {
  const countries = new Set(
    loadGeoCatalogue()
      .geos.filter((g) => g.kind === 'country')
      .map((g) => g.code),
  );
  const levels = NUTS_LEVELS.map(
    (level) => (JSON.parse(readFileSync(NUTS_SOURCE(level), 'utf8')) as { features: GiscoFeature[] }).features,
  );
  const regions = regionCatalogue(levels, countries);
  const catalogue = {
    nutsVersion: '2021',
    source: 'Eurostat GISCO, NUTS 2021 (NUTS_RG_20M_2021_4326_LEVL_1-3); extra-regio codes per Eurostat NUTS rules',
    credit: '© EuroGeographics for the administrative boundaries',
    regions,
  };
  writeFileSync(REGIONS_OUTPUT, `${JSON.stringify(catalogue, null, 1)}\n`);
  console.log(`regions: ${regions.length} → ${path.relative(ROOT, REGIONS_OUTPUT)}`);
  levels.forEach((features, i) => {
    const geometry = levelGeometry(features, countries);
    writeFileSync(NUTS_MAP_OUTPUT(i + 1), JSON.stringify(geometry));
    console.log(`map: NUTS ${i + 1}, ${geometry.features.length} regions → client/map/nuts-${i + 1}.json`);
  });
}

/** EPSG:3035 window (metres) holding continental Europe, Iceland, Cyprus and Türkiye. */
const FRAME = { xMin: 2_400_000, xMax: 7_800_000, yMin: 1_300_000, yMax: 5_500_000 };

function insideFrame(polygon: Polygon): boolean {
  const ring = polygon[0] ?? [];
  const x = ring.reduce((s, p) => s + p[0]!, 0) / ring.length;
  const y = ring.reduce((s, p) => s + p[1]!, 0) / ring.length;
  return x >= FRAME.xMin && x <= FRAME.xMax && y >= FRAME.yMin && y <= FRAME.yMax;
}

function compactRing(ring: Ring): Ring {
  const out: Ring = [];
  for (const [x, y] of ring) {
    const point = [Math.round(x! / 1000), Math.round(y! / 1000)];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out;
}

export function compactFeature(feature: SourceFeature) {
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  const kept = polygons
    .filter(insideFrame)
    .map((polygon) => polygon.map(compactRing).filter((ring) => ring.length >= 4));
  return {
    type: 'Feature' as const,
    id: feature.properties.NUTS_ID,
    properties: { name: feature.properties.NAME_LATN },
    geometry: { type: 'MultiPolygon' as const, coordinates: kept.filter((p) => p.length > 0) },
  };
}

export function buildMap(sourceText: string) {
  const source = JSON.parse(sourceText) as { features: SourceFeature[] };
  return {
    type: 'FeatureCollection' as const,
    crs: 'EPSG:3035 (km)',
    credit: '© EuroGeographics for the administrative boundaries',
    features: source.features.map(compactFeature).filter((f) => f.geometry.coordinates.length > 0),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const map = buildMap(readFileSync(MAP_SOURCE, 'utf8'));
  writeFileSync(MAP_OUTPUT, JSON.stringify(map));
  console.log(`map: ${map.features.length} geos → ${path.relative(ROOT, MAP_OUTPUT)}`);
  buildRegions();
}
