import { decodeJsonStatText } from '../../server/submissions/read/jsonstat/decode';
import { readSharedData } from '../helpers/shared-data';

/** A cell of a Eurostat TSV: value and flags as printed ("66918941 p"). */
export interface EurostatCell {
  value: number;
  flags: string;
}

/** Parses a Eurostat bulk TSV into "key|geo|year" → cell, `key` being the first key dimension that varies. */
function parseTsv(
  text: string,
  keyOf: (dims: string[]) => string,
  geoOf: (dims: string[]) => string,
): Map<string, EurostatCell> {
  const [header, ...lines] = text.trim().split('\n');
  const years = header!
    .split('\t')
    .slice(1)
    .map((y) => y.trim());
  const cells = new Map<string, EurostatCell>();
  for (const line of lines) {
    const [key, ...values] = line.split('\t');
    const dims = key!.split(',');
    values.forEach((raw, i) => {
      const [number, flags = ''] = raw.trim().split(' ');
      if (number === ':' || number === undefined || number === '') return;
      cells.set(`${keyOf(dims)}|${geoOf(dims)}|${years[i]}`, { value: Number(number), flags: flags.trim() });
    });
  }
  return cells;
}

/** crim_off_cat counts: "ICCS0101|AT|2017" → cell. */
export function readCrimeCounts(): Map<string, EurostatCell> {
  return parseTsv(
    readSharedData('eurostat-crim_off_cat/estat_crim_off_cat.tsv'),
    (d) => d[1]!,
    (d) => d[3]!,
  );
}

/** tps00001 population on 1 January: "POP_JAN|FR|2018" → cell. */
export function readPopulation(): Map<string, EurostatCell> {
  return parseTsv(
    readSharedData('eurostat-tps00001/tps00001.tsv'),
    () => 'POP_JAN',
    (d) => d[1]!,
  );
}

/** A Eurostat JSON-stat answer's cells keyed by the given dimensions and year: "ICCS0101|AT|2023" → cell. */
function readJsonStat(file: string, keyOf: (coordinates: Record<string, string>) => string): Map<string, EurostatCell> {
  const decoded = decodeJsonStatText(readSharedData(file));
  if (!decoded.ok) throw new Error(`${file}: ${decoded.problems[0]?.message}`);
  const cells = new Map<string, EurostatCell>();
  for (const cell of decoded.dataset.cells()) {
    if (cell.value === null) continue;
    cells.set(`${keyOf(cell.coordinates)}|${cell.coordinates.time}`, { value: cell.value, flags: cell.status ?? '' });
  }
  return cells;
}

/**
 * The population the seed divides by: demo_pjan (2004-2024) for the geos it covers, tps00001 for the
 * others: "POP_JAN|FR|2018" → cell.
 */
export function readSeedPopulation(): Map<string, EurostatCell> {
  const demoPjan = readJsonStat('eurostat-jsonstat/demo_pjan.json', (c) => `POP_JAN|${c.geo}`);
  const covered = new Set([...demoPjan.keys()].map((k) => k.split('|')[1]));
  const population = new Map([...readPopulation()].filter(([k]) => !covered.has(k.split('|')[1])));
  for (const [k, cell] of demoPjan) population.set(k, cell);
  return population;
}

/** The crim_off_cat counts as published now: the 2022 TSV, revised and extended by the 2025 edition. */
export function readLatestCrimeCounts(): Map<string, EurostatCell> {
  const counts = readCrimeCounts();
  for (const [k, cell] of readJsonStat('eurostat-jsonstat/crim_off_cat_2025.json', (c) => `${c.iccs}|${c.geo}`))
    counts.set(k, cell);
  return counts;
}
