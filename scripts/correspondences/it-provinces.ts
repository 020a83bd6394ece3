/**
 * Builds data/correspondences/it-provinces-nuts3.json: the Italian Interior Ministry's province names
 * (the two INT00062 files in ../shared/data/it-interno-delitti) → NUTS 2021 level 3 regions, from GISCO's
 * NUTS names. A name that matches a GISCO name as matching does (case, accents, hyphens, spacing aside) is
 * taken as it is; the few the ministry writes otherwise are listed in VARIANTS below, each checked against
 * GISCO. The script fails if any ministry name is left without a region, so a new file's names are noticed.
 *
 *   npx tsx scripts/correspondences/it-provinces.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nameKey } from '../../server/correspondences/name-key';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED = path.resolve(ROOT, '../shared/data');
const GISCO = path.join(SHARED, 'gisco-nuts/NUTS_RG_20M_2021_4326_LEVL_3.geojson');
const MINISTRY = [
  'it-interno-delitti/INT00062_Delitti_denunciati_2018_Provinciali.csv',
  'it-interno-delitti/NT00062_Delitti_denunciati_2019_Provinciali.csv',
].map((f) => path.join(SHARED, f));
const OUT = path.join(ROOT, 'data/correspondences/it-provinces-nuts3.json');

/** Ministry names GISCO writes otherwise: the ministry's name → the NUTS 3 code, with why. */
const VARIANTS: Record<string, { geo: string; note: string }> = {
  'Pesaro - Urbino': { geo: 'ITI31', note: 'NUTS name "Pesaro e Urbino".' },
  Bolzano: { geo: 'ITH10', note: 'NUTS name "Bolzano-Bozen" (the autonomous province).' },
  'Reggio Calabria': { geo: 'ITF65', note: 'NUTS name "Reggio di Calabria".' },
  'Reggio Emilia': { geo: 'ITH53', note: 'NUTS name "Reggio nell’Emilia".' },
  Aosta: { geo: 'ITC20', note: 'NUTS name "Valle d’Aosta/Vallée d’Aoste": the region has one province.' },
};

/** Sardinia: the ministry keeps four provinces; NUTS 2021 has five since the 2016 reform. */
const SARDINIA_NOTE =
  'The ministry counts Sardinia in four provinces (Cagliari, Nuoro, Oristano, Sassari); NUTS 2021 has five, with Sud ' +
  'Sardegna (ITG2H) carved from the former provinces. The ministry’s figures are placed under the NUTS region of ' +
  'the same name, whose boundary differs; Sud Sardegna has no figure of its own.';
const SARDINIA = new Set(['ITG2D', 'ITG2E', 'ITG2F', 'ITG2G']);

interface GiscoRegion {
  code: string;
  name: string;
}

function giscoRegions(): GiscoRegion[] {
  const json = JSON.parse(readFileSync(GISCO, 'utf8')) as {
    features: { properties: { NUTS_ID: string; NAME_LATN: string; CNTR_CODE: string } }[];
  };
  return json.features
    .map((f) => f.properties)
    .filter((p) => p.CNTR_CODE === 'IT' && !p.NUTS_ID.endsWith('Z'))
    .map((p) => ({ code: p.NUTS_ID, name: p.NAME_LATN }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** The Provincia column of both files (Latin-1, `;`), in order of first appearance. */
function ministryNames(): string[] {
  const names = new Set<string>();
  for (const file of MINISTRY) {
    const lines = readFileSync(file, 'latin1').split(/\r?\n/).slice(1);
    for (const line of lines) {
      const province = line.split(';')[2]?.trim();
      if (province) names.add(province);
    }
  }
  return [...names];
}

function build() {
  const regions = giscoRegions();
  const byKey = new Map(regions.map((r) => [nameKey(r.name), r]));
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const entries: { name: string; geo: string; note?: string }[] = [];
  const unplaced: string[] = [];
  for (const name of ministryNames()) {
    const variant = VARIANTS[name];
    const region = variant ? byCode.get(variant.geo) : byKey.get(nameKey(name));
    if (!region) {
      unplaced.push(name);
      continue;
    }
    const notes = [variant?.note, SARDINIA.has(region.code) ? SARDINIA_NOTE : undefined].filter(Boolean);
    entries.push({ name, geo: region.code, ...(notes.length ? { note: notes.join(' ') } : {}) });
  }
  if (unplaced.length) throw new Error(`Ministry names without a NUTS 3 region: ${unplaced.join(', ')}`);
  const used = new Set(entries.map((e) => e.geo));
  const unmatched = regions.filter((r) => !used.has(r.code)).map((r) => ({ geo: r.code, note: SARDINIA_NOTE }));
  // Each NUTS name too, so that a file written with GISCO's names reads through the same table.
  const keys = new Set(entries.map((e) => nameKey(e.name)));
  for (const r of regions) if (!keys.has(nameKey(r.name))) entries.push({ name: r.name, geo: r.code });
  return {
    name: 'it-provinces-nuts3',
    geo: 'IT',
    description:
      'Italian provinces as the Interior Ministry names them (INT00062 tables), and their NUTS names, → NUTS 2021 level 3.',
    source:
      'Built by scripts/correspondences/it-provinces.ts from Eurostat GISCO NUTS 2021 names and the province names of the ' +
      'Ministero dell’Interno files of 2018 and 2019.',
    credit:
      'Ministero dell’Interno, Ufficio centrale di statistica; © EuroGeographics for the administrative boundaries',
    level: 3,
    entries,
    unmatched,
  };
}

const table = build();
writeFileSync(OUT, `${JSON.stringify(table, null, 1)}\n`);
console.log(
  `${OUT}: ${table.entries.length} names → ${new Set(table.entries.map((e) => e.geo)).size} NUTS 3 regions; unmatched ${table.unmatched.map((u) => u.geo).join(', ')}`,
);
