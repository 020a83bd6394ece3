/**
 * Derives the observatory's seed from the public source files in ../shared/data and writes canonical
 * submission CSVs (geo,indicator,period,value,flags,note) under data/seed/, one file per source and geo.
 * The seed is committed so that a machine without ../shared can start; re-run this after a source changes.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadGeoCatalogue } from '../server/geos/geo.catalogue';
import { DATA_DIR } from '../server/catalogue/paths';
import { type SeedCell, toCanonicalCsv } from './seed/canonical-writer';
import { readEurostatTsv } from './seed/eurostat-tsv';
import { readWorldBankCsv } from './seed/worldbank-csv';

const SHARED = path.resolve(DATA_DIR, '../../shared/data');
const SEED_DIR = path.join(DATA_DIR, 'seed');

function requireSource(relative: string): string {
  const file = path.join(SHARED, relative);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new Error(`Source file missing: ${file}. The seed is derived from ../shared/data; see data/README.md.`);
  }
}

const knownGeos = new Set(loadGeoCatalogue().geos.map((g) => g.code));
const iso3ToGeo = new Map(
  loadGeoCatalogue()
    .geos.filter((g) => g.iso3 && g.kind === 'country')
    .map((g) => [g.iso3!, g.code]),
);

const offences = readEurostatTsv(requireSource('eurostat-crim_off_cat/estat_crim_off_cat.tsv'), (key) => ({
  geo: key.geo!,
  indicator: key.iccs!,
}));
const population = readEurostatTsv(requireSource('eurostat-tps00001/tps00001.tsv'), (key) =>
  key.indic_de === 'JAN' && knownGeos.has(key.geo!) ? { geo: key.geo!, indicator: 'POP_JAN' } : null,
);
const worldBank = readWorldBankCsv(requireSource('worldbank-population/API_SP.POP.TOTL_DS2_en_csv_v2_4473555.csv'))
  .filter((c) => iso3ToGeo.has(c.iso3) && (c.period === '2020' || c.period === '2021'))
  .map<SeedCell>((c) => ({
    geo: iso3ToGeo.get(c.iso3)!,
    indicator: 'POP_JAN',
    period: c.period,
    value: c.value,
    flags: 'd',
    note: 'World Bank SP.POP.TOTL mid-year estimate, not 1 January',
  }));

const sources: { folder: string; cells: SeedCell[] }[] = [
  { folder: 'eurostat-tps00001', cells: population },
  { folder: 'worldbank-sp-pop-totl', cells: worldBank },
  { folder: 'eurostat-crim_off_cat', cells: offences },
];

rmSync(SEED_DIR, { recursive: true, force: true });
const manifest: { file: string; geo: string; cells: number }[] = [];
for (const { folder, cells } of sources) {
  mkdirSync(path.join(SEED_DIR, folder), { recursive: true });
  const byGeo = new Map<string, SeedCell[]>();
  for (const c of cells) byGeo.set(c.geo, [...(byGeo.get(c.geo) ?? []), c]);
  for (const [geo, geoCells] of [...byGeo].sort(([a], [b]) => a.localeCompare(b))) {
    if (!knownGeos.has(geo)) throw new Error(`Seed source ${folder} has geo ${geo}, which data/geos.json lacks.`);
    const file = `${folder}/${geo}.csv`;
    writeFileSync(path.join(SEED_DIR, file), toCanonicalCsv(geoCells));
    manifest.push({ file, geo, cells: geoCells.length });
  }
}
writeFileSync(path.join(SEED_DIR, 'manifest.json'), `${JSON.stringify({ files: manifest }, null, 1)}\n`);
const total = manifest.reduce((n, f) => n + f.cells, 0);
console.log(`seed: ${manifest.length} files, ${total} cells → ${path.relative(process.cwd(), SEED_DIR)}`);
