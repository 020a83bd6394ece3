/**
 * Derives the observatory's seed from the public source files in ../shared/data and writes canonical
 * submission CSVs (geo,indicator,period,value,flags,note) under data/seed/, one file per source and geo,
 * and a manifest naming each file's source (data/sources.json) and edition, in the order they load.
 * The seed is committed so that a machine without ../shared can start; re-run this after a source changes.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadGeoCatalogue } from '../server/geos/geo.catalogue';
import { DATA_DIR } from '../server/catalogue/paths';
import { decodeJsonStatText, type JsonStatDataset } from '../server/submissions/read/jsonstat/decode';
import { type NumberFormat, readNumber } from '../server/submissions/read/number-format';
import { readFileCells } from '../server/submissions/read/read-file';
import { fileSource } from '../server/submissions/read/source';
import type { ReadScope } from '../server/submissions/read/table-reader';
import { type SeedCell, toCanonicalCsv } from './seed/canonical-writer';
import { CRIM_GEN_REG_SOURCE, publishedRates, readCrimGenReg, regionalCounts } from './seed/crim-gen-reg';
import { loadRegionCatalogue, nutsChanges } from '../server/geos/region.catalogue';
import { loadIndicatorCatalogue } from '../server/indicators/indicator.catalogue';

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

/** A JSON-stat answer of Eurostat's API, decoded by the same decoder the submission pipeline uses. */
function readJsonStat(relative: string): JsonStatDataset {
  const file = path.join(SHARED, relative);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`Source file missing: ${file}. The seed is derived from ../shared/data; see data/README.md.`);
  }
  const decoded = decodeJsonStatText(text);
  if (!decoded.ok) throw new Error(`${relative}: ${decoded.problems[0]?.message}`);
  return decoded.dataset;
}

/** The cube's cells as seed cells: `indicator` names the dimension (or fixed code) that gives the indicator. */
function jsonStatCells(dataset: JsonStatDataset, indicator: { dimension: string } | { code: string }): SeedCell[] {
  const cells: SeedCell[] = [];
  for (const cell of dataset.cells()) {
    if (cell.value === null) continue;
    const geo = cell.coordinates.geo!;
    if (!knownGeos.has(geo)) throw new Error(`JSON-stat cell of geo ${geo}, which data/geos.json lacks.`);
    cells.push({
      geo,
      indicator: 'code' in indicator ? indicator.code : cell.coordinates[indicator.dimension]!,
      period: cell.coordinates.time!,
      value: cell.value,
      flags: cell.status ?? '',
      note: '',
    });
  }
  return cells;
}

const offences = (await readSource('eurostat-crim_off_cat/estat_crim_off_cat.tsv', 'eurostat-crim_off_cat')).map(
  (c) => ({ ...c, note: '' }),
);
const edition2025 = readJsonStat('eurostat-jsonstat/crim_off_cat_2025.json');
const offences2025 = jsonStatCells(edition2025, { dimension: 'iccs' });
// Population on 1 January: Eurostat's demo_pjan (2004-2024) wherever it has a figure; tps00001 for the
// geos demo_pjan lacks; the World Bank's mid-year estimates (flagged d) only where Eurostat has none.
const demoPjan = readJsonStat('eurostat-jsonstat/demo_pjan.json');
const eurostatPopulation = jsonStatCells(demoPjan, { code: 'POP_JAN' });
const cellKey = (c: SeedCell) => `${c.geo}|${c.period}`;
const inDemoPjan = new Set(eurostatPopulation.map(cellKey));
const demoPjanGeos = new Set(eurostatPopulation.map((c) => c.geo));
const tps00001 = (await readSource('eurostat-tps00001/tps00001.tsv', 'eurostat-tps00001'))
  .filter((c) => !demoPjanGeos.has(c.geo))
  .map((c) => ({ ...c, note: '' }));
// Rates start where the offence series start: older World Bank figures would divide nothing.
const FIRST_OFFENCE_YEAR = Math.min(...offences.map((c) => Number(c.period)));
const fromEurostat = new Set([...inDemoPjan, ...tps00001.map(cellKey)]);
const worldBank = (
  await readSource('worldbank-population/API_SP.POP.TOTL_DS2_en_csv_v2_4473555.csv', 'worldbank-population')
).filter((c) => Number(c.period) >= FIRST_OFFENCE_YEAR && !fromEurostat.has(cellKey(c)));

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
 * Each folder is one source's delivery (its code in data/sources.json, and the edition), loaded in this
 * order: a later edition of the same source revises its cells, another source's stand beside them.
 * `geoOf` files a region's rows under its country (one submission per country and source).
 */
interface SeedDelivery {
  folder: string;
  source: string;
  edition: string;
  cells: SeedCell[];
  geoOf?: (geo: string) => string;
}
const sources: SeedDelivery[] = [
  {
    folder: 'eurostat-demo_pjan',
    source: 'estat.demo_pjan',
    edition: `updated ${demoPjan.updated}`,
    cells: eurostatPopulation,
  },
  { folder: 'eurostat-tps00001', source: 'estat.tps00001', edition: 'bulk TSV, 2008-2019', cells: tps00001 },
  { folder: 'worldbank-sp-pop-totl', source: 'wb.sp_pop_totl', edition: 'WDI bulk CSV v2_4473555', cells: worldBank },
  { folder: 'eurostat-crim_off_cat', source: 'estat.crim_off_cat', edition: 'bulk TSV, 2008-2022', cells: offences },
  {
    folder: 'eurostat-crim_off_cat-2025',
    source: 'estat.crim_off_cat',
    edition: `2025 edition, updated ${edition2025.updated}`,
    cells: offences2025,
  },
  { folder: 'eurostat-ilc_mddw03', source: 'estat.ilc_mddw03', edition: 'JSON-stat answer', cells: safety },
  { folder: 'eurostat-gbv_ipv_lim', source: 'estat.gbv', edition: 'gbv_ipv_lim, 2021 survey', cells: partnerViolence },
  { folder: 'eurostat-gbv_dv_lim', source: 'estat.gbv', edition: 'gbv_dv_lim, 2021 survey', cells: domesticViolence },
  { folder: 'unodc-cts', source: 'unodc.cts', edition: 'violent and sexual crime, 2003-2022', cells: unodc },
  { folder: 'bka-pks', source: 'national', edition: 'BKA PKS table ZR-F-01-T01', cells: nationalTotals },
  {
    folder: 'eurostat-crim_gen_reg',
    source: CRIM_GEN_REG_SOURCE,
    edition: 'bulk TSV, 2008-2021',
    cells: regional,
    geoOf: (geo) => countryOf.get(geo)!,
  },
];

rmSync(SEED_DIR, { recursive: true, force: true });
const manifest: { file: string; geo: string; cells: number; source: string; edition: string }[] = [];
for (const { folder, source, edition, cells, geoOf = (geo: string) => geo } of sources) {
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
    manifest.push({ file, geo, cells: geoCells.length, source, edition });
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
