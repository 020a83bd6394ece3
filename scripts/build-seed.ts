/**
 * Derives the observatory's seed from the public source files in ../shared/data and writes canonical
 * submission CSVs (geo,indicator,period,value,flags,note) under data/seed/, one file per source and geo.
 * The seed is committed so that a machine without ../shared can start; re-run this after a source changes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadGeoCatalogue } from '../server/geos/geo.catalogue';
import { DATA_DIR } from '../server/catalogue/paths';
import { type NumberFormat, readNumber } from '../server/submissions/read/number-format';
import { readFileCells } from '../server/submissions/read/read-file';
import { fileSource } from '../server/submissions/read/source';
import type { ReadScope } from '../server/submissions/read/table-reader';
import { type SeedCell, toCanonicalCsv } from './seed/canonical-writer';
import { CRIM_GEN_REG_SOURCE, publishedRates, readCrimGenReg, regionalCounts } from './seed/crim-gen-reg';
import { loadRegionCatalogue, nutsChanges } from '../server/geos/region.catalogue';
import { loadIndicatorCatalogue } from '../server/indicators/indicator.catalogue';
import { readFileSync } from 'node:fs';

const SHARED = path.resolve(DATA_DIR, '../../shared/data');
const SEED_DIR = path.join(DATA_DIR, 'seed');

const catalogue = loadGeoCatalogue().geos;
const knownGeos = new Set(catalogue.map((g) => g.code));
const countries = catalogue.filter((g) => g.kind === 'country');
/** Every geo the observatory knows: the seed keeps each file's rows for all of them. */
const scope: ReadScope = {
  submissionGeo: '',
  geos: knownGeos,
  knownGeos,
  iso3: new Map(countries.filter((g) => g.iso3).map((g) => [g.iso3!, g.code])),
  iso2: new Map(countries.filter((g) => g.iso2).map((g) => [g.iso2!, g.code])),
};

/** A source's number as its profile writes it (the BKA's "4,444,108"), read as the pipeline reads it. */
function seedNumber(text: string, format: NumberFormat | undefined): number {
  const reading = readNumber(text, format);
  if (!reading.ok) throw new Error(`Seed value "${text}" is not a number: ${reading.message}`);
  return reading.value;
}

/** Reads a source file with its shipped import profile: the same reader as the submission pipeline. */
async function readSource(relative: string, profile: string): Promise<SeedCell[]> {
  const file = path.join(SHARED, relative);
  const source = await fileSource(file).catch(() => {
    throw new Error(`Source file missing: ${file}. The seed is derived from ../shared/data; see data/README.md.`);
  });
  const { cells, report } = await readFileCells(source, profile, scope);
  if (!report.valid) throw new Error(`${relative}: ${report.entries[0]?.code} ${report.entries[0]?.message}`);
  return cells.map((c) => ({
    geo: c.geo,
    indicator: c.indicator,
    period: c.period,
    value: seedNumber(c.value, c.numberFormat),
    flags: c.flags,
    note: c.note,
  }));
}

const offences = (await readSource('eurostat-crim_off_cat/estat_crim_off_cat.tsv', 'eurostat-crim_off_cat')).map(
  (c) => ({ ...c, note: '' }),
);
const population = (await readSource('eurostat-tps00001/tps00001.tsv', 'eurostat-tps00001')).map((c) => ({
  ...c,
  note: '',
}));
// Eurostat covers the years before 2020; the World Bank's mid-year estimates fill 2020 and 2021.
const worldBank = (
  await readSource('worldbank-population/API_SP.POP.TOTL_DS2_en_csv_v2_4473555.csv', 'worldbank-population')
).filter((c) => c.period === '2020' || c.period === '2021');

// Survey shares and UNODC's series: the comparability note of each cell names its source, as the profile says.
const safety = await readSource('eurostat-jsonstat/ilc_mddw03.json', 'eurostat-ilc_mddw03');
const partnerViolence = await readSource('eurostat-gbv/estat_gbv_ipv_lim.csv', 'eurostat-gbv_ipv_lim');
const domesticViolence = await readSource('eurostat-gbv/estat_gbv_dv_lim.csv', 'eurostat-gbv_dv_lim');
const unodc = [
  ...(await readSource('unodc-cts/data_cts_violent_and_sexual_crime.csv', 'unodc-cts-violent-sexual')),
  ...(await readSource('unodc-cts/data_cts_violent_and_sexual_crime.csv', 'unodc-cts-victims-women')),
];
// The German contact point's own total of recorded offences, which no international source has; its
// offence categories stay out of the seed (Eurostat's counts of them are the seed's).
const nationalTotals = (await readSource('bka-pks/ZR-F-01-T01-Faelle_csv.csv', 'de-bka-pks-faelle'))
  .filter((c) => c.indicator === 'TOTAL_OFFENCES')
  .map((c) => ({ ...c, geo: 'DE' }));

// crim_gen_reg's regions (issue 19): their own source, one file per country; its national rows are left out.
const regions = loadRegionCatalogue().regions;
const countryOf = new Map(regions.map((r) => [r.code, r.country]));
const catalogued = new Set(loadIndicatorCatalogue().indicators.map((i) => i.code));
const crimGenRegFile = path.join(SHARED, 'eurostat-crim_gen_reg/estat_crim_gen_reg.tsv');
const regionalFigures = readCrimGenReg(readFileSync(crimGenRegFile, 'utf8'));
const regional = regionalCounts(regionalFigures, regions, nutsChanges(), catalogued);
const regionalRates = publishedRates(regionalFigures, regions, nutsChanges(), catalogued);

/**
 * Each folder is one source dataset; `source` is its identity ("publisher:dataset"), written into the
 * manifest so that the seed loader can record where every cell came from. `geoOf` files a region's rows
 * under its country (one submission per country and source).
 */
const sources: { folder: string; source: string; cells: SeedCell[]; geoOf?: (geo: string) => string }[] = [
  { folder: 'eurostat-tps00001', source: 'eurostat:tps00001', cells: population },
  { folder: 'worldbank-sp-pop-totl', source: 'worldbank:SP.POP.TOTL', cells: worldBank },
  { folder: 'eurostat-crim_off_cat', source: 'eurostat:crim_off_cat', cells: offences },
  { folder: 'eurostat-ilc_mddw03', source: 'eurostat:ilc_mddw03', cells: safety },
  { folder: 'eurostat-gbv_ipv_lim', source: 'eurostat:gbv_ipv_lim', cells: partnerViolence },
  { folder: 'eurostat-gbv_dv_lim', source: 'eurostat:gbv_dv_lim', cells: domesticViolence },
  { folder: 'unodc-cts', source: 'unodc:cts', cells: unodc },
  { folder: 'bka-pks', source: 'bka:pks-zr-f-01-t01', cells: nationalTotals },
  {
    folder: 'eurostat-crim_gen_reg',
    source: CRIM_GEN_REG_SOURCE,
    cells: regional,
    geoOf: (geo) => countryOf.get(geo)!,
  },
];

rmSync(SEED_DIR, { recursive: true, force: true });
const manifest: { file: string; geo: string; cells: number; source: string }[] = [];
for (const { folder, source, cells, geoOf = (geo: string) => geo } of sources) {
  mkdirSync(path.join(SEED_DIR, folder), { recursive: true });
  const byGeo = new Map<string, SeedCell[]>();
  for (const c of cells) {
    const geo = geoOf(c.geo);
    const list = byGeo.get(geo) ?? [];
    list.push(c);
    byGeo.set(geo, list);
  }
  for (const [geo, geoCells] of [...byGeo].sort(([a], [b]) => a.localeCompare(b))) {
    if (!knownGeos.has(geo)) throw new Error(`Seed source ${folder} has geo ${geo}, which data/geos.json lacks.`);
    const file = `${folder}/${geo}.csv`;
    writeFileSync(path.join(SEED_DIR, file), toCanonicalCsv(geoCells));
    manifest.push({ file, geo, cells: geoCells.length, source });
  }
}
// Eurostat's published regional rates: shown, labelled as Eurostat's, where no regional population is held.
const ratesFile = 'eurostat-crim_gen_reg-rates.csv';
writeFileSync(
  path.join(SEED_DIR, ratesFile),
  `geo,indicator,period,value\n${regionalRates.map((r) => `${r.geo},${r.indicator},${r.period},${r.value}`).join('\n')}\n`,
);
const publishedRateFiles = [{ file: ratesFile, source: CRIM_GEN_REG_SOURCE, rates: regionalRates.length }];
writeFileSync(
  path.join(SEED_DIR, 'manifest.json'),
  `${JSON.stringify({ files: manifest, publishedRates: publishedRateFiles }, null, 1)}\n`,
);
const total = manifest.reduce((n, f) => n + f.cells, 0);
console.log(`seed: ${manifest.length} files, ${total} cells → ${path.relative(process.cwd(), SEED_DIR)}`);
